package dev.junction.spi.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.MediaSource;
import dev.junction.error.ErrorKind;
import dev.junction.internal.json.SpanTextNode;
import dev.junction.internal.media.Base64Reader;
import dev.junction.internal.media.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Media carried inside the JSON as base64 data URIs, both ways. Writing streams the base64 from
 * the source into the generator, so a large file never exists as one big {@code String}.
 */
public final class InlineMedia {
    /** How much of a kept string is read to find a data URI's header. */
    private static final int HEADER_LIMIT = 1024;

    private InlineMedia() {
    }

    /**
     * Writes {@code "data:TYPE;base64,…"} as the current JSON string value.
     *
     * @throws dev.junction.error.JunctionException INVALID_REQUEST when the media type is unknown
     *     or the file does not exist, UNSUPPORTED_FEATURE for a URL source
     */
    public static void writeDataUri(JsonGenerator json, MediaSource source, MediaPartContext context) throws IOException {
        if (source instanceof MediaSource.Url) {
            throw context.reject(ErrorKind.UNSUPPORTED_FEATURE, "this vendor needs media inline, not as a URL",
                    "download the file and attach it as bytes or a file path");
        }
        if (source instanceof MediaSource.DataUri dataUri) {
            // Already encoded: Jackson copies it into its output buffer in chunks, never as a second whole string.
            json.writeString(dataUri.uri());
            return;
        }
        String mediaType = context.mediaType();
        if (mediaType == null) {
            throw context.reject(ErrorKind.INVALID_REQUEST, "cannot tell the media type of " + MediaTypes.describe(source),
                    "give the media type explicitly, for example Part.bytes(data, \"image/png\")");
        }
        String prefix = "data:" + mediaType + ";base64,";
        long size = sizeOf(source, context);
        long encoded = 4 * ((size + 2) / 3);
        long length = prefix.length() + encoded;
        try (InputStream in = open(source)) {
            json.writeString(new Base64Reader(prefix, in), length > Integer.MAX_VALUE ? -1 : (int) length);
        }
    }

    /**
     * Reads an OpenAI-style {@code images[]} array of {@code image_url} entries, decoding data URIs.
     * Entries that are remote URLs or undecodable are skipped with a warning.
     */
    public static List<GeneratedImage> readImageArray(JsonNode images, List<String> warnings) {
        List<GeneratedImage> out = new ArrayList<>();
        if (!images.isArray()) {
            return out;
        }
        int index = 0;
        for (JsonNode image : images) {
            JsonNode urlNode = image.path("image_url");
            JsonNode url = urlNode.isTextual() ? urlNode : textField(urlNode, "url");
            if (url == null) {
                url = textField(image, "url");
            }
            GeneratedImage decoded = url == null ? null : decodeDataUri(url);
            if (decoded != null) {
                out.add(decoded);
            } else if (url != null && !startsWithData(url)) {
                warnings.add("image " + index + " came as a URL, not inline data, and was not downloaded: " + url.asText());
            } else {
                warnings.add("image " + index + " could not be decoded: not a base64 data URI");
            }
            index++;
        }
        return out;
    }

    /**
     * Decodes a reply's data URI node, as {@link #decodeDataUri(String)} decodes its text. Prefer
     * it to {@code decodeDataUri(node.asText())} in a dialect: for a large reply the engine keeps a
     * huge string in the body's bytes, and this decodes it from there without building the string.
     *
     * @param uri any node; only a string can be a data URI
     * @return the image, or {@code null} when the node is not a base64 data URI
     */
    public static GeneratedImage decodeDataUri(JsonNode uri) {
        if (uri instanceof SpanTextNode span) {
            return decodeDataUri(span);
        }
        return uri.isTextual() ? decodeDataUri(uri.textValue()) : null;
    }

    /** Decodes {@code data:TYPE;base64,DATA}; {@code null} when the string is not such a URI. */
    public static GeneratedImage decodeDataUri(String uri) {
        if (!uri.startsWith("data:")) {
            return null;
        }
        int comma = uri.indexOf(',');
        if (comma < 0) {
            return null;
        }
        String mediaType = mediaType(uri.substring(5, comma));
        if (mediaType == null) {
            return null;
        }
        try {
            // Not the MIME decoder: it skips any character outside the alphabet and returns corrupt bytes.
            byte[] bytes = Base64.getDecoder().decode(withoutLineBreaks(uri.substring(comma + 1)));
            return new GeneratedImage(bytes, mediaType);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@link #decodeDataUri(String)} of a string kept in the body: the same checks, the base64 decoded from the bytes. */
    private static GeneratedImage decodeDataUri(SpanTextNode uri) {
        String head = uri.head(HEADER_LIMIT);
        int comma = head.indexOf(',');
        if (comma < 0 && head.length() == HEADER_LIMIT) {
            // A header this long is no image a model made; read it the plain way, whatever it costs.
            return decodeDataUri(uri.asText());
        }
        if (!head.startsWith("data:") || comma < 0) {
            return null;
        }
        String mediaType = mediaType(head.substring(5, comma));
        if (mediaType == null) {
            return null;
        }
        byte[] bytes = uri.decodeBase64(comma + 1);
        return bytes == null ? null : new GeneratedImage(bytes, mediaType);
    }

    /** The media type of a data URI header ({@code TYPE;base64}), or {@code null} when it is not base64. */
    private static String mediaType(String header) {
        if (!header.endsWith(";base64")) {
            return null;
        }
        String mediaType = header.substring(0, header.length() - ";base64".length());
        return mediaType.isEmpty() ? "application/octet-stream" : mediaType;
    }

    /** The field when {@link Json#text} would read it (a string or number), else {@code null}. */
    private static JsonNode textField(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value;
    }

    private static boolean startsWithData(JsonNode url) {
        return url instanceof SpanTextNode span ? span.head(5).equals("data:") : url.asText().startsWith("data:");
    }

    private static String withoutLineBreaks(String base64) {
        return base64.indexOf('\n') < 0 && base64.indexOf('\r') < 0 ? base64 : base64.replace("\r", "").replace("\n", "");
    }

    private static long sizeOf(MediaSource source, MediaPartContext context) throws IOException {
        if (source instanceof MediaSource.Bytes b) {
            return b.data().length;
        }
        MediaSource.File file = (MediaSource.File) source;
        try {
            return Files.size(file.path());
        } catch (NoSuchFileException e) {
            throw context.reject(ErrorKind.INVALID_REQUEST, "file not found: " + file.path(),
                    "check the path; relative paths resolve against " + System.getProperty("user.dir"));
        }
    }

    private static InputStream open(MediaSource source) throws IOException {
        if (source instanceof MediaSource.Bytes b) {
            return new ByteArrayInputStream(b.data());
        }
        return Files.newInputStream(((MediaSource.File) source).path());
    }
}
