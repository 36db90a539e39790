package dev.junction.provider.aivideoapi;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Tool;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Function calling, Google Search and structured output as aivideoapi's docs show them, and its
 * two documented rules, each checked before anything is sent.
 */
class AivideoapiToolsTest {
    private static final String WEATHER = "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\","
            + "\"description\":\"城市名称\"}},\"required\":[\"location\"]}";
    private static final String SCIENTISTS = "{\"type\":\"object\",\"properties\":{\"list\":{\"type\":\"array\",\"items\":"
            + "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"field\":{\"type\":\"string\"}},"
            + "\"required\":[\"name\",\"field\"]}}},\"required\":[\"list\"]}";

    private final ObjectMapper mapper = new ObjectMapper();
    private WireMockServer wire;
    private Junction junction;

    @BeforeEach
    void start() {
        wire = new WireMockServer(options().dynamicPort());
        wire.start();
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(Fixtures.text(getClass(), "fixtures/gemini-3-pro-reply.json"))));
        junction = Junction.builder().environment(name -> null).build();
    }

    @AfterEach
    void stop() {
        junction.close();
        wire.stop();
    }

    private ChatModel model(String name) {
        return junction.chatModel("aivideoapi:" + name + "?apiKey=sk-test&baseUrl=" + wire.baseUrl() + "/v1");
    }

    /** The doc's request plus the {@code "stream": false} Junction adds for this vendor. */
    private void assertSentDocRequest(String fixture) throws Exception {
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.text(getClass(), fixture));
        doc.put("stream", false);
        wire.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson(doc.toString())));
    }

    private int requests() {
        return wire.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
    }

    @Test
    void sendsTheDocumentedFunctionCall() throws Exception {
        model("gemini-2.5-pro").chatBlocking(ChatRequest.builder().user("东京今天天气怎么样?")
                .tool(Tool.function("get_weather", "获取指定城市的当前天气", WEATHER)).build());
        assertSentDocRequest("fixtures/gemini-2.5-pro-function-call-request.json");
    }

    @Test
    void sendsWebSearchAsTheDocumentedGoogleSearchFunction() throws Exception {
        model("gemini-3-pro").chatBlocking(ChatRequest.builder().user("今天 Bitcoin 价格").tool(Tool.webSearch()).build());
        assertSentDocRequest("fixtures/gemini-3-pro-google-search-request.json");
    }

    @Test
    void sendsTheDocumentedStructuredOutput() throws Exception {
        model("gemini-3-pro").chatBlocking(ChatRequest.builder().user("列出 3 位著名科学家")
                .responseFormat(ResponseFormat.jsonSchema("scientists", true, SCIENTISTS)).build());
        assertSentDocRequest("fixtures/gemini-3-pro-structured-output-request.json");
    }

    @Test
    void refusesToolsWithAResponseFormatBeforeSending() {
        JunctionException e = assertThrows(JunctionException.class, () -> model("gemini-3-pro").chatBlocking(ChatRequest.builder()
                .user("x").tool(Tool.function("get_weather", null, WEATHER))
                .responseFormat(ResponseFormat.jsonSchema("scientists", true, SCIENTISTS)).build()));
        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertEquals("aivideoapi", e.provider());
        assertTrue(e.getMessage().contains("tools and a response format cannot be used together"), e.getMessage());
        assertEquals(0, requests());
    }

    @Test
    void refusesWebSearchWithFunctionToolsBeforeSending() {
        JunctionException e = assertThrows(JunctionException.class, () -> model("gemini-3-pro").chatBlocking(ChatRequest.builder()
                .user("x").tool(Tool.webSearch()).tool(Tool.function("get_weather", null, WEATHER)).build()));
        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertTrue(e.getMessage().contains("web search and function tools cannot be used together"), e.getMessage());
        assertEquals(0, requests());
    }
}
