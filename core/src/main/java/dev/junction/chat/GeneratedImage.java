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
