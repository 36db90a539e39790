package dev.junction.internal.json;

import java.util.Base64;

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

    /** Bytes per block of {@link #decodePlain}: whole 4-character units. */
    static final int BLOCK = 64 * 1024;

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
        int length = bytes.length();
        while (i < length) {
            byte[] window = bytes.windowAt(i);
            int base = bytes.windowStart();
            int limit = bytes.windowEnd();
            // The hot loop: a huge string is all plain bytes, read straight from the window.
            for (; i < limit; i++) {
                int b = window[i - base];
                if (b == '"') {
                    return i;
                }
                if (b < 0x20 || b == 0x7f || b == '\\') {
                    break;
                }
            }
            if (i < limit) {
                int escape = escapeLength(bytes, i);
                if (escape < 0) {
                    return -1;
                }
                i += escape;
            }
        }
        return -1;
    }

    /** How many bytes the escape at {@code at} takes, or {@code -1} when it is not one to read here (or not a backslash). */
    private static int escapeLength(BufferBytes bytes, int at) {
        if (bytes.at(at) != '\\') {
            return -1;
        }
        switch (bytes.at(at + 1)) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return 2;
            case 'u':
                int value = hex(bytes, at + 2);
                return value < 0 || value >= 0x80 ? -1 : 6;
            default:
                return -1;
        }
    }

    /**
     * Decodes the bytes from {@code from} to {@code to} with {@link Base64#getDecoder()} a block at a
     * time into an array of the exact size: the fast path for the usual case, a string without
     * escapes, where the bytes are the characters. Blocks are whole 4-character units, so decoding
     * them one by one equals decoding the whole, provided no block but the last is cut short by
     * padding (checked).
     *
     * @return the bytes, or {@code null} when the decoder refuses any block: the string has escapes,
     *     or is not base64; the caller then reads it through {@link #decodeBase64()}, which decides
     */
    static byte[] decodePlain(BufferBytes bytes, int from, int to) {
        int length = to - from;
        if (length <= 0) {
            return length == 0 ? new byte[0] : null;
        }
        Base64.Decoder decoder = Base64.getDecoder();
        int lastLength = (length - 1) % BLOCK + 1;
        int blocks = (length - lastLength) / BLOCK;
        byte[] last = new byte[lastLength];
        bytes.copy(to - lastLength, to, last);
        byte[] lastDecoded;
        try {
            lastDecoded = decoder.decode(last);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int blockDecoded = BLOCK / 4 * 3;
        byte[] out = new byte[blocks * blockDecoded + lastDecoded.length];
        byte[] block = new byte[BLOCK];
        byte[] decoded = new byte[blockDecoded];
        for (int i = 0; i < blocks; i++) {
            bytes.copy(from + i * BLOCK, from + (i + 1) * BLOCK, block);
            try {
                if (decoder.decode(block, decoded) != blockDecoded) {
                    return null;
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
            System.arraycopy(decoded, 0, out, i * blockDecoded, blockDecoded);
        }
        System.arraycopy(lastDecoded, 0, out, blocks * blockDecoded, lastDecoded.length);
        return out;
    }

    /** The index of the next byte {@link #next()} reads. */
    int position() {
        return position;
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
        int i = position;
        while (i < end) {
            byte[] window = bytes.windowAt(i);
            int base = bytes.windowStart();
            int limit = Math.min(end, bytes.windowEnd());
            while (i < limit) {
                int c = window[i - base];
                boolean escaped = c == '\\';
                if (escaped) {
                    // Rare (PHP's \/, MIME line breaks as \n): read through the cursor, then reload the window.
                    position = i;
                    c = next();
                    i = position;
                } else {
                    i++;
                }
                int digit = DIGITS[c];
                if (digit >= 0 && padding == 0) {
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
                } else if (c != '\n' && c != '\r') {
                    if (digit != -2 || padding == 2 || padding == 0 && shift == 18) {
                        // Not the alphabet, anything after the padding, or a '=' that opens a unit.
                        return -1;
                    }
                    padding = padding == 1 || shift != 6 ? 2 : 1;
                }
                if (escaped) {
                    break;
                }
            }
        }
        position = end;
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
