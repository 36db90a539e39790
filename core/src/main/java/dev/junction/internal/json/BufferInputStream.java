package dev.junction.internal.json;

import io.vertx.core.buffer.Buffer;
import java.io.InputStream;

/**
 * Reads a Vert.x {@link Buffer} as an {@link InputStream}, copying only into the caller's array, so
 * that Jackson parses a reply from its own recycled input buffer instead of a
 * {@link Buffer#getBytes()} copy of the whole body. Not thread-safe; one reader at a time.
 */
public final class BufferInputStream extends InputStream {
    private final Buffer buffer;
    private final int end;
    private int position;

    /** A stream over the whole of {@code buffer}, which must not change while it is read. */
    public BufferInputStream(Buffer buffer) {
        this(buffer, 0, buffer.length());
    }

    /** A stream over {@code buffer}'s bytes from {@code from} (inclusive) to {@code to} (exclusive). */
    public BufferInputStream(Buffer buffer, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, buffer.length());
        this.buffer = buffer;
        this.position = from;
        this.end = to;
    }

    @Override
    public int read() {
        return position < end ? buffer.getByte(position++) & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        int available = end - position;
        if (available <= 0) {
            return -1;
        }
        int n = Math.min(length, available);
        buffer.getBytes(position, position + n, into, offset);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        int skipped = (int) Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return end - position;
    }
}
