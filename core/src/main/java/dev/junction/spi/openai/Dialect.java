package dev.junction.spi.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.MediaSource;
import dev.junction.chat.ReasoningSettings;
import dev.junction.spi.ApiKey;
import io.vertx.core.MultiMap;
import java.io.IOException;
import java.util.List;

/**
 * The points where one OpenAI-compatible vendor's wire format differs from the others, in code.
 * Every method has the plain OpenAI behaviour as its default, so a vendor overrides only what its
 * docs show it does differently. Differences that are only data (paths, role names, the output-cap
 * field, whether media may travel by URL, error codes) belong in the {@link VendorProfile} instead.
 *
 * <p>Contract for every hook: implementations are stateless and thread-safe, and are called on an
 * event loop or a worker thread, so they must not block on the network. No argument is ever
 * {@code null}; a reply's JSON is whatever the vendor sent, so read it leniently (with {@link Json}).
 * A hook that throws a {@link dev.junction.error.JunctionException} fails the call with it, as
 * written. Any other exception is a bug in the vendor module: while writing a request it fails the
 * call with INVALID_REQUEST before anything is sent; while reading a reply, with PROTOCOL. Either
 * way the exception is the cause, and the call never ends with a raw runtime exception.
 */
public interface Dialect {

    /**
     * Where a tool call carries its thought signature on the OpenAI-compatible wire, as a JSON
     * pointer: the field Gemini's OpenAI-compatibility layer defines, which resellers that forward
     * Gemini pass on unchanged. One constant, so that it is the one wire name of that namespace in
     * core (the architecture tests allow exactly this string).
     */
    String THOUGHT_SIGNATURE_POINTER = "/extra_content/google/thought_signature";

    /** The plain OpenAI dialect, with no overrides. */
    Dialect OPENAI = new Dialect() {
    };

    /**
     * Sets the credential header. Default: {@code Authorization: Bearer KEY}. Called only with a
     * key (a call without one fails with CONFIGURATION first). Must not log or otherwise expose it.
     */
    default void authenticate(MultiMap headers, ApiKey key) {
        headers.set("Authorization", "Bearer " + key.reveal());
    }

    /**
     * Writes one media part as a JSON object. Default:
     * {@code {"type":"image_url","image_url":{"url":…}}} with the URL, or with a base64 data URI
     * streamed from the bytes or file.
     *
     * @throws dev.junction.error.JunctionException to reject the part before anything is sent
     * @throws IOException when the media cannot be read
     */
    default void writeMediaPart(JsonGenerator json, MediaSource source, MediaPartContext context) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "image_url");
        json.writeObjectFieldStart("image_url");
        json.writeFieldName("url");
        if (source instanceof MediaSource.Url url) {
            json.writeString(url.url().toString());
        } else {
            InlineMedia.writeDataUri(json, source, context);
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * Writes the built-in web-search tool as one entry of {@code tools}. Called only for models
     * that declare {@link dev.junction.catalog.Capability#WEB_SEARCH}. Default: none exists, so the
     * call fails with UNSUPPORTED_FEATURE before anything is sent.
     */
    default void writeWebSearchTool(JsonGenerator json, String provider) throws IOException {
        throw dev.junction.error.JunctionException.builder(dev.junction.error.ErrorKind.UNSUPPORTED_FEATURE,
                        provider + " has no web-search tool Junction knows how to send")
                .provider(provider)
                .hint("drop Tool.webSearch(), or use a provider whose catalog lists WEB_SEARCH")
                .build();
    }

    /**
     * Writes reasoning controls. Called only for models that declare
     * {@link dev.junction.catalog.Capability#REASONING_CONTROL}; other models get a warning instead.
     * Default: OpenAI's {@code reasoning_effort}.
     */
    default void writeReasoning(JsonGenerator json, ReasoningSettings settings) throws IOException {
        if (settings.effort() != null) {
            json.writeStringField("reasoning_effort", settings.effort().wireName());
        }
    }

    /**
     * Writes reasoning controls for one model. The engine calls this one; override it when the
     * wire shape depends on the model (Google's thinking config takes a level on Gemini 3 and a
     * token budget on 2.5). The effort is already one the vendor documents for the model (see
     * {@link VendorProfile#reasoningEfforts}). Default: {@link #writeReasoning(JsonGenerator, ReasoningSettings)}.
     *
     * @param vendorModel the model name being sent
     */
    default void writeReasoning(JsonGenerator json, ReasoningSettings settings, String vendorModel) throws IOException {
        writeReasoning(json, settings);
    }

    /**
     * The reasoning text of a reply's {@code message} (or a stream's {@code delta}).
     * Default: {@code reasoning_content}, else {@code reasoning}, when non-empty.
     *
     * @return the text, or {@code null} when the message carries none
     */
    default String readReasoning(JsonNode message) {
        String text = Json.text(message, "reasoning_content");
        if (text == null || text.isEmpty()) {
            text = Json.text(message, "reasoning");
        }
        return text == null || text.isEmpty() ? null : text;
    }

    /**
     * Images in a reply's {@code message}. Default: the {@code images[]} array of
     * {@code {"type":"image_url","image_url":{"url":"data:…"}}} entries that several resellers use;
     * URLs that are not data URIs are reported as warnings, not downloaded. An override should decode
     * a data URI with {@link InlineMedia#decodeDataUri(JsonNode)} on the string's node: in a large
     * reply the engine leaves a huge string in the body's bytes, and that decodes it from there,
     * where {@code asText()} would first build the whole string (several times the image in heap).
     *
     * @param warnings add a line here for anything the reader skipped; the caller shows them on the response
     * @return the images, empty when there are none; never {@code null}
     */
    default List<GeneratedImage> readImages(JsonNode message, List<String> warnings) {
        return InlineMedia.readImageArray(message.path("images"), warnings);
    }

    /**
     * The thought signature of one tool call: an entry of a reply's {@code message.tool_calls}, or
     * one fragment of a stream delta's {@code tool_calls} (the engine keeps the first signature any
     * fragment of a call carries). Default: {@code extra_content.google.thought_signature}, where
     * Google's OpenAI-compatible endpoint puts it and resellers that forward Gemini pass it on.
     * The value is opaque: return it exactly as received, never trimmed or decoded.
     *
     * @return the signature, or {@code null} when the entry carries none (or an empty or non-string one)
     */
    default String readThoughtSignature(JsonNode toolCall) {
        JsonNode value = toolCall.at(THOUGHT_SIGNATURE_POINTER);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    /**
     * Writes a thought signature back into the assistant tool-call object being written, after its
     * {@code id}, {@code type} and {@code function} fields and before the object closes. Called
     * only with a non-empty signature this provider issued, or with the profile's
     * {@code thoughtSignatureWhenMissing} value for the model. Default: the field
     * {@code "extra_content":{"google":{"thought_signature":…}}}. Write the value unchanged.
     *
     * @throws IOException when the generator fails
     */
    default void writeThoughtSignature(JsonGenerator json, String signature) throws IOException {
        String[] path = THOUGHT_SIGNATURE_POINTER.substring(1).split("/");
        for (int i = 0; i < path.length - 1; i++) {
            json.writeObjectFieldStart(path[i]);
        }
        json.writeStringField(path[path.length - 1], signature);
        for (int i = 0; i < path.length - 1; i++) {
            json.writeEndObject();
        }
    }

    /**
     * Whether stream events made only of the standard chunk fields ({@code id}, {@code model},
     * {@code choices[0].delta.content}, {@code finish_reason}…) may skip the tree-based hooks
     * ({@link #readReasoning}, {@link #readImages}, {@link #isErrorBody}) and be read by the fast
     * path. An event with any other field ({@code tool_calls}, and so any thought signature,
     * included) never takes the fast path. Default: {@code true}. Return {@code false} if your hooks
     * find something in such events, for example reasoning in {@code <think>} tags inside
     * {@code content}.
     */
    default boolean standardChunksNeedNoHooks() {
        return true;
    }

    /**
     * Whether a parsed body is an error envelope, whatever the HTTP status. The body is a JSON
     * object, or, for a non-2xx reply, possibly an array (Google's {@code [{"error":{…}}]}).
     * Default: it has a non-null {@code error} and no {@code choices}.
     */
    default boolean isErrorBody(JsonNode body) {
        return body.hasNonNull("error") && !body.has("choices");
    }

    /**
     * Reads the error envelope. Default: OpenAI's {@code {"error":{"code","message","type"}}};
     * also accepts {@code error} as a plain string.
     *
     * @return the fields found, never {@code null}
     */
    default VendorError readError(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return new VendorError(null, error.asText(), null, null);
        }
        return new VendorError(Json.text(error, "code"), Json.text(error, "message"), Json.text(error, "type"), null);
    }
}
