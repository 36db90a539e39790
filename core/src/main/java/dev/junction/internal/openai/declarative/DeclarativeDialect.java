package dev.junction.internal.openai.declarative;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.MediaSource;
import dev.junction.spi.ApiKey;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.DialectFields;
import dev.junction.spi.openai.InlineMedia;
import dev.junction.spi.openai.MediaPartContext;
import dev.junction.spi.openai.VendorError;
import io.vertx.core.MultiMap;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The {@link Dialect} a profile's {@link DialectFields} describe, realised over the default hooks:
 * with {@link DialectFields#OPENAI} every hook behaves exactly as the plain OpenAI default, and
 * each declared field changes only its own hook. Hooks Junction has no declarative field for
 * (web search, reasoning controls) keep their defaults.
 */
public final class DeclarativeDialect implements Dialect {
    /** The top-level fields {@code StandardChunk}'s fast path accepts; an error test on one of them needs the slow path. */
    private static final Set<String> STANDARD_TOP_LEVEL = Set.of("id", "object", "created", "model", "system_fingerprint",
            "service_tier", "usage", "logprobs", "choices");
    /** The delta fields the fast path reads itself; reasoning or images declared there need the slow path. */
    private static final Set<String> STANDARD_DELTA = Set.of("content", "role", "refusal");

    private final DialectFields fields;
    private final boolean fastPathSafe;

    /** Realises these fields. */
    public DeclarativeDialect(DialectFields fields) {
        this.fields = fields;
        this.fastPathSafe = fields.errorEnvelope().when().stream()
                        .noneMatch(m -> STANDARD_TOP_LEVEL.contains(m.pointer().getMatchingProperty()))
                && fields.reasoningFields().stream().noneMatch(STANDARD_DELTA::contains)
                && !STANDARD_DELTA.contains(fields.imagesField());
    }

    @Override
    public void authenticate(MultiMap headers, ApiKey key) {
        DialectFields.Auth auth = fields.auth();
        headers.set(auth.header(), auth.bearer() ? "Bearer " + key.reveal() : key.reveal());
    }

    @Override
    public void writeMediaPart(JsonGenerator json, MediaSource source, MediaPartContext context) throws IOException {
        if (fields.mediaPart() == DialectFields.MediaPartStyle.IMAGE_URL) {
            Dialect.super.writeMediaPart(json, source, context);
            return;
        }
        json.writeStartObject();
        json.writeStringField("type", "image");
        json.writeFieldName("image");
        // Rejects a URL before anything is sent, unless the engine inlined it (acceptsMediaUrls false + inlineRemoteMedia).
        InlineMedia.writeDataUri(json, source, context);
        json.writeEndObject();
    }

    @Override
    public String readReasoning(JsonNode message) {
        for (String field : fields.reasoningFields()) {
            JsonNode value = message.get(field);
            if (value != null && !value.isNull() && !value.isContainerNode() && !value.asText().isEmpty()) {
                return value.asText();
            }
        }
        return null;
    }

    @Override
    public List<GeneratedImage> readImages(JsonNode message, List<String> warnings) {
        return InlineMedia.readImageArray(message.path(fields.imagesField()), warnings);
    }

    @Override
    public boolean standardChunksNeedNoHooks() {
        return fastPathSafe;
    }

    @Override
    public boolean isErrorBody(JsonNode body) {
        for (DialectFields.ErrorMatch match : fields.errorEnvelope().when()) {
            JsonNode value = body.at(match.pointer());
            boolean hit = match.equals() == null ? !value.isMissingNode() && !value.isNull() : match.equals().equals(value);
            if (hit) {
                return true;
            }
        }
        return Dialect.super.isErrorBody(body);
    }

    @Override
    public VendorError readError(JsonNode body) {
        DialectFields.ErrorEnvelope envelope = fields.errorEnvelope();
        String message = text(body, envelope.message());
        if (message == null && envelope.message() != null) {
            // {"error": "text"}: the object that should hold the message is the message.
            JsonNode holder = body.at(envelope.message().head());
            if (holder.isTextual()) {
                message = holder.asText();
            }
        }
        return new VendorError(text(body, envelope.code()), message, text(body, envelope.type()), text(body, envelope.traceId()));
    }

    /** As {@link dev.junction.spi.openai.Json#text}: a string or number, else {@code null}. */
    private static String text(JsonNode body, JsonPointer pointer) {
        if (pointer == null) {
            return null;
        }
        JsonNode value = body.at(pointer);
        return value.isMissingNode() || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    @Override
    public String toString() {
        return "DeclarativeDialect" + fields;
    }
}
