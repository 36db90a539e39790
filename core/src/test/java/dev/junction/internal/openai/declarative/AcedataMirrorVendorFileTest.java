package dev.junction.internal.openai.declarative;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.junction.Junction;
import dev.junction.catalog.ProviderView;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStreams;
import dev.junction.chat.FinishReason;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Futures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/vendors/acedata-mirror.json}, loaded through {@code JUNCTION_VENDORS} as a user
 * would load it, against WireMock: the wire bytes of a chat call, acedata's documented reply and
 * its {@code {"success":false,…,"trace_id"}} error envelope, all without a line of vendor code.
 */
class AcedataMirrorVendorFileTest {
    static final Path EXAMPLES = Path.of("..", "examples", "vendors");
    private static final String KEY = "sk-mirror-canary-5e1d";
    private static final String CHAT = "/gemini/chat/completions";
    private static final String TRACE = "2cf86e86-22a4-46e1-ac2f-032c0f2a4e89";

    private WireMockServer wire;
    private Junction junction;

    @BeforeEach
    void start() {
        assertTrue(Files.isRegularFile(EXAMPLES.resolve("acedata-mirror.json")), "run the tests from the core module");
        wire = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wire.start();
        Map<String, String> env = Map.of("JUNCTION_VENDORS", EXAMPLES.toString(),
                "ACEDATA_MIRROR_API_KEY", KEY, "ACEDATA_MIRROR_BASE_URL", "http://127.0.0.1:" + wire.port());
        junction = Junction.builder().environment(env::get).build();
    }

    @AfterEach
    void stop() {
        try {
            junction.close();
        } finally {
            wire.stop();
        }
    }

    private ChatModel model(String model) {
        return junction.chatModel("acedata-mirror:" + model + "?maxRetries=0");
    }

    private void reply(int status, String body) {
        wire.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body.getBytes(StandardCharsets.UTF_8))));
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> all = wire.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertEquals(1, all.size(), "requests: " + all);
        return all.get(0);
    }

    @Test
    void isListedWithItsCatalogAndKeyVariable() {
        ProviderView view = junction.provider("acedata-mirror");
        assertEquals("Ace Data Cloud (mirror)", view.displayName());
        assertEquals("ACEDATA_MIRROR_API_KEY", view.apiKeyEnvVar());
        assertEquals("http://127.0.0.1:" + wire.port(), view.baseUrl().toString(), "ACEDATA_MIRROR_BASE_URL applies");
        assertEquals(List.of("gemini-2.5-pro", "gemini-3-pro", "gemini-3.1-pro"), view.models().ids());
        assertEquals("gemini-3.0-pro", view.models().find("gemini-3-pro").orElseThrow().vendorModel());
        assertEquals(List.of(), junction.discoveryProblems());
    }

    @Test
    void sendsAcedatasWireBytesAndReadsItsDocumentedReply() {
        reply(200, """
                {"id":"chatcmpl-20251122212413908150493uPhjTUO9","model":"gemini-3.0-pro","object":"chat.completion",
                 "created":1763817866,"choices":[{"index":0,"message":{"role":"assistant",
                 "content":"I am a large language model, trained by Google.","reasoning_content":"**My Reasoning**"},
                 "finish_reason":"stop"}],"usage":{"prompt_tokens":8,"completion_tokens":932,"total_tokens":940,
                 "prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":921}}}
                """);

        ChatResponse response = Futures.await(model("gemini-3-pro").chat(ChatRequest.builder()
                .message(dev.junction.chat.Message.developer("用中文回答。")).user("What model are you?").build()));

        LoggedRequest request = onlyRequest();
        assertEquals("Bearer " + KEY, request.getHeader("Authorization"));
        assertEquals("{\"model\":\"gemini-3.0-pro\",\"messages\":[{\"role\":\"system\",\"content\":\"用中文回答。\"},"
                + "{\"role\":\"user\",\"content\":\"What model are you?\"}]}", new String(request.getBody(), StandardCharsets.UTF_8),
                "developer is sent as system, the vendor's model name is used, and no stream field is sent");
        assertEquals("acedata-mirror", response.provider());
        assertEquals("gemini-3-pro", response.model());
        assertEquals("gemini-3.0-pro", response.vendorModel());
        assertEquals("I am a large language model, trained by Google.", response.text());
        assertEquals("**My Reasoning**", response.reasoning());
        assertEquals(FinishReason.STOP, response.finishReason());
        assertEquals(921L, response.usage().reasoningTokens());
        assertEquals(940L, response.usage().totalTokens());
    }

    @Test
    void readsTheDocumentedErrorEnvelopeKeepingItsTraceId() {
        wire.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(500).withHeader("x-request-id", "proxy-request-1")
                .withBody("{\n  \"success\": false,\n  \"error\": {\n    \"code\": \"api_error\",\n    \"message\": \"fetch failed\"\n  },\n"
                        + "  \"trace_id\": \"" + TRACE + "\"\n}")));

        JunctionException e = Futures.failure(model("gemini-2.5-pro").chat(ChatRequest.of("你好")));

        assertEquals(ErrorKind.SERVER_ERROR, e.kind());
        assertTrue(e.retryable());
        assertEquals("acedata-mirror", e.provider());
        assertEquals("acedata-mirror: fetch failed", e.getMessage());
        assertEquals(Optional.of("api_error"), e.vendorCode());
        assertEquals(Optional.of(TRACE), e.traceId(), "the envelope's trace id wins over a proxy's request id");
        assertEquals(500, e.httpStatus().orElseThrow());
    }

    @Test
    void recognisesSuccessFalseEvenWithHttp200AndMapsItsCode() {
        reply(200, "{\"success\":false,\"error\":{\"code\":\"too_many_requests\",\"message\":\"Too many requests, you have exceeded the"
                + " rate limit.\"},\"trace_id\":\"0c7f2f0e-1a1b-4c8e-9d01-000000000403\"}");

        JunctionException e = Futures.failure(model("gemini-2.5-pro").chat(ChatRequest.of("你好")));

        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertTrue(e.retryable());
        assertEquals(Optional.of("0c7f2f0e-1a1b-4c8e-9d01-000000000403"), e.traceId());
    }

    @Test
    void pointsAnInvalidTokenAtTheMirrorsKeyVariableWithoutShowingTheKey() {
        reply(401, "{\"success\":false,\"error\":{\"code\":\"invalid_token\",\"message\":\"Unauthorized, invalid or missing"
                + " authorization token: " + KEY + "\"},\"trace_id\":\"t-401\"}");

        JunctionException e = Futures.failure(model("gemini-2.5-pro").chat(ChatRequest.of("你好")));

        assertEquals(ErrorKind.AUTHENTICATION, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.hint().orElseThrow().startsWith("check ACEDATA_MIRROR_API_KEY (or apiKey=)"), e.hint().orElseThrow());
        assertFalse(e.getMessage().contains(KEY), "a key echoed by the vendor is scrubbed: " + e.getMessage());
        assertFalse(e.toString().contains(KEY));
    }

    @Test
    void readsAnErrorEnvelopeArrivingAsAStreamEvent() {
        wire.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"success\":false,\"error\":{\"code\":\"api_error\",\"message\":\"fetch failed\"},"
                        + "\"trace_id\":\"" + TRACE + "\"}\n\n")));

        JunctionException e = Futures.failure(ChatStreams.collect(model("gemini-2.5-pro").stream(ChatRequest.of("你好"))));

        assertEquals(ErrorKind.SERVER_ERROR, e.kind());
        assertEquals(Optional.of(TRACE), e.traceId());
        assertEquals("{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"你好\"}],\"stream\":true}", new String(onlyRequest().getBody(), StandardCharsets.UTF_8));
    }
}
