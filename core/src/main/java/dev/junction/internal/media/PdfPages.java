package dev.junction.internal.media;

import java.io.IOException;

/**
 * Counts a PDF's pages without a PDF library: each page is a dictionary with {@code /Type /Page}
 * (any whitespace, or none, between the two names), while the page-tree nodes say
 * {@code /Type /Pages}. So the count is the number of {@code /Type} followed by the name
 * {@code /Page} and then a delimiter, never by another name character.
 *
 * <p>A heuristic: pages inside compressed object streams (common since PDF 1.5) are invisible
 * to it, and pages of earlier revisions kept by incremental updates are counted again. Only the
 * first {@link #MAX_SCAN} bytes are read, in chunks, never the whole file at once.
 */
public final class PdfPages {
    /** How many leading bytes are scanned: 64 MiB. */
    public static final long MAX_SCAN = 64L * 1024 * 1024;

    private static final int CHUNK = 64 * 1024;
    private static final byte[] TYPE = {'/', 'T', 'y', 'p', 'e'};
    private static final byte[] PAGE = {'/', 'P', 'a', 'g', 'e'};

    private PdfPages() {
    }

    /**
     * The number of page objects found in the first {@link #MAX_SCAN} bytes; 0 when none is
     * visible (not a PDF, or pages hidden in compressed streams).
     *
     * @throws IOException when the bytes cannot be read
     */
    public static long count(MediaBytes bytes) throws IOException {
        return count(bytes, MAX_SCAN);
    }

    /** {@link #count(MediaBytes)} over the first {@code limit} bytes. */
    static long count(MediaBytes bytes, long limit) throws IOException {
        Matcher matcher = new Matcher();
        byte[] chunk = new byte[CHUNK];
        long end = Math.min(limit, bytes.size());
        for (long pos = 0; pos < end; ) {
            int n = bytes.read(pos, chunk, 0, (int) Math.min(CHUNK, end - pos));
            if (n == 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                matcher.accept(chunk[i]);
            }
            pos += n;
        }
        matcher.finish();
        return matcher.pages;
    }

    /**
     * A byte-at-a-time state machine, so that a match split across two chunks is still found.
     * Restarting on a mismatch needs no backtracking: both names start with '/' and contain no
     * other '/'.
     */
    private static final class Matcher {
        private int typeMatched;
        private boolean afterType;
        private int pageMatched;
        private long pages;

        void accept(byte b) {
            if (pageMatched == PAGE.length) {
                // "/Type /Page" seen: it counts unless the name goes on, as in "/Pages".
                pageMatched = 0;
                if (!isNameCharacter(b)) {
                    pages++;
                }
                startOver(b);
                return;
            }
            if (pageMatched > 0) {
                if (b == PAGE[pageMatched]) {
                    pageMatched++;
                } else {
                    pageMatched = 0;
                    startOver(b);
                }
                return;
            }
            if (afterType) {
                if (isWhitespace(b)) {
                    return;
                }
                afterType = false;
                if (b == '/') {
                    pageMatched = 1;
                    return;
                }
                startOver(b);
                return;
            }
            if (b == TYPE[typeMatched]) {
                typeMatched++;
                if (typeMatched == TYPE.length) {
                    typeMatched = 0;
                    afterType = true;
                }
            } else {
                startOver(b);
            }
        }

        /** The input ended: a "/Type /Page" right at the end still counts. */
        void finish() {
            if (pageMatched == PAGE.length) {
                pages++;
            }
        }

        /** Forgets partial matches; {@code b} may begin a new "/Type". */
        private void startOver(byte b) {
            typeMatched = b == '/' ? 1 : 0;
        }

        private static boolean isWhitespace(byte b) {
            return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
        }

        /** PDF's regular characters: anything but whitespace and the delimiters {@code ()<>[]{}/%}. */
        private static boolean isNameCharacter(byte b) {
            return !isWhitespace(b) && "()<>[]{}/%".indexOf(b) < 0;
        }
    }
}
