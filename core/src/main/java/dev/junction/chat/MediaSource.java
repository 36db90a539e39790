package dev.junction.chat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/** Where the bytes of a {@link Part.Media} come from. */
public sealed interface MediaSource {

    /** The declared media type (for example {@code image/png}), or {@code null} to let Junction infer it. */
    String mediaType();

    /** Media the vendor fetches itself from a public URL. */
    record Url(URI url, String mediaType) implements MediaSource {
        /** Checks the URL is absolute. */
        public Url {
            Objects.requireNonNull(url, "url");
            if (!url.isAbsolute()) {
                throw new IllegalArgumentException("media URL must be absolute, got: " + url);
            }
        }
    }

    /**
     * Media held in memory. The array is not copied, to keep large media cheap: do not change it
     * after handing it over.
     */
    record Bytes(byte[] data, String mediaType) implements MediaSource {
        /** Checks both fields are present. */
        public Bytes {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(mediaType, "mediaType: in-memory media needs a type such as image/png");
        }

        @Override
        public String toString() {
            return "Bytes[" + data.length + " bytes, " + mediaType + "]";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes b && mediaType.equals(b.mediaType) && java.util.Arrays.equals(data, b.data);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(data) + mediaType.hashCode();
        }
    }

    /** Media read from a local file when the request is written, streamed rather than loaded whole. */
    record File(Path path, String mediaType) implements MediaSource {
        /** Checks the path is present. */
        public File {
            Objects.requireNonNull(path, "path");
        }
    }
}
