package dev.junction.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChatResponse#saveImages(Path)}: numbered files, extensions from media types, exact bytes. */
class SaveImagesTest {
    @TempDir
    Path temp;

    private static ChatResponse withImages(GeneratedImage... images) {
        return new ChatResponse("id", "yisu", "m", "m", "", null, List.of(images), List.of(), FinishReason.STOP, "stop",
                null, null, List.of(), List.of());
    }

    @Test
    void writesEachImageWithItsExactBytesAndANumberedName() throws IOException {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 9};
        byte[] webp = {'R', 'I', 'F', 'F', 0};
        Path dir = temp.resolve("out/nested");

        List<Path> written = withImages(new GeneratedImage(jpeg, "image/jpeg"), new GeneratedImage(png, "image/png"),
                new GeneratedImage(webp, "image/webp")).saveImages(dir);

        assertEquals(List.of(dir.resolve("image-1.jpg"), dir.resolve("image-2.png"), dir.resolve("image-3.webp")), written);
        assertArrayEquals(jpeg, Files.readAllBytes(written.get(0)));
        assertArrayEquals(png, Files.readAllBytes(written.get(1)));
        assertArrayEquals(webp, Files.readAllBytes(written.get(2)));
    }

    @Test
    void replacesAnOlderFileOfTheSameName() throws IOException {
        Files.write(temp.resolve("image-1.gif"), new byte[100]);
        List<Path> written = withImages(new GeneratedImage(new byte[] {'G', 'I', 'F'}, "image/gif")).saveImages(temp);
        assertArrayEquals(new byte[] {'G', 'I', 'F'}, Files.readAllBytes(written.get(0)));
    }

    @Test
    void writesNothingWithoutImages() throws IOException {
        assertEquals(List.of(), withImages().saveImages(temp.resolve("none")));
        assertEquals(true, Files.isDirectory(temp.resolve("none")));
    }

    @Test
    void derivesExtensionsFromMediaTypes() {
        assertEquals("jpg", new GeneratedImage(new byte[0], "IMAGE/JPEG; q=1").fileExtension());
        assertEquals("gif", new GeneratedImage(new byte[0], "image/gif").fileExtension());
        assertEquals("svg", new GeneratedImage(new byte[0], "image/svg+xml").fileExtension());
        assertEquals("bin", new GeneratedImage(new byte[0], "application/octet-stream").fileExtension());
        assertEquals("bin", new GeneratedImage(new byte[0], "image/../../x").fileExtension());
    }
}
