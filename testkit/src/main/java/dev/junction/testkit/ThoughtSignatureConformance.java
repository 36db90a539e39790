package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStreams;
import dev.junction.chat.Message;
import dev.junction.chat.ThoughtSignature;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Conformance: a two-turn tool loop keeps every thought signature. Turn 1's reply (served whole,
 * and again as an event stream) has tool calls each carrying a signature where the vendor puts it;
 * each must be read onto {@link ToolCall#signature()} as this provider's, survive
 * {@link ChatResponse#toMessage()}, and reach the vendor again in turn 2's request, exactly as
 * received, inside the same tool call. Gemini 3 answers HTTP 400 to a turn 2 without them.
 * Skipped when the vendor's first model does not take {@link Capability#TOOLS}.
 */
public abstract class ThoughtSignatureConformance extends ConformanceBase {
    private static final String WEATHER = "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},"
            + "\"required\":[\"location\"]}";

    /** A documented-shape reply whose tool calls each carry a thought signature; at least two calls. */
    protected abstract String signedToolCallReplyFixture();

    /**
     * The same tool calls as a server-sent-event stream, each call's signature on one of its
     * fragments and its arguments split across several.
     */
    protected abstract String signedToolCallStreamFixture();

    /** The signatures both fixtures carry, in tool-call order, exactly as written there. */
    protected abstract List<String> expectedSignatures();

    @Test
    void sendsBackEverySignatureOfARepliedToolTurn() {
        String model = toolModel();
        stub().reply(vendor().chatPath(), 200, Fixtures.bytes(getClass(), signedToolCallReplyFixture()), VendorStub.JSON);
        ChatResponse turn1 = call(chatModel(model), ask(model));
        assertSignaturesRead(turn1, "the reply");
        assertSignaturesSentBack(turn1, model);
    }

    @Test
    void sendsBackEverySignatureOfAStreamedToolTurn() {
        String model = toolModel();
        stub().reply(vendor().chatPath(), 200, Fixtures.bytes(getClass(), signedToolCallStreamFixture()), VendorStub.SSE);
        ChatResponse turn1 = await(ChatStreams.collect(chatModel(model).stream(ask(model))));
        assertSignaturesRead(turn1, "the stream");
        assertSignaturesSentBack(turn1, model);
    }

    /** The first declared model, when it takes tools; otherwise the test is skipped. */
    private String toolModel() {
        ModelInfo first = vendor().models().get(0);
        Assumptions.assumeTrue(first.can(Capability.TOOLS), () -> first.id() + " does not take tools, so it has no tool loop to sign");
        assertTrue(signedToolCallReplyFixture() != null && signedToolCallStreamFixture() != null,
                () -> first.id() + " takes tools: declare signedToolCallReplyFixture() and signedToolCallStreamFixture()"
                        + " (the vendor's reply and stream shapes with a thought signature on each tool call)");
        assertTrue(expectedSignatures().size() >= 2, "declare a fixture with at least two signed tool calls");
        return first.id();
    }

    private static ChatRequest ask(String model) {
        return ChatRequest.builder().model(model).user("东京和大阪今天天气怎么样?")
                .tool(Tool.function("get_weather", "获取指定城市的当前天气", WEATHER)).build();
    }

    private void assertSignaturesRead(ChatResponse turn1, String where) {
        List<String> expected = expectedSignatures();
        assertEquals(expected.size(), turn1.toolCalls().size(), () -> "tool calls read from " + where + ": " + turn1.toolCalls());
        for (int i = 0; i < expected.size(); i++) {
            ToolCall call = turn1.toolCalls().get(i);
            int n = i;
            assertNotNull(call.signature(), () -> "thought signature dropped: tool call " + n + " (" + call.id() + ") of " + where
                    + " carried one, but ToolCall.signature() is null (Dialect.readThoughtSignature)");
            assertEquals(new ThoughtSignature(vendor().id(), expected.get(i)), call.signature(), () -> "thought signature altered: tool call "
                    + n + " of " + where + " must keep the value exactly, marked as " + vendor().id() + "'s");
        }
    }

    /** Turn 2: the reply as a message plus one result per call; the stub must receive every signature in its call. */
    private void assertSignaturesSentBack(ChatResponse turn1, String model) {
        ChatRequest.Builder turn2 = ask(model).toBuilder().message(turn1.toMessage());
        for (ToolCall call : turn1.toolCalls()) {
            turn2.message(Message.tool(call.id() != null ? call.id() : call.name(), "{\"temp\":22}"));
        }
        stub().reset();
        replyWithFixture(vendor().sampleReplyFixture());
        call(chatModel(model), turn2.build());

        byte[] raw = stub().onlyRequest().getBody();
        String body = new String(raw, StandardCharsets.UTF_8);
        JsonNode assistant = assistantTurn(Fixtures.parse(body), body);
        List<String> expected = expectedSignatures();
        for (int i = 0; i < expected.size(); i++) {
            String literal = Fixtures.toJson(expected.get(i));
            JsonNode written = assistant.path("tool_calls").path(i);
            int n = i;
            assertTrue(written.isObject(), () -> "thought signature dropped: turn 2 has no tool call " + n + ": " + body);
            assertTrue(holds(written, expected.get(i)), () -> "thought signature dropped: turn 2's tool call " + n
                    + " does not carry " + literal + " (Dialect.writeThoughtSignature): " + written);
            assertTrue(body.contains(literal), () -> "thought signature altered on the wire: turn 2's body does not hold "
                    + literal + " byte for byte: " + body);
        }
    }

    /** The one assistant message of turn 2's {@code messages}. */
    private static JsonNode assistantTurn(JsonNode request, String body) {
        for (JsonNode message : request.path("messages")) {
            if (message.path("tool_calls").isArray()) {
                return message;
            }
        }
        return fail("turn 2 sent no assistant message with tool_calls: " + body);
    }

    /** Whether a string value anywhere under {@code node} equals {@code value}, wherever the dialect writes it. */
    private static boolean holds(JsonNode node, String value) {
        if (node.isTextual()) {
            return node.asText().equals(value);
        }
        for (JsonNode child : node) {
            if (holds(child, value)) {
                return true;
            }
        }
        return false;
    }
}
