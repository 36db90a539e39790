package dev.junction.testkit;

import static dev.junction.testkit.WireAssertions.assertChatCall;
import static dev.junction.testkit.WireAssertions.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.FinishReason;
import dev.junction.chat.Message;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolCall;
import dev.junction.chat.ToolChoice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Conformance for function tools ({@link Capability#TOOLS}), the built-in web search
 * ({@link Capability#WEB_SEARCH}) and JSON-schema output ({@link Capability#STRUCTURED_OUTPUT}),
 * each checked on a model that declares it and skipped otherwise: the exact request bytes, and the
 * reply read back (tool calls with finish reason {@code TOOL_CALLS}, a tool result sent on, a JSON
 * answer). The replies are the vendor's documented sample reply with OpenAI's {@code tool_calls}
 * or JSON content in place of its text. Failures say {@code tools: …}, {@code web search: …} or
 * {@code structured output: …}.
 */
public abstract class ToolsConformance extends ConformanceBase {
    /** The weather tool of the resellers' docs. */
    static final String WEATHER = "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\","
            + "\"description\":\"城市名称\"}},\"required\":[\"location\"]}";
    static final String SCIENTISTS = "{\"type\":\"object\",\"properties\":{\"list\":{\"type\":\"array\",\"items\":"
            + "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"field\":{\"type\":\"string\"}},"
            + "\"required\":[\"name\",\"field\"]}}},\"required\":[\"list\"]}";
    private static final String CALL_ID = "call_junction_kit_1";
    private static final String ARGUMENTS = "{\"location\":\"东京\"}";

    /** The vendor's built-in web-search tool as one entry of {@code tools}; required when a model declares WEB_SEARCH. */
    protected String webSearchToolJson() {
        return null;
    }

    @Test
    void sendsAFunctionToolAndToolChoiceInOpenAisShape() {
        String model = modelThatCan(Capability.TOOLS);
        JsonNode body = send(weatherQuestion(model));

        assertSameJson("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"获取指定城市的当前天气\","
                + "\"parameters\":" + WEATHER + "}}]", body.path("tools").toString(), "tools: the tools array");
        assertEquals("auto", body.path("tool_choice").asText(null), () -> "tools: tool_choice: " + body);
    }

    @Test
    void readsToolCallsAndSendsTheResultBack() {
        String model = modelThatCan(Capability.TOOLS);
        ObjectNode reply = sampleReply();
        ObjectNode message = (ObjectNode) reply.path("choices").path(0).path("message");
        message.putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject().put("id", CALL_ID).put("type", "function");
        call.putObject("function").put("name", "get_weather").put("arguments", ARGUMENTS);
        ((ObjectNode) reply.path("choices").path(0)).put("finish_reason", "tool_calls");
        replyWith(200, reply.toString(), VendorStub.JSON);
        ChatRequest ask = weatherQuestion(model);

        ChatResponse response = call(chatModel(model), ask);

        assertEquals(List.of(new ToolCall(CALL_ID, "get_weather", ARGUMENTS)), response.toolCalls(), "tools: the reply's tool calls");
        assertEquals(FinishReason.TOOL_CALLS, response.finishReason(), "tools: finish reason");
        stub().reset();
        JsonNode body = send(ask.toBuilder().message(response.toMessage()).message(Message.tool(CALL_ID, "{\"temp\":22}")).build());
        ArrayNode messages = (ArrayNode) body.path("messages");
        assertSameJson("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" + CALL_ID + "\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":" + Fixtures.toJson(ARGUMENTS) + "}}]}",
                messages.path(1).toString(), "tools: the assistant turn sent back");
        assertSameJson("{\"role\":\"tool\",\"content\":\"{\\\"temp\\\":22}\",\"tool_call_id\":\"" + CALL_ID + "\"}",
                messages.path(2).toString(), "tools: the tool result");
    }

    @Test
    void sendsWebSearchAsTheVendorsTool() {
        String model = modelThatCan(Capability.WEB_SEARCH);
        String expected = webSearchToolJson();
        assertNotNull(expected, () -> "web search: " + vendor().id() + " declares WEB_SEARCH; supply webSearchToolJson(), the tool as its docs show it");

        JsonNode body = send(ChatRequest.builder().model(model).user("今天 Bitcoin 价格").tool(Tool.webSearch()).build());

        assertSameJson("[" + expected + "]", body.path("tools").toString(), "web search: the tools array");
    }

    @Test
    void sendsAJsonSchemaAndReadsTheJsonAnswer() {
        String model = modelThatCan(Capability.STRUCTURED_OUTPUT);
        String answer = "{\"list\":[{\"name\":\"爱因斯坦\",\"field\":\"物理学\"}]}";
        ObjectNode reply = sampleReply();
        ((ObjectNode) reply.path("choices").path(0).path("message")).put("content", answer);
        replyWith(200, reply.toString(), VendorStub.JSON);

        ChatResponse response = call(chatModel(model), ChatRequest.builder().model(model).user("列出 3 位著名科学家")
                .responseFormat(ResponseFormat.jsonSchema("scientists", true, SCIENTISTS)).build());

        JsonNode body = Fixtures.parse(stub().onlyRequest().getBodyAsString());
        assertSameJson("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"scientists\",\"strict\":true,\"schema\":" + SCIENTISTS + "}}",
                body.path("response_format").toString(), "structured output: response_format");
        assertEquals(Fixtures.parse(answer), Fixtures.parse(response.text()), "structured output: the JSON answer");
    }

    private ChatRequest weatherQuestion(String model) {
        return ChatRequest.builder().model(model).user("东京今天天气怎么样?")
                .tool(Tool.function("get_weather", "获取指定城市的当前天气", WEATHER)).toolChoice(ToolChoice.AUTO).build();
    }

    private ObjectNode sampleReply() {
        return Fixtures.parseObject(fixture(vendor().sampleReplyFixture()));
    }

    /** Sends the request, the stub answering with the sample reply, and returns the body received. */
    private JsonNode send(ChatRequest request) {
        replyWithFixture(vendor().sampleReplyFixture());
        call(chatModel(request.model()), request);
        var received = stub().onlyRequest();
        assertChatCall(vendor(), received, vendor().chatPath(), TEST_KEY);
        return Fixtures.parse(received.getBodyAsString());
    }

    private String modelThatCan(Capability capability) {
        Optional<String> model = vendor().firstModelThatCan(capability).map(ModelInfo::id);
        assumeTrue(model.isPresent(), () -> vendor().id() + " declares no model with " + capability);
        return model.get();
    }
}
