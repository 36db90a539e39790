package dev.junction.internal.media;

import dev.junction.chat.MediaSource;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A read-only, random-access view of a media part's bytes, for the header readers of this package.
 *
 * <p>Readers ask for the few bytes they need at the offsets they need, so a header near the start
 * of a 1 GB file or at the end of a 20 MiB data URI costs a few small reads, never a whole copy:
 * a file is read through a {@link FileChannel} at the asked position, and base64 is decoded only
 * around the asked range (base64 is random access: characters {@code 4k…4k+3} hold bytes
 * {@code 3k…3k+2}). Reads go through one small window so that walking a header byte by byte does
 * not turn into a system call or a decode per byte.
 *
 * <p>Not thread-safe; close it to release a file.
 */
public abstract class MediaBytes implements Closeable {
    /** Bytes fetched per window refill: enough for any header these readers parse in one go. */
    static final int WINDOW = 8 * 1024;

    private final byte[] window = new byte[WINDOW];
    private long windowStart;
    private int windowLength;

    MediaBytes() {
    }

    /** A view of an array, which is neither copied nor changed. */
    public static MediaBytes of(byte[] data) {
        return new ArrayBytes(Objects.requireNonNull(data, "data"));
    }

    /**
     * A view of base64 text (no line breaks, padding only at the end), decoded on demand.
     *
     * @param base64 the characters; only those around each requested range are read
     */
    public static MediaBytes ofBase64(CharSequence base64) {
        return new Base64Bytes(Objects.requireNonNull(base64, "base64"));
    }

    /**
     * Opens a file for reading at any offset; only what the readers ask for is read.
     *
     * @throws IOException when the file cannot be opened (missing, a directory, no permission)
     */
    public static MediaBytes open(Path file) throws IOException {
        return new FileBytes(FileChannel.open(file, StandardOpenOption.READ));
    }

    /**
     * A view of a local media source: its array, its data URI's payload or its file.
     *
     * @throws IllegalArgumentException for a URL source, whose bytes are not local
     * @throws IOException when a file cannot be opened
     */
    public static MediaBytes of(MediaSource source) throws IOException {
        if (source instanceof MediaSource.Bytes b) {
            return of(b.data());
        }
        if (source instanceof MediaSource.DataUri d) {
            return ofBase64(d.payload());
        }
        if (source instanceof MediaSource.File f) {
            return open(f.path());
        }
        throw new IllegalArgumentException("a URL's bytes are not local: " + source);
    }

    /** The number of bytes. */
    public abstract long size();

    /**
     * Reads up to {@code length} bytes at {@code position} straight from the source.
     *
     * @return how many bytes were read, fewer than asked only at the end; 0 at or past the end
     */
    abstract int fetch(long position, byte[] into, int offset, int length) throws IOException;

    /**
     * Reads up to {@code length} bytes at {@code position}, through the window.
     *
     * @return how many bytes were read: fewer than asked only at the end, 0 at or past it
     */
    public int read(long position, byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        if (length >= WINDOW) {
            // A large read would only be copied twice through the window.
            return fetchFully(position, into, offset, length);
        }
        int done = 0;
        while (done < length) {
            long at = position + done;
            if (at < windowStart || at >= windowStart + windowLength) {
                windowStart = at;
                windowLength = fetchFully(at, window, 0, WINDOW);
                if (windowLength == 0) {
                    break;
                }
            }
            int from = (int) (at - windowStart);
            int n = Math.min(length - done, windowLength - from);
            System.arraycopy(window, from, into, offset + done, n);
            done += n;
        }
        return done;
    }

    /** Exactly {@code length} bytes at {@code position}; {@link EOFException} when the data ends first. */
    public byte[] readFully(long position, int length) throws IOException {
        byte[] out = new byte[length];
        if (read(position, out, 0, length) < length) {
            throw new EOFException("the data ends at byte " + size() + ", inside a header");
        }
        return out;
    }

    /** The unsigned byte at {@code position}. */
    public int u8(long position) throws IOException {
        return readFully(position, 1)[0] & 0xFF;
    }

    /** An unsigned 16-bit big-endian number. */
    public int u16be(long position) throws IOException {
        return (int) number(position, 2, true);
    }

    /** An unsigned 16-bit little-endian number. */
    public int u16le(long position) throws IOException {
        return (int) number(position, 2, false);
    }

    /** An unsigned 24-bit little-endian number. */
    public int u24le(long position) throws IOException {
        return (int) number(position, 3, false);
    }

    /** An unsigned 32-bit big-endian number. */
    public long u32be(long position) throws IOException {
        return number(position, 4, true);
    }

    /** An unsigned 32-bit little-endian number. */
    public long u32le(long position) throws IOException {
        return number(position, 4, false);
    }

    /** A 64-bit big-endian number; values of 2^63 and more come back negative. */
    public long u64be(long position) throws IOException {
        return number(position, 8, true);
    }

    /** Whether the bytes at {@code position} spell {@code ascii}; {@code false} when the data ends first. */
    public boolean matches(long position, String ascii) throws IOException {
        byte[] expected = ascii.getBytes(StandardCharsets.ISO_8859_1);
        byte[] actual = new byte[expected.length];
        return read(position, actual, 0, actual.length) == actual.length && Arrays.equals(expected, actual);
    }

    @Override
    public void close() throws IOException {
    }

    private long number(long position, int bytes, boolean bigEndian) throws IOException {
        byte[] b = readFully(position, bytes);
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            int index = bigEndian ? i : bytes - 1 - i;
            value = value << 8 | (b[index] & 0xFF);
        }
        return value;
    }

    private int fetchFully(long position, byte[] into, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = fetch(position + done, into, offset + done, length - done);
            if (n <= 0) {
                break;
            }
            done += n;
        }
        return done;
    }

    /** An array in memory. */
    private static final class ArrayBytes extends MediaBytes {
        private final byte[] data;

        ArrayBytes(byte[] data) {
            this.data = data;
        }

        @Override
        public long size() {
            return data.length;
        }

        @Override
        int fetch(long position, byte[] into, int offset, int length) {
            if (position >= data.length) {
                return 0;
            }
            int n = (int) Math.min(length, data.length - position);
            System.arraycopy(data, (int) position, into, offset, n);
            return n;
        }
    }

    /** Base64 text, decoded one asked range at a time. */
    private static final class Base64Bytes extends MediaBytes {
        private final CharSequence base64;
        private final long size;

        Base64Bytes(CharSequence base64) {
            this.base64 = base64;
            int chars = base64.length();
            int padding = 0;
            while (padding < 2 && chars - padding > 0 && base64.charAt(chars - padding - 1) == '=') {
                padding++;
            }
            this.size = chars / 4 * 3L - padding;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        int fetch(long position, byte[] into, int offset, int length) {
            if (position >= size) {
                return 0;
            }
            long end = Math.min(size, position + length);
            // Whole 4-character quanta covering [position, end): decoding starts on a quantum boundary.
            long firstQuantum = position / 3;
            long lastQuantum = (end + 2) / 3;
            int charFrom = (int) (firstQuantum * 4);
            int charTo = (int) Math.min(base64.length(), lastQuantum * 4);
            byte[] ascii = new byte[charTo - charFrom];
            for (int i = 0; i < ascii.length; i++) {
                ascii[i] = (byte) base64.charAt(charFrom + i);
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(ascii);
            } catch (IllegalArgumentException notBase64) {
                // DataUri checks its payload, so this is only reached through ofBase64 with bad text.
                return 0;
            }
            int skip = (int) (position - firstQuantum * 3);
            int n = (int) Math.min(end - position, decoded.length - skip);
            System.arraycopy(decoded, skip, into, offset, n);
            return n;
        }
    }

    /** A file read with positional reads, which never move past what is asked. */
    private static final class FileBytes extends MediaBytes {
        private final FileChannel channel;
        private final long size;

        FileBytes(FileChannel channel) throws IOException {
            this.channel = channel;
            long known;
            try {
                known = channel.size();
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            this.size = known;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        int fetch(long position, byte[] into, int offset, int length) throws IOException {
            return Math.max(0, channel.read(ByteBuffer.wrap(into, offset, length), position));
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
