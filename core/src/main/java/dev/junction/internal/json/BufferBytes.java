package dev.junction.internal.json;

import io.vertx.core.buffer.Buffer;
import java.io.InputStream;

/**
 * Reads a Vert.x {@link Buffer}'s bytes through a small window, so that a large reply body is
 * parsed and scanned where it lies instead of being copied out whole with {@code getBytes()}.
 * Uses only the public {@code Buffer} API, so it works for any buffer the transport hands over.
 * Not thread-safe: one instance per reader.
 */
final class BufferBytes {
    /** Window size: big enough that refills are rare, small next to any body this class is used for. */
    static final int WINDOW = 64 * 1024;

    private final Buffer buffer;
    private final int length;
    private byte[] window;
    private int windowStart;
    private int windowEnd;

    BufferBytes(Buffer buffer) {
        this.buffer = buffer;
        this.length = buffer.length();
    }

    /** Another reader of the same buffer, with its own window. */
    BufferBytes(BufferBytes other) {
        this(other.buffer);
    }

    /** The buffer's length in bytes. */
    int length() {
        return length;
    }

    /**
     * The byte at {@code index}, as an unsigned value, or {@code -1} past the end. Cheap when
     * indexes move forward, as every scan here does.
     */
    int at(int index) {
        if (index >= windowEnd || index < windowStart) {
            if (index < 0 || index >= length) {
                return -1;
            }
            fill(index);
        }
        return window[index - windowStart] & 0xff;
    }

    /**
     * The window, moved if needed so that it holds {@code index} (which must be within the buffer):
     * hot loops read it directly between {@link #windowStart()} and {@link #windowEnd()}.
     */
    byte[] windowAt(int index) {
        if (index >= windowEnd || index < windowStart) {
            fill(index);
        }
        return window;
    }

    /** The buffer index of the window's first byte. */
    int windowStart() {
        return windowStart;
    }

    /** The buffer index just past the window's last byte. */
    int windowEnd() {
        return windowEnd;
    }

    private void fill(int index) {
        if (window == null) {
            window = new byte[WINDOW];
        }
        windowStart = index;
        windowEnd = Math.min(length, index + WINDOW);
        buffer.getBytes(windowStart, windowEnd, window, 0);
    }

    /** Copies the bytes from {@code from} (inclusive) to {@code to} (exclusive) to the start of {@code into}. */
    void copy(int from, int to, byte[] into) {
        buffer.getBytes(from, to, into, 0);
    }

    /** The bytes from {@code from} (inclusive) to {@code to} (exclusive) as a stream, copied a block at a time. */
    InputStream stream(int from, int to) {
        return new BufferInputStream(buffer, from, to);
    }
}
