package dev.junction.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.GeneratedImage;
import dev.junction.spi.openai.InlineMedia;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A string kept in the body decodes exactly as its text does with {@code Base64.getDecoder()} and
 * {@link InlineMedia#decodeDataUri(String)}: the same bytes for valid base64, {@code null} where
 * they throw or refuse, for every padding, line-break and escape case.
 */
class SpanTextNodeTest {
    /** Each value is the JSON text of one string's contents, as a vendor might send it. */
    private static final String[] BASE64_CASES = {
        "", "A", "AA", "AAA", "AAAA", "QQ", "QUI", "QUJD", "QQ==", "QUI=", "QQ=", "QUI==", "QQ===", "=", "==", "A=",
        "AAAA=", "AAAA==", "QQ==QQ==", "QQ==A", "QUI=\\n", "QQ=\\n=", "QQ==\\r\\n", "QU\\nJD", "QU\\r\\nJD\\n",
        "QU JD", "QU\\tJD", "QUJD*", "QUJD-_", "QUJ\\/", "\\/\\/\\/\\/", "\\u0051\\u0055JD", "QUJ\\u003D", "QU\\u000AJD",
        "QU\\u0000JD", "QUJD\\\"", "QUJD\\\\", "QUJD\\b", "QUJD\\f", "QUJDQUJD\\n", "YWJj\\r", "\\n", "\\n\\r",
    };

    private static SpanTextNode span(String jsonContents) throws IOException {
        String json = "{\"s\":\"" + jsonContents + "\"}";
        JsonNode node = ReplyTrees.read(Buffer.buffer(json.getBytes(StandardCharsets.UTF_8)), 0, 0).get("s");
        return assertInstanceOf(SpanTextNode.class, node, jsonContents);
    }

    private static String text(String jsonContents) throws IOException {
        return JsonMappers.LENIENT.readTree("\"" + jsonContents + "\"").asText();
    }

    private static byte[] javaDecode(String text) {
        try {
            return Base64.getDecoder().decode(text.replace("\r", "").replace("\n", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 100, 65_535, 65_536, 65_537, 200_001})
    void decodesRandomBytesExactly(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        String encoded = Base64.getEncoder().encodeToString(bytes);

        assertArrayEquals(bytes, span(encoded).decodeBase64(0));
        assertArrayEquals(bytes, span("skip" + encoded).decodeBase64(4));
        // PHP's json_encode escapes every slash; MIME-style line breaks arrive as \r\n escapes.
        assertArrayEquals(bytes, span(encoded.replace("/", "\\/")).decodeBase64(0));
        assertArrayEquals(bytes, span(Base64.getMimeEncoder().encodeToString(bytes).replace("\r\n", "\\r\\n")).decodeBase64(0));
    }

    @Test
    void readsEscapesThatStraddleTheWindowEdge() throws IOException {
        for (int before = BufferBytes.WINDOW - 12; before <= BufferBytes.WINDOW + 12; before++) {
            // 'A's, an escaped slash, then 'A's again: a whole number of 4-character units.
            int after = (4 - (before + 1) % 4) % 4 + 8;
            String contents = "A".repeat(before) + "\\/" + "A".repeat(after) + "\\u0041\\u0041\\u0041\\u0041";
            String text = text(contents);

            assertEquals(text.length(), span(contents).head(Integer.MAX_VALUE).length());
            assertArrayEquals(javaDecode(text), span(contents).decodeBase64(0), "escape after " + before + " characters");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"QQ==", "QUI=", "QUJD", "QQ", "QQ=A", "*AAA"})
    void judgesAUnitAtTheBlockEdgeAsTheWholeStringIsJudged(String unit) throws IOException {
        for (String after : new String[] {"", "QUJD", "QQ==", "Q"}) {
            String contents = "A".repeat(JsonStringSpan.BLOCK - 4) + unit + after;

            byte[] expected = javaDecode(contents);
            byte[] actual = span(contents).decodeBase64(0);

            if (expected == null) {
                assertNull(actual, () -> unit + " + " + after + " decoded to " + actual.length + " bytes; Java refuses it");
            } else {
                assertArrayEquals(expected, actual, unit + " + " + after);
            }
        }
    }

    static Stream<String> base64Cases() {
        return Stream.of(BASE64_CASES);
    }

    @ParameterizedTest
    @MethodSource("base64Cases")
    void decodesOrRefusesBase64AsJavasDecoderDoes(String contents) throws IOException {

        byte[] expected = javaDecode(text(contents));
        byte[] actual = span(contents).decodeBase64(0);

        if (expected == null) {
            assertNull(actual, () -> contents + " decoded to " + actual.length + " bytes; Java refuses it");
        } else {
            assertArrayEquals(expected, actual, contents);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "data:image/png;base64,iVBORw0KGgo=", "data:image/png;base64,iVBORw0KGgo", "data:;base64,QUJD", "data:image/png,QUJD",
        "data:image/png;base64,QQ=", "data:image/png;base64,QUJD\\nQUJD", "data:image/jpeg;base64,\\/9j\\/4A==",
        "data:image/png;base64,", "data:image/png;base64", "data:image/png;BASE64,QUJD", "https://example.com/a.png",
        "data:text/plain;charset=utf-8;base64,QUJD", "data:image\\/png;base64,QUJD", "data:image/png;base64,QU,JD",
        "\\u0064ata:image/png;base64,QUJD", "DATA:image/png;base64,QUJD", "data:", "",
    })
    void decodesDataUrisAsTheStringDecoderDoes(String contents) throws IOException {
        GeneratedImage expected = InlineMedia.decodeDataUri(text(contents));

        assertEquals(expected, InlineMedia.decodeDataUri(span(contents)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"data:image/png;base64,iVBORw0KGgo=", "data:image/png;base64,***", "https://example.com/a.png"})
    void readsImageArraysWithTheSameImagesAndWarnings(String url) throws IOException {
        String json = "{\"images\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + url + "\"}},{\"url\":\"" + url
                + "\"},{\"image_url\":\"" + url + "\"}]}";
        List<String> expectedWarnings = new ArrayList<>();
        List<GeneratedImage> expected = InlineMedia.readImageArray(JsonMappers.LENIENT.readTree(json).get("images"), expectedWarnings);
        JsonNode kept = ReplyTrees.read(Buffer.buffer(json), 0, 0).get("images");
        assertInstanceOf(SpanTextNode.class, kept.at("/0/image_url/url"));
        List<String> warnings = new ArrayList<>();

        assertEquals(expected, InlineMedia.readImageArray(kept, warnings));
        assertEquals(expectedWarnings, warnings);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 1023, 1024, 1025, 3000})
    void aLongHeaderIsReadThePlainWay(int headerLength) throws IOException {
        String contents = "data:" + "x".repeat(headerLength) + ";base64,QUJD";

        assertEquals(InlineMedia.decodeDataUri(text(contents)), InlineMedia.decodeDataUri(span(contents)));
    }
}
