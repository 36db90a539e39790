package dev.junction.internal.openai.request;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.Message;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolCall;
import dev.junction.chat.ToolChoice;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Futures;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tools, tool choice, response format and tool-call turns on the wire. The model is one the test
 * catalog does not know, so capability checks stay out of the way; they are tested per vendor.
 */
class ToolsRequestTest {
    private static final String WEATHER = "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\",\"description\":\"城市名称\"}},"
            + "\"required\":[\"location\"]}";
    private static final String TOOL_CALL_REPLY = """
            {"id":"chatcmpl-2","model":"gemini-x","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant",
             "content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"东京\\"}"}}]}}]}
            """;

    private VendorServer vendor;
    private ChatModel model;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
        vendor.reply(okJson(VendorServer.okBody("好的")));
        model = vendor.model("gemini-x", "");
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private void assertSent(String json) {
        vendor.wire().verify(postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH)).withRequestBody(equalToJson(json)));
    }

    private static Tool weather() {
        return Tool.function("get_weather", "获取指定城市的当前天气", WEATHER);
    }

    @Test
    void writesFunctionToolsAndEachToolChoice() {
        Futures.await(model.chat(ChatRequest.builder().user("东京今天天气怎么样?").tool(weather()).toolChoice(ToolChoice.AUTO).build()));
        assertSent("""
                {"model":"gemini-x","stream":false,"messages":[{"role":"user","content":"东京今天天气怎么样?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"获取指定城市的当前天气","parameters":%s}}],
                 "tool_choice":"auto"}
                """.formatted(WEATHER));
        vendor.wire().resetRequests();
        Futures.await(model.chat(ChatRequest.builder().user("东京").tool(weather()).toolChoice(ToolChoice.function("get_weather")).build()));
        assertSent("""
                {"model":"gemini-x","stream":false,"messages":[{"role":"user","content":"东京"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"获取指定城市的当前天气","parameters":%s}}],
                 "tool_choice":{"type":"function","function":{"name":"get_weather"}}}
                """.formatted(WEATHER));
    }

    @Test
    void writesAJsonSchemaResponseFormat() {
        String schema = "{\"type\":\"object\",\"properties\":{\"list\":{\"type\":\"array\"}},\"required\":[\"list\"]}";
        Futures.await(model.chat(ChatRequest.builder().user("列出 3 位著名科学家")
                .responseFormat(ResponseFormat.jsonSchema("scientists", true, schema)).build()));
        assertSent("""
                {"model":"gemini-x","stream":false,"messages":[{"role":"user","content":"列出 3 位著名科学家"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"scientists","strict":true,"schema":%s}}}
                """.formatted(schema));
    }

    @Test
    void runsATwoTurnToolLoop() {
        vendor.reply(okJson(TOOL_CALL_REPLY));
        ChatRequest first = ChatRequest.builder().user("东京今天天气怎么样?").tool(weather()).build();
        ChatResponse call = Futures.await(model.chat(first));
        assertEquals(List.of(new ToolCall("call_1", "get_weather", "{\"location\":\"东京\"}")), call.toolCalls());

        vendor.reply(okJson(VendorServer.okBody("东京今天晴, 22 度")));
        vendor.wire().resetRequests();
        ChatRequest second = first.toBuilder().message(call.toMessage()).message(Message.tool("call_1", "{\"temp\":22,\"sky\":\"晴\"}")).build();
        assertEquals("东京今天晴, 22 度", Futures.await(model.chat(second)).text());
        assertSent("""
                {"model":"gemini-x","stream":false,
                 "messages":[{"role":"user","content":"东京今天天气怎么样?"},
                   {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                     "function":{"name":"get_weather","arguments":"{\\"location\\":\\"东京\\"}"}}]},
                   {"role":"tool","content":"{\\"temp\\":22,\\"sky\\":\\"晴\\"}","tool_call_id":"call_1"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"获取指定城市的当前天气","parameters":%s}}]}
                """.formatted(WEATHER));
    }

    @Test
    void rejectsParametersThatAreNotAJsonObjectBeforeSending() {
        JunctionException e = Futures.failure(model.chat(ChatRequest.builder().user("x")
                .tool(Tool.function("f", null, "{not json")).build()));
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("tool 'f'"), e.getMessage());
        assertEquals(0, vendor.requests());
    }

    @Test
    void rejectsBadToolChoicesAndDuplicateNamesBeforeSending() {
        List<ChatRequest> bad = List.of(
                ChatRequest.builder().user("x").tool(weather()).tool(weather()).build(),
                ChatRequest.builder().user("x").toolChoice(ToolChoice.REQUIRED).build(),
                ChatRequest.builder().user("x").tool(weather()).toolChoice(ToolChoice.function("get_time")).build());
        for (ChatRequest request : bad) {
            assertEquals(ErrorKind.INVALID_REQUEST, Futures.failure(model.chat(request)).kind(), request::toString);
        }
        assertEquals(0, vendor.requests());
    }

    @Test
    void failsWebSearchAtAVendorWithoutOneBeforeSending() {
        JunctionException e = Futures.failure(model.chat(ChatRequest.builder().user("今天 Bitcoin 价格").tool(Tool.webSearch()).build()));
        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertTrue(e.getMessage().contains("web-search"), e.getMessage());
        assertEquals(0, vendor.requests());
    }
}
