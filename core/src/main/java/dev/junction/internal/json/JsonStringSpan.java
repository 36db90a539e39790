package dev.junction.internal.json;

/**
 * Reads the characters of one JSON string straight from the body's bytes, resolving its escapes,
 * and decodes base64 from them, so that a huge string (a generated image's data URI) never
 * becomes a {@code String}. Only strings that {@link #close} accepts are read this way: plain
 * ASCII with well-formed escapes, which Jackson reads to exactly the same characters.
 */
final class JsonStringSpan {
    /** Base64 digit values for ASCII; {@code -2} for the padding {@code =}, {@code -1} for the rest. */
    private static final int[] DIGITS = new int[128];

    static {
        java.util.Arrays.fill(DIGITS, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            DIGITS[alphabet.charAt(i)] = i;
        }
        DIGITS['='] = -2;
    }

    private final BufferBytes bytes;
    private final int end;
    private int position;

    /** A cursor over the characters between {@code from} (after the opening quote) and the closing quote at {@code end}. */
    JsonStringSpan(BufferBytes bytes, int from, int end) {
        this.bytes = bytes;
        this.position = from;
        this.end = end;
    }

    /**
     * Where the string opening at {@code quote} closes, when it can be read from the bytes: every
     * byte printable ASCII, every escape one of JSON's with a {@code \}{@code u} value below 0x80.
     *
     * @return the index of the closing quote, or {@code -1} for a string to leave to Jackson
     *     (non-ASCII, control characters, odd escapes, or no closing quote)
     */
    static int close(BufferBytes bytes, int quote) {
        int i = quote + 1;
        while (true) {
            int b = bytes.at(i);
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b >= 0x7f) {
                return -1;
            }
            if (b != '\\') {
                i++;
                continue;
            }
            int escape = bytes.at(i + 1);
            switch (escape) {
                case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> i += 2;
                case 'u' -> {
                    int value = hex(bytes, i + 2);
                    if (value < 0 || value >= 0x80) {
                        return -1;
                    }
                    i += 6;
                }
                default -> {
                    return -1;
                }
            }
        }
    }

    /** The next character, escapes resolved, or {@code -1} at the closing quote. */
    int next() {
        if (position >= end) {
            return -1;
        }
        int b = bytes.at(position);
        if (b != '\\') {
            position++;
            return b;
        }
        int escape = bytes.at(position + 1);
        position += 2;
        switch (escape) {
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                int value = hex(bytes, position);
                position += 4;
                return value;
            default:
                return escape;
        }
    }

    /**
     * Decodes the rest of the string as base64 with the rules of {@link java.util.Base64#getDecoder()}
     * after line breaks are removed: no other character outside the alphabet, padding optional but
     * correct when present, nothing after it. Two passes over the bytes: the first validates and
     * counts, so the second writes into an array of exactly the decoded size.
     *
     * @return the bytes, or {@code null} when the rest is not such base64
     */
    byte[] decodeBase64() {
        int start = position;
        long size = decode(null);
        if (size < 0) {
            return null;
        }
        position = start;
        byte[] out = new byte[(int) size];
        decode(out);
        return out;
    }

    /** One pass of the decoder: writes into {@code out} unless it is {@code null}; the size, or {@code -1} when invalid. */
    private long decode(byte[] out) {
        long written = 0;
        int bits = 0;
        int shift = 18;
        // 0: reading digits; 1: after a '=' that needs a second; 2: after the padding, only line breaks may follow.
        int padding = 0;
        for (int c = next(); c >= 0; c = next()) {
            if (c == '\n' || c == '\r') {
                continue;
            }
            if (padding == 2) {
                return -1;
            }
            int digit = DIGITS[c];
            if (padding == 1) {
                if (digit != -2) {
                    return -1;
                }
                padding = 2;
                continue;
            }
            if (digit == -2) {
                if (shift == 18) {
                    return -1;
                }
                padding = shift == 6 ? 1 : 2;
                continue;
            }
            if (digit < 0) {
                return -1;
            }
            bits |= digit << shift;
            shift -= 6;
            if (shift < 0) {
                if (out != null) {
                    int at = (int) written;
                    out[at] = (byte) (bits >> 16);
                    out[at + 1] = (byte) (bits >> 8);
                    out[at + 2] = (byte) bits;
                }
                written += 3;
                shift = 18;
                bits = 0;
            }
        }
        if (padding == 1 || shift == 12) {
            return -1;
        }
        int tail = shift == 6 ? 1 : shift == 0 ? 2 : 0;
        if (out != null && tail > 0) {
            out[(int) written] = (byte) (bits >> 16);
            if (tail == 2) {
                out[(int) written + 1] = (byte) (bits >> 8);
            }
        }
        return written + tail > Integer.MAX_VALUE - 8 ? -1 : written + tail;
    }

    /** The four hex digits at {@code at} as a number, or {@code -1} when they are not four hex digits. */
    private static int hex(BufferBytes bytes, int at) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(bytes.at(at + i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }
}
