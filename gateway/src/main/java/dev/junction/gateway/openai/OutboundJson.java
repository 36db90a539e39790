package dev.junction.gateway.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.junction.chat.FinishReason;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.ThoughtSignature;
import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
import java.io.IOException;
import java.io.Reader;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** The pieces a completion and a stream chunk share: finish reasons, usage, images, signatures, ids. */
final class OutboundJson {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private OutboundJson() {
    }

    /** OpenAI's finish reason: the four it defines, else the vendor's own string, else {@code stop}. */
    static String finishReason(FinishReason reason, String raw) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            default -> raw != null && !raw.isBlank() ? raw : "stop";
        };
    }

    /**
     * Writes the {@code usage} field: OpenAI's three counts, the details when the vendor reported
     * them, and {@code cost} in US dollars as a plain number when it is known. Writes nothing when
     * the vendor reported no counts.
     */
    static void writeUsage(JsonGenerator json, Usage usage, Cost cost) throws IOException {
        if (usage == null || !usage.isReported()) {
            return;
        }
        json.writeObjectFieldStart("usage");
        json.writeNumberField("prompt_tokens", usage.inputTokens());
        json.writeNumberField("completion_tokens", usage.outputTokens());
        json.writeNumberField("total_tokens",
                usage.totalTokens() != null ? usage.totalTokens() : usage.inputTokens() + usage.outputTokens());
        if (usage.cachedTokens() != null || usage.audioInputTokens() != null) {
            json.writeObjectFieldStart("prompt_tokens_details");
            writeCount(json, "cached_tokens", usage.cachedTokens());
            writeCount(json, "audio_tokens", usage.audioInputTokens());
            json.writeEndObject();
        }
        if (usage.reasoningTokens() != null || usage.imageTokens() != null) {
            json.writeObjectFieldStart("completion_tokens_details");
            writeCount(json, "reasoning_tokens", usage.reasoningTokens());
            writeCount(json, "image_tokens", usage.imageTokens());
            json.writeEndObject();
        }
        if (cost != null && cost.total() != null && cost.usd() != null) {
            json.writeFieldName("cost");
            json.writeNumber(cost.usd().stripTrailingZeros()); // plain: WRITE_BIGDECIMAL_AS_PLAIN
        }
        json.writeEndObject();
    }

    private static void writeCount(JsonGenerator json, String name, Long count) throws IOException {
        if (count != null) {
            json.writeNumberField(name, count);
        }
    }

    /**
     * Writes {@code {"type":"image_url","image_url":{"url":"data:TYPE;base64,…"}}}, the base64
     * encoded as it is written rather than built as one string first.
     */
    static void writeImage(JsonGenerator json, GeneratedImage image) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "image_url");
        json.writeObjectFieldStart("image_url");
        json.writeFieldName("url");
        String prefix = "data:" + image.mediaType() + ";base64,";
        long length = prefix.length() + 4L * ((image.bytes().length + 2) / 3);
        json.writeString(new Base64Reader(prefix, image.bytes()), length > Integer.MAX_VALUE ? -1 : (int) length);
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * Writes {@code "extra_content":{"google":{"thought_signature":…},"junction":{"provider":…}}}:
     * Google's field for the signature, and the provider that issued it, which the client sends
     * back unchanged so that the gateway returns the signature to that provider only.
     */
    static void writeSignature(JsonGenerator json, ThoughtSignature signature) throws IOException {
        json.writeObjectFieldStart("extra_content");
        json.writeObjectFieldStart("google");
        json.writeStringField("thought_signature", signature.value());
        json.writeEndObject();
        json.writeObjectFieldStart("junction");
        json.writeStringField("provider", signature.provider());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** {@code prefix} followed by 24 random letters and digits. */
    static String randomId(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(prefix.length() + 24).append(prefix);
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** Reads a prefix, then the base64 of some bytes, encoding a few kilobytes at a time. */
    private static final class Base64Reader extends Reader {
        private static final int GROUP = 3 * 1024;
        private final byte[] bytes;
        private char[] pending;
        private int pendingAt;
        private int nextByte;

        Base64Reader(String prefix, byte[] bytes) {
            this.bytes = bytes;
            this.pending = prefix.toCharArray();
        }

        @Override
        public int read(char[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (pendingAt == pending.length) {
                if (nextByte >= bytes.length) {
                    return -1;
                }
                int end = Math.min(bytes.length, nextByte + GROUP);
                byte[] encoded = Base64.getEncoder().encode(java.util.Arrays.copyOfRange(bytes, nextByte, end));
                nextByte = end;
                pending = new char[encoded.length];
                for (int i = 0; i < encoded.length; i++) {
                    pending[i] = (char) encoded[i];
                }
                pendingAt = 0;
            }
            int n = Math.min(length, pending.length - pendingAt);
            System.arraycopy(pending, pendingAt, into, offset, n);
            pendingAt += n;
            return n;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
