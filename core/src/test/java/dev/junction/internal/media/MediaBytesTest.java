package dev.junction.internal.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.MediaSource;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three views of media bytes agree at every offset, and read only what is asked. */
class MediaBytesTest {
    @TempDir
    Path temp;

    @Test
    void arrayBase64AndFileAgreeOnRandomRanges() throws IOException {
        Random random = new Random(42);
        for (int length : new int[] {0, 1, 2, 3, 4, 5, 8191, 8192, 8193, 50_000}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            Path file = Files.write(temp.resolve("data" + length), data);
            try (MediaBytes array = MediaBytes.of(data);
                    MediaBytes base64 = MediaBytes.ofBase64(Base64.getEncoder().encodeToString(data));
                    MediaBytes onDisk = MediaBytes.open(file)) {
                for (MediaBytes view : List.of(array, base64, onDisk)) {
                    assertEquals(length, view.size());
                    for (int i = 0; i < 50; i++) {
                        int from = random.nextInt(length + 2);
                        int count = random.nextInt(20_000);
                        byte[] got = new byte[count];
                        int n = view.read(from, got, 0, count);
                        int expected = Math.max(0, Math.min(count, length - from));
                        assertEquals(expected, n);
                        assertArrayEquals(Arrays.copyOfRange(data, Math.min(from, length), Math.min(from, length) + n),
                                Arrays.copyOf(got, n));
                    }
                }
            }
        }
    }

    @Test
    void readsNumbersInBothByteOrders() throws IOException {
        MediaBytes bytes = MediaBytes.of(new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) 0x88});
        assertEquals(0x0102, bytes.u16be(0));
        assertEquals(0x0201, bytes.u16le(0));
        assertEquals(0x030201, bytes.u24le(0));
        assertEquals(0x01020304L, bytes.u32be(0));
        assertEquals(0x04030201L, bytes.u32le(0));
        assertEquals(0x0102030405060788L, bytes.u64be(0));
        assertEquals(0x88, bytes.u8(7));
        assertTrue(bytes.matches(1, "\u0002\u0003"));
        assertFalse(bytes.matches(7, "\u0088\u0000"));
        assertThrows(EOFException.class, () -> bytes.u32be(6));
    }

    @Test
    void opensEachLocalSourceAndRefusesUrls() throws IOException {
        byte[] data = {10, 20, 30};
        Path file = Files.write(temp.resolve("x"), data);
        for (MediaSource source : List.of(new MediaSource.Bytes(data, "image/png"),
                new MediaSource.DataUri("data:image/png;base64," + Base64.getEncoder().encodeToString(data)),
                new MediaSource.File(file, null))) {
            try (MediaBytes bytes = MediaBytes.of(source)) {
                assertArrayEquals(data, bytes.readFully(0, 3), source.toString());
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> MediaBytes.of(new MediaSource.Url(URI.create("https://x.example/a.png"), null)));
        assertThrows(NoSuchFileException.class, () -> MediaBytes.open(temp.resolve("missing")));
    }
}
