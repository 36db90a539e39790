package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads test fixtures (the vendors' documented JSON and event streams, kept byte for byte under
 * {@code src/test/resources}) and small JSON chores the conformance tests share.
 */
public final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /** The fixture's bytes, found through {@code anchor}'s class loader; fails the test when it is missing. */
    public static byte[] bytes(Class<?> anchor, String name) {
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, () -> "fixture " + name + " is missing from " + anchor.getName() + "'s class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read fixture " + name, e);
        }
    }

    /** The fixture as text; fails the test when it is not valid UTF-8 (a sign the Chinese text was mangled). */
    public static String text(Class<?> anchor, String name) {
        byte[] raw = bytes(anchor, name);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            return fail("fixture " + name + " is not valid UTF-8", e);
        }
    }

    /** The fixture parsed as JSON. */
    public static JsonNode json(Class<?> anchor, String name) {
        return parse(text(anchor, name));
    }

    /** The string at a JSON pointer (such as {@code /choices/0/message/content}) of a fixture. */
    public static String textAt(Class<?> anchor, String name, String pointer) {
        JsonNode node = json(anchor, name).at(pointer);
        if (!node.isTextual()) {
            return fail("fixture " + name + " has no string at " + pointer);
        }
        return node.asText();
    }

    /** Parses JSON text; fails the test when it is not JSON. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return fail("not valid JSON: " + e.getOriginalMessage() + "\n" + text, e);
        }
    }

    /** Parses a JSON object; fails the test when the text is anything else. */
    public static ObjectNode parseObject(String text) {
        JsonNode node = parse(text);
        if (!(node instanceof ObjectNode object)) {
            return fail("expected a JSON object, got: " + text);
        }
        return object;
    }

    /** Writes maps, lists and scalars as compact JSON (use {@link java.util.LinkedHashMap} to keep field order). */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value, e);
        }
    }

    /**
     * The events of a server-sent-event fixture: the blocks between blank lines, in order, each
     * without its terminating blank line. Fixtures use LF line endings.
     */
    public static List<String> sseEvents(Class<?> anchor, String name) {
        List<String> events = new ArrayList<>();
        for (String block : text(anchor, name).split("\n\n+")) {
            if (!block.isBlank()) {
                events.add(block.startsWith("\n") ? block.substring(1) : block);
            }
        }
        return events;
    }

    /** The {@code data} of each event of an SSE fixture (several data lines joined by LF), sentinels included. */
    public static List<String> sseData(Class<?> anchor, String name) {
        List<String> data = new ArrayList<>();
        for (String event : sseEvents(anchor, name)) {
            List<String> lines = new ArrayList<>();
            for (String line : event.split("\n")) {
                if (line.startsWith("data:")) {
                    lines.add(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
                }
            }
            data.add(String.join("\n", lines));
        }
        return data;
    }

    /** The data of each event of an SSE fixture parsed as JSON, the {@code [DONE]} sentinel left out. */
    public static List<JsonNode> sseJson(Class<?> anchor, String name) {
        return sseData(anchor, name).stream().filter(d -> !d.strip().equals("[DONE]")).map(Fixtures::parse).toList();
    }
}
