package dev.junction.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clip lengths from MP4/MOV box trees, WAV chunks and FLAC STREAMINFO, read without reading the media. */
class MediaDurationTest {
    @TempDir
    Path temp;

    private static MediaDuration read(byte[] data) throws IOException {
        return MediaDuration.read(MediaBytes.of(data));
    }

    @Test
    void readsAVersion0MovieHeaderAfterAnMdat() throws IOException {
        MediaDuration d = read(TestMedia.mp4(TestMedia.mvhd0(1000, 5500), 100_000));
        assertEquals(new MediaDuration(5500, 1000), d);
        assertEquals(5.5, d.seconds());
        assertEquals(1447, d.ceilTimes(263)); // 5.5 × 263 = 1446.5, rounded up.
    }

    @Test
    void readsAVersion1MovieHeader() throws IOException {
        MediaDuration d = read(TestMedia.mp4(TestMedia.mvhd1(90_000, 12L * 90_000), 10));
        assertEquals(12.0, d.seconds());
        assertEquals(12 * 263, d.ceilTimes(263));
    }

    @Test
    void readsAQuickTimeFileWithoutFtyp() throws IOException {
        byte[] mov = TestMedia.concat(TestMedia.box("wide"), TestMedia.box("moov", TestMedia.mvhd0(600, 1800)));
        assertEquals(3.0, read(mov).seconds());
    }

    @Test
    void seeksOverAHugeMdatInAFile() throws IOException {
        // ftyp, a 64-bit-sized mdat of 64 MiB (sparse where the file system allows), then moov.
        Path file = temp.resolve("big.mp4");
        long mdatSize = 64L * 1024 * 1024;
        byte[] moov = TestMedia.box("moov", TestMedia.mvhd1(1000, 61_000));
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] ftyp = TestMedia.ftyp();
            out.write(ftyp);
            out.write(ByteBuffer.allocate(16).putInt(1).put(TestMedia.ascii("mdat")).putLong(mdatSize).array());
            out.seek(ftyp.length + mdatSize);
            out.write(moov);
        }
        try (TestMedia.Counting bytes = new TestMedia.Counting(MediaBytes.open(file))) {
            assertEquals(new MediaDuration(61_000, 1000), MediaDuration.read(bytes));
            assertTrue(bytes.fetched() <= 3L * MediaBytes.WINDOW, "fetched " + bytes.fetched());
        }
    }

    @Test
    void readsTheSameLengthFromBase64() throws IOException {
        byte[] mp4 = TestMedia.mp4(TestMedia.mvhd0(1000, 2000), 300_000);
        TestMedia.CountingChars chars = new TestMedia.CountingChars(Base64.getEncoder().encodeToString(mp4));
        assertEquals(2.0, MediaDuration.read(MediaBytes.ofBase64(chars)).seconds());
        assertTrue(chars.reads() < 100_000, "read " + chars.reads() + " of " + chars.length() + " characters");
    }

    @Test
    void readsAFragmentedMp4LengthFromMehd() throws IOException {
        byte[] mehd = TestMedia.box("mehd", new byte[] {0, 0, 0, 0, 0, 0, 0x27, 0x10}); // v0, 10000
        byte[] moov = TestMedia.box("moov", TestMedia.mvhd0(1000, 0), TestMedia.box("mvex", mehd));
        assertEquals(10.0, read(TestMedia.concat(TestMedia.ftyp(), moov)).seconds());
    }

    @Test
    void refusesAnMp4ThatDoesNotRecordItsLength() {
        assertTrue(assertThrows(MediaFormatException.class,
                () -> read(TestMedia.mp4(TestMedia.mvhd0(1000, 0xFFFF_FFFFL), 0))).getMessage().contains("does not record"));
        assertTrue(assertThrows(MediaFormatException.class,
                () -> read(TestMedia.mp4(TestMedia.mvhd0(1000, 0), 0))).getMessage().contains("does not record"));
        assertEquals("MP4 has no moov box", assertThrows(MediaFormatException.class,
                () -> read(TestMedia.concat(TestMedia.ftyp(), TestMedia.box("mdat", new byte[10])))).getMessage());
        assertTrue(assertThrows(MediaFormatException.class,
                () -> read(TestMedia.concat(TestMedia.ftyp(), new byte[] {0, 0, 0, 3, 'm', 'o', 'o', 'v'})))
                .getMessage().contains("box of 3 bytes"));
    }

    @Test
    void readsAWavWrittenByAudioSystem() throws IOException {
        Path wav = TestMedia.wav(temp.resolve("voice.wav"), 16_000, 24_000);
        try (MediaBytes bytes = MediaBytes.open(wav)) {
            MediaDuration d = MediaDuration.read(bytes);
            assertEquals(1.5, d.seconds());
            assertEquals(48, d.ceilTimes(32));
        }
        Path odd = TestMedia.wav(temp.resolve("odd.wav"), 8_000, 8_001);
        assertEquals(33, MediaDuration.read(MediaBytes.of(Files.readAllBytes(odd))).ceilTimes(32)); // 32.004 → 33
    }

    @Test
    void readsAFlacStreamInfo() throws IOException {
        assertEquals(new MediaDuration(441_000, 44_100), read(TestMedia.flac(44_100, 441_000)));
        assertEquals(97, read(TestMedia.flac(44_100, 3 * 44_100 + 1)).ceilTimes(32));
        assertTrue(assertThrows(MediaFormatException.class, () -> read(TestMedia.flac(44_100, 0)))
                .getMessage().contains("does not record"));
    }

    @Test
    void refusesFormatsWithoutALengthInTheirHeader() {
        byte[] mp3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
        assertEquals("not an MP4, MOV, WAV or FLAC file", assertThrows(MediaFormatException.class, () -> read(mp3)).getMessage());
        assertThrows(MediaFormatException.class, () -> read(new byte[] {'O', 'g', 'g', 'S', 0, 0, 0, 0, 0, 0}));
        assertThrows(MediaFormatException.class, () -> read(new byte[0]));
    }

    @Test
    void roundsUpExactlyAndSaturates() {
        assertEquals(0, new MediaDuration(0, 1).ceilTimes(263));
        assertEquals(1, new MediaDuration(1, 1_000_000).ceilTimes(32));
        assertEquals(Long.MAX_VALUE, new MediaDuration(Long.MAX_VALUE, 1).ceilTimes(263));
    }
}
