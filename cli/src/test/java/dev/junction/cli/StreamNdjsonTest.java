package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.StreamPart;
import dev.junction.chat.ToolCall;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The NDJSON line of each part kind that the documented vendor streams do not exercise. */
class StreamNdjsonTest {

    private static JsonNode line(StreamPart part) throws IOException {
        return Cli.JSON.readTree(CliJsonText.of(StreamNdjson.line(part)));
    }

    private static JsonNode json(String text) throws IOException {
        return Cli.JSON.readTree(text);
    }

    @Test
    void toolCallDeltaCarriesTheRawArgumentText() throws IOException {
        assertEquals(json("{\"type\":\"toolCallDelta\",\"index\":0,\"id\":\"call_1\",\"name\":\"get_weather\","
                        + "\"arguments\":\"{\\\"location\\\":\\\"东\"}"),
                line(new StreamPart.ToolCallDelta(0, "call_1", "get_weather", "{\"location\":\"东")));
        assertEquals(json("{\"type\":\"toolCallDelta\",\"index\":1,\"id\":null,\"name\":null,\"arguments\":\"\"}"),
                line(new StreamPart.ToolCallDelta(1, null, null, "")));
    }

    @Test
    void toolCallCarriesTheParsedArgumentsWithExactNumbers() throws IOException {
        String text = CliJsonText.of(StreamNdjson.line(new StreamPart.ToolCallDone(
                new ToolCall("call_1", "get_weather", "{\"location\":\"东京\",\"days\":3,\"threshold\":1.50}"))));

        assertEquals("{\"type\":\"toolCall\",\"id\":\"call_1\",\"name\":\"get_weather\","
                + "\"arguments\":{\"location\":\"东京\",\"days\":3,\"threshold\":1.50}}" + System.lineSeparator(), text);
    }

    @Test
    void toolCallWithArgumentsThatAreNoJsonObjectKeepsTheTextAndFlagsIt() throws IOException {
        for (String bad : new String[] {"{\"location\":\"东京\"", "[1,2]", "{} trailing", "\"东京\""}) {
            assertEquals(json("{\"type\":\"toolCall\",\"id\":\"c\",\"name\":\"f\",\"arguments\":"
                            + Cli.JSON.writeValueAsString(bad) + ",\"argumentsInvalid\":true}"),
                    line(new StreamPart.ToolCallDone(new ToolCall("c", "f", bad))), bad);
        }
    }

    @Test
    void imageIsDescribedNotEmbedded() throws IOException {
        assertEquals(json("{\"type\":\"image\",\"mediaType\":\"image/jpeg\",\"bytes\":3}"),
                line(new StreamPart.ImageOutput(new GeneratedImage(new byte[] {1, 2, 3}, "image/jpeg"))));
    }

    @Test
    void warningAndFailureLines() throws IOException {
        assertEquals(json("{\"type\":\"warning\",\"message\":\"注意\"}"), line(new StreamPart.Warning("注意")));
        assertNull(StreamNdjson.line(new StreamPart.Failure(
                JunctionException.builder(ErrorKind.NETWORK, "gone").build())), "failures are reported by fail()");
    }
}
