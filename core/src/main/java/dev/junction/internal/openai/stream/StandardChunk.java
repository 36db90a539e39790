package dev.junction.internal.openai.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.junction.internal.json.JsonMappers;
import java.io.IOException;

/**
 * The fast path for the commonest stream event: an event made only of the standard OpenAI chunk
 * fields, read with Jackson's streaming parser instead of building a tree (the tree costs most of
 * the time of a plain text delta).
 *
 * <p>Accepted: top-level {@code id}, {@code object}, {@code created}, {@code model},
 * {@code system_fingerprint}, {@code service_tier}, {@code logprobs}, a {@code null} {@code usage},
 * and {@code choices} holding at most one choice of {@code index}, {@code finish_reason},
 * {@code native_finish_reason}, {@code logprobs} and a {@code delta} of {@code role},
 * {@code content} (a string) and {@code refusal}. Anything else, or any unexpected type, returns
 * {@code null}, and the caller reads the event the general way, through the dialect's hooks.
 * Such events carry no reasoning, images, tool calls, usage or error, so no hook could read more
 * from them. In particular an event with {@code tool_calls} or {@code extra_content} anywhere
 * (Gemini's thought signatures) always goes the general way, so no signature is lost here.
 */
final class StandardChunk {
    final String id;
    final String model;
    final String content;
    final String finishReason;

    private StandardChunk(String id, String model, String content, String finishReason) {
        this.id = id;
        this.model = model;
        this.content = content;
        this.finishReason = finishReason;
    }

    /** The event's fields, or {@code null} when it is anything but a standard text chunk. */
    static StandardChunk parse(String data) {
        try (JsonParser json = JsonMappers.LENIENT.getFactory().createParser(data)) {
            return read(json);
        } catch (IOException e) {
            return null; // the general path reports the malformed event
        }
    }

    /**
     * As {@link #parse(String)}, from the event's UTF-8 bytes, which spares decoding the whole event
     * to a String first. Only data opening with {@code '{'} and a non-zero byte is read here: Jackson
     * guesses the encoding of bytes, and a UTF-16 or UTF-32 guess (zero bytes) or a byte order mark
     * must not make bytes read differently from their UTF-8 decoding. Nor is ill-formed UTF-8: Jackson
     * rejects most of it, and the few forms it would decode where Java's decoder puts replacement
     * characters are looked for first ({@link #readsAsJavaDecodes}); the general path then reads the
     * event as decoded, replacement characters and all.
     */
    static StandardChunk parse(byte[] data, int offset, int length) {
        if (length < 2 || data[offset] != '{' || data[offset + 1] == 0 || !readsAsJavaDecodes(data, offset, length)) {
            return null;
        }
        try (JsonParser json = JsonMappers.LENIENT.getFactory().createParser(data, offset, length)) {
            return read(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static StandardChunk read(JsonParser json) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Fields f = new Fields();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            boolean ok = switch (name) {
                case "id" -> (f.id = scalarText(json, value)) != null || value == JsonToken.VALUE_NULL;
                case "model" -> (f.model = scalarText(json, value)) != null || value == JsonToken.VALUE_NULL;
                case "object", "created", "system_fingerprint", "service_tier" -> value.isScalarValue();
                case "usage", "logprobs" -> value == JsonToken.VALUE_NULL;
                case "choices" -> value == JsonToken.START_ARRAY && readChoices(json, f);
                default -> false;
            };
            if (!ok) {
                return null;
            }
        }
        return json.currentToken() == JsonToken.END_OBJECT && json.nextToken() == null
                ? new StandardChunk(f.id, f.model, f.content, f.finishReason) : null;
    }

    /**
     * Lead bytes whose sequences Jackson's UTF-8 parser decodes where Java's decoder would put
     * replacement characters: overlong forms (C0, C1; E0 and F0 with a low second byte), encoded
     * surrogates (ED with a high second byte) and code points past U+10FFFF (F4 with a high second
     * byte; F5 to F7). Every other ill-formed sequence (a stray continuation byte, a missing one,
     * F8 to FF) Jackson rejects itself, and the event then goes the general way.
     */
    private static final boolean[] SUSPECT = new boolean[256];

    static {
        for (int lead : new int[] {0xC0, 0xC1, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xF6, 0xF7}) {
            SUSPECT[lead] = true;
        }
    }

    /**
     * Whether Jackson reads every multi-byte sequence here as Java's UTF-8 decoder does: no lead
     * byte starts a sequence that Jackson would decode and Java would replace (see {@link #SUSPECT}).
     * One compare per byte, and a table look-up per non-ASCII byte.
     */
    static boolean readsAsJavaDecodes(byte[] b, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte x = b[i];
            if (x < 0 && SUSPECT[x & 0xFF] && !wellFormedAt(b, i, end)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the sequence led by the suspect byte at {@code i} is well-formed (Unicode's Table 3-7). */
    private static boolean wellFormedAt(byte[] b, int i, int end) {
        int lead = b[i] & 0xFF;
        if (i + 1 >= end) {
            return true; // cut: Jackson rejects it
        }
        int second = b[i + 1] & 0xFF;
        return switch (lead) {
            case 0xE0 -> second >= 0xA0;
            case 0xED -> second <= 0x9F;
            case 0xF0 -> second >= 0x90;
            case 0xF4 -> second <= 0x8F;
            default -> false; // C0, C1, F5 to F7: never well-formed
        };
    }

    private static boolean readChoices(JsonParser json, Fields f) throws IOException {
        JsonToken token = json.nextToken();
        if (token == JsonToken.END_ARRAY) {
            return true;
        }
        if (token != JsonToken.START_OBJECT) {
            return false;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            boolean ok = switch (name) {
                case "index" -> value == JsonToken.VALUE_NUMBER_INT;
                case "finish_reason" -> value == JsonToken.VALUE_NULL || (f.finishReason = scalarText(json, value)) != null;
                case "native_finish_reason", "logprobs" -> value.isScalarValue();
                case "delta" -> value == JsonToken.START_OBJECT && readDelta(json, f);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        // Exactly one choice: the general path reads only the first, so more go that way too.
        return json.nextToken() == JsonToken.END_ARRAY;
    }

    private static boolean readDelta(JsonParser json, Fields f) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            boolean ok = switch (name) {
                case "content" -> value == JsonToken.VALUE_NULL || value == JsonToken.VALUE_STRING && (f.content = json.getText()) != null;
                case "role" -> value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL;
                case "refusal" -> value == JsonToken.VALUE_NULL;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String scalarText(JsonParser json, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT ? json.getText() : null;
    }

    /** What the walk found. */
    private static final class Fields {
        private String id;
        private String model;
        private String content;
        private String finishReason;
    }
}
