package dev.junction.internal.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Base64;

/**
 * A {@link Reader} that yields a fixed prefix and then the base64 encoding of a byte stream,
 * encoding one small block at a time into buffers it reuses. Used to write data URIs without
 * building them in memory.
 */
public final class Base64Reader extends Reader {
    /** Input block size; a multiple of 3 so that no padding appears mid-stream. */
    private static final int BLOCK = 3 * 16 * 1024;

    private final InputStream in;
    private final byte[] raw = new byte[BLOCK];
    private final byte[] encoded = new byte[BLOCK / 3 * 4];
    private final char[] chars = new char[BLOCK / 3 * 4];
    private char[] pending;
    private int pendingLen;
    private int pendingPos;
    private boolean eof;

    public Base64Reader(String prefix, InputStream in) {
        this.in = in;
        this.pending = prefix.toCharArray();
        this.pendingLen = pending.length;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pendingPos >= pendingLen) {
            if (eof || !refill()) {
                return -1;
            }
        }
        int n = Math.min(len, pendingLen - pendingPos);
        System.arraycopy(pending, pendingPos, buf, off, n);
        pendingPos += n;
        return n;
    }

    private boolean refill() throws IOException {
        int filled = 0;
        while (filled < BLOCK) {
            int r = in.read(raw, filled, BLOCK - filled);
            if (r < 0) {
                eof = true;
                break;
            }
            filled += r;
        }
        if (filled == 0) {
            return false;
        }
        // Into the same two arrays every block: a new pair per block was ≈4× the image in garbage.
        int n = Base64.getEncoder().encode(filled == BLOCK ? raw : java.util.Arrays.copyOf(raw, filled), encoded);
        for (int i = 0; i < n; i++) {
            chars[i] = (char) encoded[i];
        }
        pending = chars;
        pendingLen = n;
        pendingPos = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
