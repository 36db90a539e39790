package dev.junction.gateway.media;

import java.util.Locale;

/**
 * The media type of a download: the Content-Type header when it names a media type, else the
 * file's first bytes. Kept here rather than borrowed from core, whose media helpers are internal.
 */
final class MediaSniffer {
    private MediaSniffer() {
    }

    /**
     * The header's type, lower case and without parameters, when it is an image, audio or video
     * type or PDF; else {@code null} (missing, {@code application/octet-stream}, {@code text/html}…).
     */
    static String fromHeader(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
            return null;
        }
        boolean media = type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/");
        return media || type.equals("application/pdf") ? type : null;
    }

    /** The type the leading bytes announce (PNG, JPEG, GIF, WEBP, PDF, WAV, MP3, MP4), or {@code null}. */
    static String fromBytes(byte[] head, int length) {
        if (startsWith(head, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(head, length, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(head, length, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, length, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return "image/gif";
        }
        if (startsWith(head, length, 0, 'R', 'I', 'F', 'F') && startsWith(head, length, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        if (startsWith(head, length, 0, 'R', 'I', 'F', 'F') && startsWith(head, length, 8, 'W', 'A', 'V', 'E')) {
            return "audio/wav";
        }
        if (startsWith(head, length, 0, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (startsWith(head, length, 0, 'I', 'D', '3')) {
            return "audio/mpeg";
        }
        // An MPEG audio frame: 11 sync bits, then a version that is not "reserved" and a layer that
        // is not 00 (00 is an ADTS AAC stream, which is not MP3).
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0
                && (head[1] & 0x18) != 0x08 && (head[1] & 0x06) != 0) {
            return "audio/mpeg";
        }
        if (startsWith(head, length, 4, 'f', 't', 'y', 'p')) {
            return "video/mp4";
        }
        return null;
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
