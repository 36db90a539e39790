package dev.junction.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Page objects counted by name, across chunk boundaries, within the scan limit. */
class PdfPagesTest {
    @TempDir
    Path temp;

    private static long count(String pdf) throws IOException {
        return PdfPages.count(MediaBytes.of(pdf.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void countsPagesButNotPageTreeNodes() throws IOException {
        assertEquals(3, PdfPages.count(MediaBytes.of(TestMedia.pdf(3))));
        assertEquals(1, count("<< /Type /Pages /Kids [3 0 R] >> << /Type /Page >>"));
        assertEquals(2, count("<</Type/Page/Parent 2 0 R>><</Type\n\t/Page>>"));
        assertEquals(1, count("//Type /Page"));
        assertEquals(1, count("<< /Type /Page")); // At the very end.
        assertEquals(0, count("<< /Type /PageLabel >> << /Types /Page >> << /Type /Pa /Page >>"));
        assertEquals(0, count("/Type /Pages"));
        assertEquals(0, count("not a pdf at all"));
        assertEquals(0, count(""));
    }

    @Test
    void findsAMatchSplitAcrossTwoChunks() throws IOException {
        byte[] filler = new byte[64 * 1024 - 7];
        Arrays.fill(filler, (byte) ' ');
        byte[] pdf = TestMedia.concat(filler, TestMedia.ascii("/Type /Page>>"), filler, TestMedia.ascii("/Type /Pages"));
        assertEquals(1, PdfPages.count(MediaBytes.of(pdf)));
    }

    @Test
    void scansOnlyUpToTheLimit() throws IOException {
        Path file = temp.resolve("long.pdf");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(TestMedia.pdf(2));
            out.seek(3 * 1024 * 1024);
            out.write(TestMedia.ascii("<< /Type /Page >>"));
        }
        try (TestMedia.Counting bytes = new TestMedia.Counting(MediaBytes.open(file))) {
            assertEquals(2, PdfPages.count(bytes, 1024 * 1024));
            assertTrue(bytes.fetched() <= 1024 * 1024, "fetched " + bytes.fetched());
        }
        try (MediaBytes bytes = MediaBytes.open(file)) {
            assertEquals(3, PdfPages.count(bytes));
        }
    }
}
