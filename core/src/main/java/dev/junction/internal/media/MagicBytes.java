package dev.junction.internal.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Media types from the first bytes of a file, for the kinds Gemini accepts. A file's content is
 * more trustworthy than its name: {@code photo.png} saved by a phone is often a JPEG.
 */
public final class MagicBytes {
    /** How many leading bytes {@link #detect} looks at. */
    public static final int HEAD = 16;

    private MagicBytes() {
    }

    /**
     * The media type the leading bytes announce, or {@code null} when they match no known signature.
     *
     * @param head the first bytes of the content (fewer than {@link #HEAD} is fine)
     * @param length how many bytes of {@code head} are valid
     */
    public static String detect(byte[] head, int length) {
        if (startsWith(head, length, 0, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(head, length, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(head, length, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(head, length, 0, 'R', 'I', 'F', 'F')) {
            if (startsWith(head, length, 8, 'W', 'E', 'B', 'P')) {
                return "image/webp";
            }
            return startsWith(head, length, 8, 'W', 'A', 'V', 'E') ? "audio/wav" : null;
        }
        if (startsWith(head, length, 0, '%', 'P', 'D', 'F')) {
            return "application/pdf";
        }
        if (startsWith(head, length, 4, 'f', 't', 'y', 'p')) {
            return isoMediaType(length >= 12 ? new String(head, 8, 4, StandardCharsets.ISO_8859_1) : "");
        }
        if (startsWith(head, length, 0, 'I', 'D', '3')) {
            return "audio/mpeg";
        }
        if (startsWith(head, length, 0, 'O', 'g', 'g', 'S')) {
            return "audio/ogg";
        }
        if (startsWith(head, length, 0, 'f', 'L', 'a', 'C')) {
            return "audio/flac";
        }
        if (startsWith(head, length, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return "video/webm";
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xF0) == 0xF0) {
            // An MPEG audio frame header; layer bits 00 mean an ADTS AAC stream instead of MP3.
            return (head[1] & 0x06) == 0 ? "audio/aac" : "audio/mpeg";
        }
        return null;
    }

    /** The media type of a whole byte array by its leading bytes, or {@code null}. */
    public static String detect(byte[] content) {
        return detect(content, content.length);
    }

    /**
     * The media type announced by a file's first {@link #HEAD} bytes, or {@code null} when they
     * match nothing or the file cannot be read (the caller reports a missing file when it opens it).
     */
    public static String ofFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        byte[] head = new byte[HEAD];
        try (InputStream in = Files.newInputStream(file)) {
            return detect(head, in.readNBytes(head, 0, HEAD));
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** ISO base media files (MP4, MOV, M4A, HEIC) share the {@code ftyp} box; its major brand tells them apart. */
    private static String isoMediaType(String brand) {
        return switch (brand) {
            case "qt  " -> "video/quicktime";
            case "M4A ", "M4B " -> "audio/mp4";
            case "heic", "heix", "heim", "heis" -> "image/heic";
            case "mif1", "msf1", "heif" -> "image/heif";
            default -> "video/mp4";
        };
    }

    private static boolean startsWith(byte[] head, int length, int offset, int... signature) {
        if (length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
