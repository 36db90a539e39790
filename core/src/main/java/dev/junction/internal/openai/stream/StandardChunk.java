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
     * must not make bytes read differently from their UTF-8 decoding. Ill-formed UTF-8 is not read
     * here either (Jackson would decode an overlong form or an encoded surrogate that Java's decoder
     * replaces), so the general path reads it as decoded, replacement characters and all.
     */
    static StandardChunk parse(byte[] data, int offset, int length) {
        if (length < 2 || data[offset] != '{' || data[offset + 1] == 0 || !wellFormedUtf8(data, offset, length)) {
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

    /** Whether the bytes are well-formed UTF-8 (Unicode's Table 3-7): what Java decodes without replacing. */
    static boolean wellFormedUtf8(byte[] b, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int lead = b[i];
            if (lead >= 0) {
                i++;
                continue;
            }
            lead &= 0xFF;
            int n;
            int min = 0x80;
            int max = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                n = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                n = 2;
                if (lead == 0xE0) {
                    min = 0xA0;
                } else if (lead == 0xED) {
                    max = 0x9F;
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                n = 3;
                if (lead == 0xF0) {
                    min = 0x90;
                } else if (lead == 0xF4) {
                    max = 0x8F;
                }
            } else {
                return false;
            }
            if (end - i <= n) {
                return false;
            }
            int second = b[i + 1] & 0xFF;
            if (second < min || second > max) {
                return false;
            }
            for (int k = 2; k <= n; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += n + 1;
        }
        return true;
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
