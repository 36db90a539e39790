package dev.junction.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * An image the model produced, decoded from the vendor's base64 data URI.
 * The array is shared, not copied: treat it as read-only.
 *
 * @param bytes the image file's bytes
 * @param mediaType such as {@code image/jpeg}
 */
public record GeneratedImage(byte[] bytes, String mediaType) {

    /** Checks both fields are present. */
    public GeneratedImage {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mediaType, "mediaType");
    }

    /**
     * The usual file extension for the media type, without the dot: {@code jpg}, {@code png},
     * {@code webp}, {@code gif}…; for other {@code image/*} types the subtype, else {@code bin}.
     */
    public String fileExtension() {
        String type = mediaType.toLowerCase(java.util.Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        return switch (type) {
            case "image/jpeg", "image/jpg", "image/pjpeg" -> "jpg";
            case "image/svg+xml" -> "svg";
            default -> type.startsWith("image/") && type.substring(6).matches("[a-z0-9]{1,10}") ? type.substring(6) : "bin";
        };
    }

    /** Writes the image to a file, replacing it if it exists. */
    public Path saveTo(Path file) throws IOException {
        return Files.write(file, bytes);
    }

    @Override
    public String toString() {
        return "GeneratedImage[" + bytes.length + " bytes, " + mediaType + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeneratedImage g && mediaType.equals(g.mediaType) && Arrays.equals(bytes, g.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + mediaType.hashCode();
    }
}
