package dev.junction.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Image sizes from real PNG, JPEG and GIF files written by ImageIO, and hand-built WEBP headers. */
class ImageSizeTest {
    @TempDir
    Path temp;

    private static ImageSize read(byte[] data) throws IOException {
        return ImageSize.read(MediaBytes.of(data));
    }

    @ParameterizedTest
    @CsvSource({"png, 384, 384", "png, 385, 100", "png, 1000, 1000", "png, 1920, 1080", "png, 1, 1",
            "jpg, 384, 384", "jpg, 1920, 1080", "jpg, 17, 3000", "gif, 640, 480", "gif, 1, 2"})
    void readsImagesWrittenByImageIo(String format, int width, int height) throws IOException {
        assertEquals(new ImageSize(width, height), read(TestMedia.image(format, width, height)));
    }

    @Test
    void readsAJpegWhoseFrameHeaderComesAfterLargeExifSegments() throws IOException {
        // Five 60 KB APP1 segments put the frame header ~300 KB in, past any fixed-size prefix.
        byte[] jpeg = TestMedia.jpegWithApp1(1000, 700, 5, 60_000);
        TestMedia.Counting counting = new TestMedia.Counting(MediaBytes.of(jpeg));
        assertEquals(new ImageSize(1000, 700), ImageSize.read(counting));
        // The segment bodies were skipped: one window per segment header at most, not 300 KB.
        assertTrue(counting.fetched() <= 8L * MediaBytes.WINDOW, "fetched " + counting.fetched());
    }

    @Test
    void readsAJpegWithASmallExifSegment() throws IOException {
        assertEquals(new ImageSize(385, 100), read(TestMedia.jpegWithApp1(385, 100, 1, 4096)));
    }

    @Test
    void readsTheThreeWebpBitstreams() throws IOException {
        assertEquals(new ImageSize(1920, 1080), read(TestMedia.webpLossy(1920, 1080)));
        assertEquals(new ImageSize(16383, 1), read(TestMedia.webpLossy(16383, 1)));
        assertEquals(new ImageSize(1000, 1000), read(TestMedia.webpLossless(1000, 1000)));
        assertEquals(new ImageSize(16384, 16384), read(TestMedia.webpLossless(16384, 16384)));
        assertEquals(new ImageSize(385, 100), read(TestMedia.webpExtended(385, 100)));
        assertEquals(new ImageSize(1 << 24, 3), read(TestMedia.webpExtended(1 << 24, 3)));
    }

    @Test
    void readsTheSameSizeFromAFileAndFromBase64() throws IOException {
        byte[] png = TestMedia.png(1000, 1000);
        Path file = Files.write(temp.resolve("image.bin"), png);
        try (MediaBytes bytes = MediaBytes.open(file)) {
            assertEquals(new ImageSize(1000, 1000), ImageSize.read(bytes));
        }
        assertEquals(new ImageSize(1000, 1000), ImageSize.read(MediaBytes.ofBase64(Base64.getEncoder().encodeToString(png))));
    }

    @Test
    void decodesOnlyTheHeaderOfALargeBase64Image() throws IOException {
        // A real 1920×1080 PNG followed by 20 MiB of padding: 28 million base64 characters.
        byte[] big = Arrays.copyOf(TestMedia.png(1920, 1080), 20 * 1024 * 1024);
        TestMedia.CountingChars chars = new TestMedia.CountingChars(Base64.getEncoder().encodeToString(big));
        assertEquals(new ImageSize(1920, 1080), ImageSize.read(MediaBytes.ofBase64(chars)));
        // One window's worth of characters, plus the few looked at for padding.
        assertTrue(chars.reads() <= 4 * MediaBytes.WINDOW / 3 + 16, "read " + chars.reads() + " characters");
    }

    @Test
    void decodesOnlyTheSegmentHeadersOfABase64JpegWithLargeExif() throws IOException {
        byte[] jpeg = TestMedia.jpegWithApp1(1920, 1080, 5, 60_000);
        TestMedia.CountingChars chars = new TestMedia.CountingChars(Base64.getEncoder().encodeToString(jpeg));
        assertEquals(new ImageSize(1920, 1080), ImageSize.read(MediaBytes.ofBase64(chars)));
        assertTrue(chars.reads() <= 8L * 4 * MediaBytes.WINDOW / 3, "read " + chars.reads() + " characters");
    }

    @Test
    void rejectsCorruptHeadersWithAReason() {
        byte[] png = TestMedia.png(10, 10);
        byte[] noIhdr = png.clone();
        noIhdr[12] = 'X';
        assertEquals("PNG header is corrupt: the first chunk is not IHDR",
                assertThrows(MediaFormatException.class, () -> read(noIhdr)).getMessage());

        byte[] zeroWidth = png.clone();
        Arrays.fill(zeroWidth, 16, 20, (byte) 0);
        assertTrue(assertThrows(MediaFormatException.class, () -> read(zeroWidth)).getMessage().contains("size 0×10"));

        assertThrows(EOFException.class, () -> read(Arrays.copyOf(png, 18)));
        assertThrows(EOFException.class, () -> read(Arrays.copyOf(TestMedia.jpeg(10, 10), 40)));
        assertEquals("not a PNG, JPEG, GIF or WEBP image",
                assertThrows(MediaFormatException.class, () -> read("BM not an image".getBytes())).getMessage());
        assertThrows(MediaFormatException.class, () -> read(new byte[0]));
    }

    @Test
    void rejectsAJpegWhoseImageDataStartsBeforeAnyFrameHeader() {
        byte[] sosFirst = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2, 1, 2, 3};
        assertTrue(assertThrows(MediaFormatException.class, () -> read(sosFirst)).getMessage()
                .contains("image data starts before any frame header"));
        // An APP0 segment whose length points into junk instead of at the next marker.
        byte[] noMarker = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 0, 0, 0x12, 0x34};
        assertEquals("JPEG header is corrupt: no marker at byte 8",
                assertThrows(MediaFormatException.class, () -> read(noMarker)).getMessage());
    }

    @Test
    void skipsDhtAndDacWhichShareTheFrameMarkerRange() throws IOException {
        // SOI, DHT (C4) and DAC (CC) segments whose bodies would read as 0×0 sizes, then SOF2 (progressive).
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8,
                (byte) 0xFF, (byte) 0xC4, 0, 7, 0, 0, 0, 0, 0,
                (byte) 0xFF, (byte) 0xCC, 0, 4, 0, 0,
                (byte) 0xFF, (byte) 0xC2, 0, 11, 8, 0x04, 0x38, 0x07, (byte) 0x80, 1, 1, 0x11, 0};
        assertEquals(new ImageSize(1920, 1080), read(jpeg));
    }
}
