package dev.junction.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import org.junit.jupiter.api.Test;

/** Tool-call arguments read as JSON, and model-written text that is not JSON fails clearly. */
class ToolCallTest {

    @Test
    void parsesTheArgumentsTheModelWrote() {
        JsonNode args = new ToolCall("call_1", "get_weather", "{\"city\":\"北京\",\"days\":3}").arguments();
        assertEquals("北京", args.get("city").asText());
        assertEquals(3, args.get("days").asInt());
    }

    @Test
    void readsMissingArgumentsAsAnEmptyObject() {
        JsonNode args = new ToolCall(null, "now", null).arguments();
        assertTrue(args.isObject());
        assertEquals(0, args.size());
    }

    @Test
    void failsWithProtocolKeepingTheTextWhenArgumentsAreNotJson() {
        String text = "{\"city\": \"北京\"";
        JunctionException e = assertThrows(JunctionException.class, () -> new ToolCall("c", "get_weather", text).arguments());
        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertEquals(text, e.rawReply().orElseThrow());
        assertTrue(e.getMessage().startsWith("tool call 'get_weather': the arguments are not a JSON object ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(": " + text), e.getMessage());
    }

    @Test
    void failsWhenArgumentsAreJsonButNotAnObject() {
        JunctionException e = assertThrows(JunctionException.class, () -> new ToolCall("c", "f", "[1,2]").arguments());
        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("array"), e.getMessage());
        assertEquals("[1,2]", e.rawReply().orElseThrow());
    }
}
