package dev.junction.chat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/** One piece of a message's content. More part kinds (tool calls, tool results) will join this union. */
public sealed interface Part {

    /** Plain text. */
    record Text(String text) implements Part {
        /** Checks the text is present. */
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An image, video, audio clip or document. */
    record Media(MediaSource source) implements Part {
        /** Checks the source is present. */
        public Media {
            Objects.requireNonNull(source, "source");
        }
    }

    /** A text part. */
    static Part text(String text) {
        return new Text(text);
    }

    /** Media the vendor downloads from a URL. */
    static Part url(URI url) {
        return new Media(new MediaSource.Url(url, null));
    }

    /** Media read from a file; the media type is inferred from the file's first bytes, else its name. */
    static Part file(Path path) {
        return new Media(new MediaSource.File(path, null));
    }

    /** Media held in memory. */
    static Part bytes(byte[] data, String mediaType) {
        return new Media(new MediaSource.Bytes(data, mediaType));
    }

    /**
     * Media given as a {@code data:TYPE;base64,DATA} URI, such as one a browser produced. The
     * string is kept and sent as is, not decoded.
     *
     * @throws IllegalArgumentException when the string is not a base64 data URI with a type/subtype media type
     */
    static Part dataUri(String uri) {
        return new Media(new MediaSource.DataUri(uri));
    }
}
