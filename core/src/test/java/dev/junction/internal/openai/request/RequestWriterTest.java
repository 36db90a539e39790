package dev.junction.internal.openai.request;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.Message;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Futures;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON the engine sends for canonical requests, checked on the wire. */
class RequestWriterTest {
    private VendorServer vendor;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
        vendor.reply(okJson(VendorServer.okBody("好的")));
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private void assertSent(String expectedJson) {
        vendor.wire().verify(1, postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH))
                .withRequestBody(equalToJson(expectedJson)));
    }

    @Test
    void writesModelMessagesAndStreamFalse() {
        vendor.chat(ChatRequest.builder().system("你是助手").user("你好").build());
        assertSent("""
                {"model":"gemini-2.5-pro",
                 "messages":[{"role":"system","content":"你是助手"},{"role":"user","content":"你好"}],
                 "stream":false}
                """);
    }

    @Test
    void sendsCredentialsAndJsonHeaders() {
        vendor.chat(ChatRequest.of("你好"));
        vendor.wire().verify(1, postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH))
                .withHeader("Authorization", equalTo("Bearer " + VendorServer.KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void writesTemperatureAndMaxTokens() {
        vendor.chat(ChatRequest.builder().user("你好").temperature(0.7).maxOutputTokens(256).build());
        assertSent("""
                {"model":"gemini-2.5-pro","messages":[{"role":"user","content":"你好"}],
                 "temperature":0.7,"max_tokens":256,"stream":false}
                """);
    }

    @Test
    void writesMultiTurnConversationsAndToolResults() {
        vendor.chat(ChatRequest.builder()
                .message(Message.developer("简短回答"))
                .user("1+1?")
                .message(Message.assistant("2"))
                .message(Message.tool("call_1", "{\"ok\":true}"))
                .build());
        assertSent("""
                {"model":"gemini-2.5-pro","messages":[
                  {"role":"developer","content":"简短回答"},
                  {"role":"user","content":"1+1?"},
                  {"role":"assistant","content":"2"},
                  {"role":"tool","content":"{\\"ok\\":true}","tool_call_id":"call_1"}],
                 "stream":false}
                """);
    }

    @Test
    void sendsTheDeveloperRoleByItsOpenAiNameByDefault() {
        vendor.chat(ChatRequest.builder().message(Message.developer("只用中文")).user("你好").build());
        assertSent("""
                {"model":"gemini-2.5-pro","stream":false,"messages":[
                  {"role":"developer","content":"只用中文"},{"role":"user","content":"你好"}]}
                """);
    }

    @Test
    void sendsTheVendorNameOfACatalogModel() {
        ChatResponse response = vendor.chat(ChatRequest.builder().model("gemini-3-pro-image").user("画").build());
        assertSent("""
                {"model":"google/gemini-3-pro-image-preview","messages":[{"role":"user","content":"画"}],"stream":false}
                """);
        assertEquals("gemini-3-pro-image", response.model());
        assertEquals("google/gemini-3-pro-image-preview", response.vendorModel());
    }

    @Test
    void sendsAnUnknownModelUnchangedWithAWarning() {
        ChatResponse response = vendor.chat(ChatRequest.builder().model("gemini-9-ultra").user("你好").build());
        assertSent("""
                {"model":"gemini-9-ultra","messages":[{"role":"user","content":"你好"}],"stream":false}
                """);
        assertTrue(response.warnings().stream().anyMatch(w -> w.contains("'gemini-9-ultra' is not in testvendor's catalog")),
                response.warnings().toString());
        assertEquals(null, response.cost());
    }

    @Test
    void writesReasoningEffortForAModelThatTakesIt() {
        ChatResponse response = vendor.chat(ChatRequest.builder().user("想一想")
                .reasoning(ReasoningSettings.effort(ReasoningEffort.HIGH)).build());
        assertSent("""
                {"model":"gemini-2.5-pro","messages":[{"role":"user","content":"想一想"}],
                 "reasoning_effort":"high","stream":false}
                """);
        assertFalse(response.warnings().stream().anyMatch(w -> w.contains("reasoning")), response.warnings().toString());
    }

    @Test
    void dropsReasoningForAModelWithoutReasoningControlWithAWarning() {
        ChatResponse response = vendor.chat(ChatRequest.builder().model("gemini-3-pro-image").user("想一想")
                .reasoning(ReasoningSettings.effort(ReasoningEffort.LOW)).build());
        assertSent("""
                {"model":"google/gemini-3-pro-image-preview","messages":[{"role":"user","content":"想一想"}],"stream":false}
                """);
        assertTrue(response.warnings().stream().anyMatch(w -> w.contains("reasoning settings were not sent")),
                response.warnings().toString());
    }

    @Test
    void passesProviderOptionsThroughForThisProviderOnly() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("top_k", 40);
        options.put("safety_settings", List.of(Map.of("category", "HARM", "threshold", "NONE")));
        vendor.chat(ChatRequest.builder().user("你好")
                .providerOptions(TestVendorFactory.ID, options)
                .providerOptions("othervendor", Map.of("ignored", true))
                .build());
        assertSent("""
                {"model":"gemini-2.5-pro","messages":[{"role":"user","content":"你好"}],"stream":false,
                 "top_k":40,"safety_settings":[{"category":"HARM","threshold":"NONE"}]}
                """);
    }

    @Test
    void passesANullProviderOptionAsJsonNull() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("safety_settings", null);
        vendor.chat(ChatRequest.builder().user("你好").providerOptions(TestVendorFactory.ID, options).build());
        assertSent("""
                {"model":"gemini-2.5-pro","messages":[{"role":"user","content":"你好"}],"stream":false,"safety_settings":null}
                """);
    }

    @Test
    void rejectsAProviderOptionThatRepeatsAWrittenFieldBeforeSending() {
        JunctionException e = vendor.fail(ChatRequest.builder().user("你好")
                .providerOptions(TestVendorFactory.ID, Map.of("model", "gemini-other")).build());
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("'model'"), e.getMessage());
        assertEquals(0, vendor.requests());
    }

    @Test
    void rejectsATemperatureAboveTwoBeforeSending() {
        JunctionException e = vendor.fail(ChatRequest.builder().user("你好").temperature(3.0).build());
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("temperature"), e.getMessage());
        assertEquals(0, vendor.requests());
    }

    @Test
    void rejectsANonPositiveMaxOutputTokensBeforeSending() {
        JunctionException e = vendor.fail(ChatRequest.builder().user("你好").maxOutputTokens(0).build());
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals(0, vendor.requests());
    }

    @Test
    void rejectsARequestWithoutAnyModelBeforeSending() {
        JunctionException e = Futures.failure(vendor.junction()
                .chatModel("testvendor?apiKey=k&baseUrl=" + vendor.wire().baseUrl()).chat("你好"));
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.hint().orElseThrow().contains("testvendor:gemini-2.5-pro"), e.hint().orElseThrow());
        assertEquals(0, vendor.requests());
    }
}
