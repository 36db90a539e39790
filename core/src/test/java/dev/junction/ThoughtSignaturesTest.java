package dev.junction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStreams;
import dev.junction.chat.Message;
import dev.junction.chat.ThoughtSignature;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolCall;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import dev.junction.testing.Futures;
import dev.junction.testing.Sse;
import dev.junction.testing.TestProfiles;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Thought signatures on the wire: read from replies and streams, carried through
 * {@link ChatResponse#toMessage()}, written back byte for byte to the provider that issued them,
 * dropped for any other, and replaced by the profile's dummy for a flagged model.
 */
class ThoughtSignaturesTest {
    /** Opaque base64 with {@code +}, {@code /} and {@code =}, which must come back unescaped and unchanged. */
    private static final String SIG_A = "CiQBjz1rX+9kq/Yd0Hh3Zg8Qz1m0p4tQy7N2wq5mJ1o0FkP3cVYK==";
    private static final String SIG_B = "EjQKMgEMOdbHJChLX75QUCJjyYlm/zW+b3Xw9aT1q0cN8r2sUe4=";
    private static final String DUMMY = "skip_thought_signature_validator";
    private static final String WEATHER = "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}";
    private static final String TWO_CALLS = """
            {"id":"chatcmpl-7","object":"chat.completion","model":"gemini-2.5-pro","choices":[{"index":0,
             "finish_reason":"tool_calls","message":{"role":"assistant","content":null,"tool_calls":[
              {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"东京\\"}"},
               "extra_content":{"google":{"thought_signature":"%s"}}},
              {"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"大阪\\"}"},
               "extra_content":{"google":{"thought_signature":"%s"}}}]}}],
             "usage":{"prompt_tokens":20,"completion_tokens":10,"total_tokens":30}}
            """.formatted(SIG_A, SIG_B);

    private VendorServer vendor;

    @AfterEach
    void stop() {
        if (vendor != null) {
            vendor.close();
        }
    }

    /** The test vendor, its first model taking tools, with {@code edit} applied to that model's entry. */
    private static OpenAiCompatibleFactory vendor(String id, Consumer<ObjectNode> editModel) {
        VendorProfile profile = TestProfiles.edited(root -> {
            root.put("id", id);
            root.withArray("prices").forEach(row -> ((ObjectNode) row).put("provider", id));
            ObjectNode model = (ObjectNode) root.withArray("models").get(0);
            ((ArrayNode) model.withArray("capabilities")).add("TOOLS");
            editModel.accept(model);
        });
        return new OpenAiCompatibleFactory(profile, Dialect.OPENAI) {
        };
    }

    private void startVendor(Consumer<ObjectNode> editModel) {
        vendor = new VendorServer(b -> b.factories(List.of(vendor(TestVendorFactory.ID, editModel))));
    }

    private static ChatRequest ask() {
        return ChatRequest.builder().user("东京和大阪今天天气怎么样?").tool(Tool.function("get_weather", null, WEATHER)).build();
    }

    /** The request of turn 2: turn 1's reply as a message, and one result per call. */
    private static ChatRequest answer(ChatResponse turn1) {
        ChatRequest.Builder next = ask().toBuilder().message(turn1.toMessage());
        for (ToolCall call : turn1.toolCalls()) {
            next.message(Message.tool(call.id(), "{\"temp\":22}"));
        }
        return next.build();
    }

    private String lastBody() {
        List<LoggedRequest> all = vendor.wire().findAll(anyRequestedFor(urlPathMatching(".*")));
        return new String(all.get(all.size() - 1).getBody(), StandardCharsets.UTF_8);
    }

    private static String signed(String signature) {
        return "\"extra_content\":{\"google\":{\"thought_signature\":\"" + signature + "\"}}";
    }

    @Test
    void carriesEachSignatureOfAReplyIntoTheNextRequestByteForByte() {
        startVendor(model -> { });
        vendor.reply(okJson(TWO_CALLS));
        ChatResponse turn1 = vendor.chat(ask());
        assertEquals(new ThoughtSignature(TestVendorFactory.ID, SIG_A), turn1.toolCalls().get(0).signature());
        assertEquals(new ThoughtSignature(TestVendorFactory.ID, SIG_B), turn1.toolCalls().get(1).signature());

        vendor.reply(okJson(VendorServer.okBody("东京 22 度")));
        vendor.chat(answer(turn1));

        String body = lastBody();
        assertTrue(body.contains("{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":"
                + "\"{\\\"location\\\":\\\"东京\\\"}\"}," + signed(SIG_A) + "}"), body);
        assertTrue(body.contains("{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":"
                + "\"{\\\"location\\\":\\\"大阪\\\"}\"}," + signed(SIG_B) + "}"), body);
    }

    @Test
    void keepsASignatureStreamedOnTheFirstDeltaWhileTheArgumentsArriveSplit() {
        startVendor(model -> { });
        String stream = Sse.events(
                Sse.delta("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"loca\"}," + signed(SIG_A) + "}]}"),
                Sse.delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"tion\\\":\\\"东京\\\"}\"}}]}"),
                Sse.finish("tool_calls"), Sse.usage(20, 10)) + Sse.DONE;
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream").withBody(stream));
        ChatResponse turn1 = Futures.await(ChatStreams.collect(vendor.model().stream(ask())));
        assertEquals(List.of(new ToolCall("call_1", "get_weather", "{\"location\":\"东京\"}",
                new ThoughtSignature(TestVendorFactory.ID, SIG_A))), turn1.toolCalls());

        vendor.reply(okJson(VendorServer.okBody("22 度")));
        vendor.chat(answer(turn1));
        assertTrue(lastBody().contains("\"arguments\":\"{\\\"location\\\":\\\"东京\\\"}\"}," + signed(SIG_A) + "}"), lastBody());
    }

    @Test
    void dropsASignatureAnotherProviderIssued() {
        startVendor(model -> { });
        vendor.reply(okJson(VendorServer.okBody("好")));
        ToolCall foreign = new ToolCall("call_1", "get_weather", "{}", new ThoughtSignature("elsewhere", SIG_A));
        vendor.chat(ask().toBuilder().message(Message.assistant("", List.of(foreign))).message(Message.tool("call_1", "{}")).build());
        assertFalse(lastBody().contains("extra_content"), lastBody());
        assertFalse(lastBody().contains(SIG_A), lastBody());
    }

    @Test
    void sendsTheDummyOnTheFirstUnsignedCallForAFlaggedModel() {
        startVendor(model -> model.put("thoughtSignatureWhenMissing", DUMMY));
        vendor.reply(okJson(VendorServer.okBody("好")));
        // A history from another provider: its signatures cannot be sent here, so the dummy stands in.
        List<ToolCall> calls = List.of(new ToolCall("call_1", "get_weather", "{}", new ThoughtSignature("elsewhere", SIG_A)),
                new ToolCall("call_2", "get_weather", "{}"));
        vendor.chat(ask().toBuilder().message(Message.assistant("", calls))
                .message(Message.tool("call_1", "{}")).message(Message.tool("call_2", "{}")).build());
        String body = lastBody();
        assertTrue(body.contains("{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"},"
                + signed(DUMMY) + "}"), body);
        // Gemini signs only the first of parallel calls, and validates only the first of each step.
        assertTrue(body.contains("{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}"),
                body);
    }

    @Test
    void keepsTheRealSignatureOverTheDummyForAFlaggedModel() {
        startVendor(model -> model.put("thoughtSignatureWhenMissing", DUMMY));
        vendor.reply(okJson(TWO_CALLS));
        ChatResponse turn1 = vendor.chat(ask());
        vendor.reply(okJson(VendorServer.okBody("好")));
        vendor.chat(answer(turn1));
        assertTrue(lastBody().contains(signed(SIG_A)) && lastBody().contains(signed(SIG_B)), lastBody());
        assertFalse(lastBody().contains(DUMMY), lastBody());
        assertNull(TestVendorFactory.profile("x").thoughtSignatureWhenMissing(VendorServer.MODEL), "unflagged by default");
    }

    @Test
    void dropsTheFirstProvidersSignaturesWhenFallingBackToAnother() {
        vendor = new VendorServer(b -> b.factories(List.of(vendor("first", m -> { }), vendor("second", m -> { }))));
        vendor.wire().stubFor(post(urlEqualTo("/first/v1/chat/completions")).willReturn(okJson(TWO_CALLS)));
        ChatModel first = vendor.junction().chatModel("first:gemini-2.5-pro?apiKey=k1&maxRetries=0&baseUrl="
                + vendor.wire().baseUrl() + "/first");
        ChatResponse turn1 = Futures.await(first.chat(ask()));
        assertEquals("first", turn1.toolCalls().get(0).signature().provider());

        vendor.wire().stubFor(post(urlEqualTo("/first/v1/chat/completions")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"overloaded\",\"message\":\"忙\"}}")));
        vendor.wire().stubFor(post(urlEqualTo("/second/v1/chat/completions")).willReturn(okJson(VendorServer.okBody("好"))));
        ChatModel fallback = vendor.junction().chatModel(
                "first:gemini-2.5-pro?apiKey=k1&maxRetries=0&baseUrl=" + vendor.wire().baseUrl() + "/first",
                "second:gemini-2.5-pro?apiKey=k2&maxRetries=0&baseUrl=" + vendor.wire().baseUrl() + "/second");
        ChatResponse turn2 = Futures.await(fallback.chat(answer(turn1)));
        assertEquals("second", turn2.provider());

        String toFirst = body("/first/v1/chat/completions", 1);
        String toSecond = body("/second/v1/chat/completions", 0);
        assertTrue(toFirst.contains(signed(SIG_A)) && toFirst.contains(signed(SIG_B)), toFirst);
        assertFalse(toSecond.contains("extra_content"), toSecond);
    }

    /** The body of the {@code index}-th request (oldest first) to {@code path}. */
    private String body(String path, int index) {
        List<LoggedRequest> all = vendor.wire().findAll(anyRequestedFor(urlEqualTo(path)));
        return new String(all.get(index).getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void readsNoSignatureFromAnAbsentEmptyOrMistypedField() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String call : List.of("{}", "{\"extra_content\":{\"google\":{\"thought_signature\":\"\"}}}",
                "{\"extra_content\":{\"google\":{\"thought_signature\":42}}}", "{\"extra_content\":null}")) {
            assertNull(Dialect.OPENAI.readThoughtSignature(json.readTree(call)), call);
        }
        assertEquals(" x ", Dialect.OPENAI.readThoughtSignature(json.readTree(
                "{\"extra_content\":{\"google\":{\"thought_signature\":\" x \"}}}")), "opaque: never trimmed");
        assertNull(new ToolCall("c", "f", "{}").signature(), "the 3-argument constructor carries no signature");
        assertThrows(IllegalArgumentException.class, () -> new ThoughtSignature("p", ""));
        assertFalse(new ThoughtSignature("p", SIG_A).toString().contains(SIG_A), "kilobytes of signature stay out of logs");
    }

    @Test
    void refusesAProfileWhoseDummyIsNotDocumentedNamingTheField() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestProfiles.edited(root ->
                ((ObjectNode) root.withArray("models").get(0)).put("thoughtSignatureWhenMissing", "skip_validator")));
        assertTrue(e.getMessage().contains("testvendor.json (edited): models[gemini-2.5-pro].thoughtSignatureWhenMissing"), e.getMessage());
        assertTrue(e.getMessage().contains(DUMMY), e.getMessage());
        assertTrue(e.getMessage().contains("\"skip_validator\""), e.getMessage());
    }
}
