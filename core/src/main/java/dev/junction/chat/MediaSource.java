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

    /**
     * Media already encoded as a {@code data:TYPE;base64,DATA} URI. The URI is kept as the one
     * string it came in and written to the wire as is: the payload is neither decoded nor copied.
     *
     * @param uri the whole data URI, checked by {@link Part#dataUri(String)} and this constructor
     */
    record DataUri(String uri) implements MediaSource {
        private static final String SCHEME = "data:";
        private static final String BASE64 = ";base64,";

        /** Checks the URI is {@code data:TYPE/SUBTYPE;base64,} followed by base64 characters. */
        public DataUri {
            Objects.requireNonNull(uri, "uri");
            int comma = uri.indexOf(',');
            if (!uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || comma < 0
                    || !uri.regionMatches(true, comma - BASE64.length() + 1, BASE64, 0, BASE64.length())) {
                throw new IllegalArgumentException("not a base64 data URI: expected data:TYPE;base64,DATA, got "
                        + preview(uri) + " (only base64 data URIs are accepted; encode the bytes or use Part.bytes)");
            }
            String type = uri.substring(SCHEME.length(), comma - BASE64.length() + 1);
            if (!type.matches("[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+")) {
                throw new IllegalArgumentException("the data URI's media type '" + type
                        + "' is not of the form type/subtype, such as image/png");
            }
            int bad = firstNonBase64(uri, comma + 1);
            if (bad >= 0) {
                throw new IllegalArgumentException("the data URI's payload is not base64: character " + (bad - comma - 1)
                        + " of the data is not in the base64 alphabet");
            }
            if ((uri.length() - comma - 1) % 4 != 0) {
                throw new IllegalArgumentException("the data URI's base64 payload has " + (uri.length() - comma - 1)
                        + " characters, not a multiple of 4: it is truncated or unpadded");
            }
        }

        /** The media type from the URI's header, lower case. */
        @Override
        public String mediaType() {
            int comma = uri.indexOf(',');
            return uri.substring(SCHEME.length(), comma - BASE64.length() + 1).toLowerCase(java.util.Locale.ROOT);
        }

        /** Where the base64 payload starts in {@link #uri()}. */
        public int payloadStart() {
            return uri.indexOf(',') + 1;
        }

        /** The base64 payload's length in characters. */
        public int payloadLength() {
            return uri.length() - payloadStart();
        }

        /** A view of the base64 payload, without copying it. */
        public CharSequence payload() {
            return java.nio.CharBuffer.wrap(uri, payloadStart(), uri.length());
        }

        @Override
        public String toString() {
            return "DataUri[" + mediaType() + ", " + payloadLength() + " base64 characters]";
        }

        /** Index of the first character that is not base64 (padding only at the end), or -1. */
        private static int firstNonBase64(String uri, int from) {
            int end = uri.length();
            int padding = 0;
            while (padding < 2 && end - padding > from && uri.charAt(end - padding - 1) == '=') {
                padding++;
            }
            for (int i = from; i < end - padding; i++) {
                char c = uri.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
                    return i;
                }
            }
            return -1;
        }

        private static String preview(String uri) {
            int comma = uri.indexOf(',');
            String head = comma >= 0 ? uri.substring(0, comma + 1) : uri;
            return "'" + (head.length() > 40 ? head.substring(0, 40) + "…" : head) + "'";
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
