package dev.junction.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Media types from leading bytes: each signature, short input, and files whose names lie. */
class MagicBytesTest {
    @TempDir
    Path temp;

    /** Bytes from a hex string, padded with zeros to 16 bytes so that only the signature decides. */
    static byte[] head(String hex) {
        byte[] bytes = new byte[MagicBytes.HEAD];
        String clean = hex.replace(" ", "");
        for (int i = 0; i < clean.length() / 2; i++) {
            bytes[i] = (byte) Integer.parseInt(clean.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    @ParameterizedTest
    @CsvSource({
            "89504E470D0A1A0A, image/png",
            "FFD8FFE0, image/jpeg",
            "474946383961, image/gif",
            "52494646 00000000 57454250, image/webp",
            "52494646 00000000 57415645, audio/wav",
            "255044462D312E37, application/pdf",
            "00000018 66747970 69736F6D, video/mp4",
            "00000014 66747970 71742020, video/quicktime",
            "00000020 66747970 4D344120, audio/mp4",
            "00000018 66747970 68656963, image/heic",
            "494433, audio/mpeg",
            "FFFB9064, audio/mpeg",
            "FFF15080, audio/aac",
            "4F676753, audio/ogg",
            "664C6143, audio/flac",
            "1A45DFA3, video/webm"})
    void recognisesEachSignature(String hex, String mediaType) {
        assertEquals(mediaType, MagicBytes.detect(head(hex), MagicBytes.HEAD));
    }

    @Test
    void knowsNothingOfOtherContent() {
        assertNull(MagicBytes.detect(head("424D3E00"), MagicBytes.HEAD)); // BMP
        assertNull(MagicBytes.detect("plain text".getBytes()));
        assertNull(MagicBytes.detect(new byte[0]));
        // RIFF with neither WEBP nor WAVE (an AVI).
        assertNull(MagicBytes.detect(head("52494646 00000000 41564920"), MagicBytes.HEAD));
    }

    @Test
    void ignoresBytesBeyondTheValidLength() {
        byte[] png = head("89504E47");
        assertNull(MagicBytes.detect(png, 3));
        assertEquals("image/png", MagicBytes.detect(Arrays.copyOf(png, 4)));
        // 'ftyp' needs its 4-byte size first: 7 valid bytes are too few.
        assertNull(MagicBytes.detect(head("00000018 667479"), 7));
    }

    @Test
    void readsAFileByContentWhateverItsName() throws IOException {
        Path png = Files.write(temp.resolve("photo.jpg"), head("89504E470D0A1A0A"));
        Path pdf = Files.write(temp.resolve("scan"), head("255044462D"));
        assertEquals("image/png", MagicBytes.ofFile(png));
        assertEquals("application/pdf", MagicBytes.ofFile(pdf));
    }

    @Test
    void answersNullForAShortUnknownMissingOrNonRegularFile() throws IOException {
        assertNull(MagicBytes.ofFile(Files.write(temp.resolve("tiny.png"), new byte[] {(byte) 0x89, 'P'})));
        assertNull(MagicBytes.ofFile(Files.write(temp.resolve("empty.png"), new byte[0])));
        assertNull(MagicBytes.ofFile(temp.resolve("missing.png")));
        assertNull(MagicBytes.ofFile(Files.createDirectory(temp.resolve("dir.png"))));
    }
}
