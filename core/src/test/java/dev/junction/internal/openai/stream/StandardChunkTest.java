package dev.junction.internal.openai.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path takes only events made of standard fields; everything else goes through the dialect. */
class StandardChunkTest {

    @Test
    void readsAcedatasDocumentedFirstChunk() {
        StandardChunk c = StandardChunk.parse("{\"id\": \"chatcmpl-20251122214038810722821kNjUTjtr\", \"object\": \"chat.completion.chunk\","
                + " \"created\": 1763818842, \"model\": \"gemini-2.5-pro\", \"system_fingerprint\": null, \"choices\": [{\"delta\":"
                + " {\"content\": \"\", \"role\": \"assistant\"}, \"logprobs\": null, \"finish_reason\": null, \"index\": 0}], \"usage\": null}");
        assertNotNull(c);
        assertEquals("chatcmpl-20251122214038810722821kNjUTjtr", c.id);
        assertEquals("gemini-2.5-pro", c.model);
        assertEquals("", c.content);
        assertNull(c.finishReason);
    }

    @Test
    void decodesEscapesInTheContent() {
        StandardChunk c = StandardChunk.parse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"量子\\n\\\"计算\\\" \\u4f60\"}}]}");
        assertNotNull(c);
        assertEquals("量子\n\"计算\" 你", c.content);
    }

    @Test
    void readsTheFinishReasonAndAnEmptyChoiceList() {
        assertEquals("stop", StandardChunk.parse("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}").finishReason);
        assertNotNull(StandardChunk.parse("{\"id\":\"x\",\"choices\":[]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"choices\":[{\"delta\":{\"reasoning_content\":\"想\"}}]}",
        "{\"choices\":[{\"delta\":{\"content\":\"a\",\"images\":[]}}]}",
        "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"id\":\"c\"}]}}]}",
        // Gemini's thought signature, on a tool call, or on a metadata-only delta or choice.
        "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"extra_content\":{\"google\":{\"thought_signature\":\"s\"}}}]}}]}",
        "{\"choices\":[{\"delta\":{\"content\":\"a\",\"extra_content\":{\"google\":{\"thought_signature\":\"s\"}}}}]}",
        "{\"choices\":[{\"delta\":{},\"extra_content\":{\"google\":{\"thought_signature\":\"s\"}}}]}",
        "{\"choices\":[],\"usage\":{\"prompt_tokens\":1}}",
        "{\"error\":{\"code\":\"x\"}}",
        "{\"success\":false,\"error\":{\"code\":\"api_error\"}}",
        "{\"choices\":[{\"delta\":{\"content\":\"a\"}},{\"delta\":{\"content\":\"b\"}}]}",
        "{\"choices\":[{\"delta\":{\"content\":[{\"type\":\"text\",\"text\":\"a\"}]}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"a\"}}]}",
        "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":true}]}",
        "{\"id\":{\"nested\":1},\"choices\":[]}",
        "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]} trailing",
        "[1,2]",
        "{not json"
    })
    void leavesEveryOtherEventToTheGeneralPath(String data) {
        assertNull(StandardChunk.parse(data), data);
        assertNull(bytes(data), data);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"量子\\n\\\"计算\\\" \\u4f60 😀\"}}]}",
        "{\"id\":7,\"model\":\"gemini-2.5-pro\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
        "{ \"choices\" : [ ] }"
    })
    void readsUtf8BytesAsTheirDecodedString(String data) {
        StandardChunk fromString = StandardChunk.parse(data);
        StandardChunk fromBytes = bytes(data);
        assertNotNull(fromBytes, data);
        assertEquals(fromString.id, fromBytes.id);
        assertEquals(fromString.model, fromBytes.model);
        assertEquals(fromString.content, fromBytes.content);
        assertEquals(fromString.finishReason, fromBytes.finishReason);
    }

    @Test
    void readsOnlyTheGivenRangeOfTheBytes() {
        byte[] b = "xx{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}yy".getBytes(StandardCharsets.UTF_8);
        assertEquals("a", StandardChunk.parse(b, 2, b.length - 4).content);
    }

    @Test
    void leavesIllFormedUtf8AndNonUtf8LookingBytesToTheGeneralPath() {
        byte[] prefix = "{\"choices\":[{\"delta\":{\"content\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}}]}".getBytes(StandardCharsets.UTF_8);
        // Overlong NUL, an encoded surrogate, a code point past U+10FFFF, a cut sequence, a stray continuation byte.
        int[][] bad = {{0xC0, 0x80}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0xE9, 0x87}, {0x80}};
        for (int[] seq : bad) {
            byte[] b = new byte[prefix.length + seq.length + suffix.length];
            System.arraycopy(prefix, 0, b, 0, prefix.length);
            for (int k = 0; k < seq.length; k++) {
                b[prefix.length + k] = (byte) seq[k];
            }
            System.arraycopy(suffix, 0, b, prefix.length + seq.length, suffix.length);
            assertNull(StandardChunk.parse(b, 0, b.length), java.util.Arrays.toString(seq));
        }
        byte[] bom = "\uFEFF{\"choices\":[]}".getBytes(StandardCharsets.UTF_8);
        assertNull(StandardChunk.parse(bom, 0, bom.length));
        byte[] utf16 = "{\"choices\":[]}".getBytes(StandardCharsets.UTF_16LE);
        assertNull(StandardChunk.parse(utf16, 0, utf16.length));
    }

    @Test
    void looksForTheSequencesJacksonWouldReadOtherwise() {
        byte[] good = "a é 量 😀 \u0080 \u07FF \u0800 \u0900 \uFFFF \uD7FF \uE000 한국어".getBytes(StandardCharsets.UTF_8);
        assertTrue(StandardChunk.readsAsJavaDecodes(good, 0, good.length));
        byte[] maxCodePoint = new String(Character.toChars(0x10FFFF)).getBytes(StandardCharsets.UTF_8);
        assertTrue(StandardChunk.readsAsJavaDecodes(maxCodePoint, 0, maxCodePoint.length));
        int[][] bad = {{0xC1, 0xBF}, {0xE0, 0x9F, 0xBF}, {0xED, 0xBF, 0xBF}, {0xF0, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80},
            {0xF5, 0x80, 0x80, 0x80}};
        for (int[] seq : bad) {
            byte[] b = new byte[seq.length];
            for (int k = 0; k < seq.length; k++) {
                b[k] = (byte) seq[k];
            }
            assertFalse(StandardChunk.readsAsJavaDecodes(b, 0, b.length), java.util.Arrays.toString(seq));
        }
    }

    /**
     * Random bytes in the content, well-formed UTF-8 or not: whenever the byte path reads an event,
     * it reads what the String path reads from the event decoded.
     */
    @Test
    void neverReadsBytesOtherwiseThanTheirDecodedString() {
        java.util.Random random = new java.util.Random(14);
        byte[] prefix = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}}]}".getBytes(StandardCharsets.UTF_8);
        int read = 0;
        for (int n = 0; n < 50_000; n++) {
            java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
            for (int k = random.nextInt(8); k >= 0; k--) {
                switch (random.nextInt(4)) {
                    case 0 -> content.write('a' + random.nextInt(26));
                    case 1 -> content.write(0x80 + random.nextInt(0x80));
                    case 2 -> content.writeBytes(new String(Character.toChars(random.nextInt(0x110000)))
                            .getBytes(StandardCharsets.UTF_8));
                    default -> {
                        // A lead byte and the continuation bytes it asks for, any values in range.
                        int lead = 0xC0 + random.nextInt(0x38);
                        content.write(lead);
                        for (int c = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3; c > 0; c--) {
                            content.write(0x80 + random.nextInt(0x40));
                        }
                    }
                }
            }
            byte[] c = content.toByteArray();
            byte[] b = new byte[prefix.length + c.length + suffix.length];
            System.arraycopy(prefix, 0, b, 0, prefix.length);
            System.arraycopy(c, 0, b, prefix.length, c.length);
            System.arraycopy(suffix, 0, b, prefix.length + c.length, suffix.length);
            StandardChunk fromBytes = StandardChunk.parse(b, 0, b.length);
            if (fromBytes != null) {
                read++;
                StandardChunk fromString = StandardChunk.parse(new String(b, StandardCharsets.UTF_8));
                assertNotNull(fromString, java.util.Arrays.toString(c));
                assertEquals(fromString.content, fromBytes.content, java.util.Arrays.toString(c));
            }
        }
        assertTrue(read > 10_000, "only " + read + " events were read from bytes");
    }

    private static StandardChunk bytes(String data) {
        byte[] b = data.getBytes(StandardCharsets.UTF_8);
        return StandardChunk.parse(b, 0, b.length);
    }
}
