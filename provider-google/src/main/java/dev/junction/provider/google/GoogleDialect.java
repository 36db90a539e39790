package dev.junction.provider.google;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.MediaSource;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.spi.openai.Dialect;
import dev.junction.error.ErrorKind;
import dev.junction.spi.openai.Json;
import dev.junction.spi.openai.MediaPartContext;
import dev.junction.spi.openai.VendorError;
import java.io.IOException;
import java.util.Map;

/**
 * Google's differences from plain OpenAI, per
 * <a href="https://ai.google.dev/gemini-api/docs/openai">ai.google.dev/gemini-api/docs/openai</a>:
 *
 * <ul>
 *   <li>Reasoning: {@code reasoning_effort} alone, or, when thoughts are asked for,
 *       {@code extra_body.google.thinking_config} with {@code include_thoughts} and the effort as a
 *       {@code thinking_level} (Gemini 3) or a {@code thinking_budget} (Gemini 2.5); never both, since
 *       Google refuses {@code reasoning_effort} together with a thinking config. The thought summaries
 *       come back inside {@code content} in {@code <thought>} tags, which the engine moves to the
 *       reasoning (the profile's {@code reasoningTags}).</li>
 *   <li>Errors: Google's envelope {@code {"error":{"code":400,"message","status":"INVALID_ARGUMENT"}}},
 *       often wrapped in an array; {@code status} is the vendor code the profile maps.</li>
 * </ul>
 */
final class GoogleDialect implements Dialect {

    /**
     * Gemini 2.5's thinking budgets for each effort, as Google maps {@code reasoning_effort} onto
     * them on the OpenAI-compatibility page (minimal and low 1,024, medium 8,192, high 24,576
     * tokens), so that asking for thoughts does not change how hard the model thinks.
     */
    private static final Map<ReasoningEffort, Integer> GEMINI_2_5_BUDGETS = Map.of(
            ReasoningEffort.MINIMAL, 1024,
            ReasoningEffort.LOW, 1024,
            ReasoningEffort.MEDIUM, 8192,
            ReasoningEffort.HIGH, 24576);

    @Override
    public void writeReasoning(JsonGenerator json, ReasoningSettings settings, String vendorModel) throws IOException {
        if (!Boolean.TRUE.equals(settings.includeThoughts())) {
            if (settings.effort() != null) {
                json.writeStringField("reasoning_effort", settings.effort().wireName());
            }
            return;
        }
        json.writeObjectFieldStart("extra_body");
        json.writeObjectFieldStart("google");
        json.writeObjectFieldStart("thinking_config");
        json.writeBooleanField("include_thoughts", true);
        if (settings.effort() != null) {
            if (vendorModel.startsWith("gemini-2.5")) {
                json.writeNumberField("thinking_budget", GEMINI_2_5_BUDGETS.get(settings.effort()));
            } else {
                // Gemini 3: the profile has already mapped the effort to a level the model documents.
                json.writeStringField("thinking_level", settings.effort().wireName());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * Images as base64 data URIs in {@code image_url}, as the compatibility page's image example
     * shows; the page shows no media by URL, so a URL part is refused before sending.
     */
    @Override
    public void writeMediaPart(JsonGenerator json, MediaSource source, MediaPartContext context) throws IOException {
        if (source instanceof MediaSource.Url url) {
            throw context.reject(ErrorKind.UNSUPPORTED_FEATURE,
                    "google's OpenAI-compatible endpoint documents images only as base64 data, not by URL (" + url.url() + ")",
                    "add inlineRemoteMedia=true to the config string to have Junction download and inline it,"
                            + " or attach the file or its bytes instead");
        }
        Dialect.super.writeMediaPart(json, source, context);
    }

    @Override
    public boolean isErrorBody(JsonNode body) {
        JsonNode envelope = unwrap(body);
        return envelope.hasNonNull("error") && !envelope.has("choices");
    }

    @Override
    public VendorError readError(JsonNode body) {
        JsonNode error = unwrap(body).path("error");
        if (error.isTextual()) {
            return new VendorError(null, error.asText(), null, null);
        }
        String status = Json.text(error, "status");
        return new VendorError(status != null ? status : Json.text(error, "code"), Json.text(error, "message"), status, null);
    }

    /** Google sends its error object alone or as the only element of an array. */
    private static JsonNode unwrap(JsonNode body) {
        return body.isArray() ? body.path(0) : body;
    }
}
