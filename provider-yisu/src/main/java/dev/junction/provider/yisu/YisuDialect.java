package dev.junction.provider.yisu;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.junction.chat.MediaSource;
import dev.junction.error.ErrorKind;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.InlineMedia;
import dev.junction.spi.openai.MediaPartContext;
import java.io.IOException;
import java.util.Set;

/**
 * yisu's one difference in code: images travel as {@code {"type":"image","image":"data:…"}}
 * (base64 only, PNG/JPEG/WEBP/GIF). Its output cap ({@code max_completion_tokens}), its role names
 * and its refusal of media URLs are data in {@code yisu.json}. Generated images come back in
 * {@code message.images[]}, which the default reader already decodes.
 */
final class YisuDialect implements Dialect {
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/webp", "image/gif");

    @Override
    public void writeMediaPart(JsonGenerator json, MediaSource source, MediaPartContext context) throws IOException {
        String type = context.mediaType() == null ? null : context.mediaType().toLowerCase(java.util.Locale.ROOT);
        if (type != null && !type.startsWith("image/")) {
            throw context.reject(ErrorKind.UNSUPPORTED_FEATURE, "yisu accepts only images, not " + type,
                    "send video, audio or PDF through aivideoapi or acedata");
        }
        if (source instanceof MediaSource.Url url) {
            throw context.reject(ErrorKind.UNSUPPORTED_FEATURE,
                    "yisu takes images only as base64 data, not by URL (" + url.url() + ")",
                    "add inlineRemoteMedia=true to the config string to have Junction download and inline it,"
                            + " or attach the file or its bytes instead");
        }
        if (type != null && !IMAGE_TYPES.contains(type)) {
            throw context.reject(ErrorKind.INVALID_REQUEST, "yisu does not accept the image format " + type,
                    "convert the image to PNG, JPEG, WEBP or GIF");
        }
        json.writeStartObject();
        json.writeStringField("type", "image");
        json.writeFieldName("image");
        InlineMedia.writeDataUri(json, source, context);
        json.writeEndObject();
    }
}
