package dev.junction.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Large reply bodies are parsed where they lie, huge strings kept in the body: the tree reads
 * exactly as Jackson's own, and what Jackson rejects is still rejected.
 */
class ReplyTreesTest {
    /** Low thresholds, so small bodies take the large path: every body over 64 bytes, strings from 32 bytes. */
    private static final int BODY = 64;
    private static final int STRING = 32;

    private static JsonNode read(String json) throws IOException {
        return ReplyTrees.read(Buffer.buffer(json.getBytes(StandardCharsets.UTF_8)), BODY, STRING);
    }

    private static JsonNode jackson(String json) throws IOException {
        return JsonMappers.LENIENT.readTree(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void readsASmallBodyTheOrdinaryWay() throws IOException {
        String json = "{\"url\":\"data:image/png;base64," + base64(300) + "\"}";

        JsonNode tree = ReplyTrees.read(Buffer.buffer(json));

        assertInstanceOf(TextNode.class, tree.get("url"));
        assertEquals(jackson(json), tree);
    }

    @Test
    void keepsHugeStringsInTheBodyAndReadsEverythingElseAsJacksonDoes() throws IOException {
        String uri = "data:image/png;base64," + base64(3000);
        String json = """
                {"id":"chatcmpl-1","n":12,"big":123456789012345678901234567890,"f":1.5e3,"t":true,"z":null,
                 "choices":[{"message":{"content":"画好了","images":[{"image_url":{"url":"%s"}},"%s"]}}],
                 "short":"abc","escaped":"a\\"b\\\\c\\/d\\u00e9","empty":{},"list":[[],[1,"x"]]}
                """.formatted(uri, uri);

        JsonNode tree = read(json);

        JsonNode images = tree.at("/choices/0/message/images");
        assertInstanceOf(SpanTextNode.class, images.at("/0/image_url/url"));
        assertInstanceOf(SpanTextNode.class, images.get(1));
        assertInstanceOf(TextNode.class, tree.get("short"));
        assertTrue(tree.equals(jackson(json)), "the tree equals Jackson's");
        assertEquals(jackson(json).toString(), tree.toString());
        assertEquals(uri, images.get(1).asText());
        assertEquals(uri, images.get(1).textValue());
        assertTrue(images.get(1).isTextual());
    }

    @Test
    void leavesNonAsciiAndOddlyEscapedHugeStringsToJackson() throws IOException {
        String chinese = "一张随机噪声图".repeat(20);
        String controlEscape = "x".repeat(40) + "\\u0085";
        String json = "{\"a\":\"" + chinese + "\",\"b\":\"" + controlEscape + "\",\"c\":\"" + "y".repeat(40) + "\\u00e9\"}";

        JsonNode tree = read(json);

        assertInstanceOf(TextNode.class, tree.get("a"));
        assertInstanceOf(TextNode.class, tree.get("b"));
        assertInstanceOf(TextNode.class, tree.get("c"));
        assertEquals(jackson(json), tree);
    }

    @Test
    void readsAHugePlainTextStringExactlyWhenAsked() throws IOException {
        String text = "The quick brown fox\\n\\tjumps \\\"over\\\" the lazy dog \\u0041\\/".repeat(10);
        String json = "{\"content\":\"" + text + "\"}";

        JsonNode tree = read(json);

        assertInstanceOf(SpanTextNode.class, tree.get("content"));
        assertEquals(jackson(json).get("content").asText(), tree.get("content").asText());
        assertEquals(jackson(json).get("content").hashCode(), tree.get("content").hashCode());
    }

    @Test
    void aDuplicateKeyKeepsTheLastValue() throws IOException {
        String json = "{\"url\":\"" + "A".repeat(100) + "\",\"url\":\"short\",\"other\":\"" + "B".repeat(100) + "\"}";

        JsonNode tree = read(json);

        assertEquals("short", tree.get("url").asText());
        assertEquals("B".repeat(100), tree.get("other").asText());
    }

    @Test
    void aHugeStringAtTheRootIsKeptToo() throws IOException {
        JsonNode tree = read("\"" + "Q".repeat(100) + "\"");

        assertInstanceOf(SpanTextNode.class, tree);
        assertEquals("Q".repeat(100), tree.asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"url\":\"data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "{\"url\":\"data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"",
        "{\"url\":\"data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\\x\"}",
        "{\"url\":\"data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\\u00\"}",
        "{\"url\":\"data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\tAA\"}",
        "{\"url\":\"data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\" \"x\"}",
        "{\"url\":\"data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",}",
    })
    void rejectsWhatJacksonRejects(String json) {
        assertThrows(JsonProcessingException.class, () -> jackson(json), "Jackson itself rejects it");
        assertThrows(JsonProcessingException.class, () -> read(json));
    }

    @Test
    void anEmptyLargeBodyIsMissingAsBefore() throws IOException {
        String blank = " ".repeat(200);

        assertTrue(read(blank).isMissingNode());
        assertEquals(jackson(blank), read(blank));
    }

    @Test
    void readsTrailingContentAsJacksonDoes() throws IOException {
        String json = "{\"a\":\"" + "A".repeat(100) + "\"} trailing";

        assertEquals(jackson(json).toString(), read(json).toString());
        assertFalse(read(json).isMissingNode());
    }
}
