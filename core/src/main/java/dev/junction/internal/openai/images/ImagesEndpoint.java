package dev.junction.internal.openai.images;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.FinishReason;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.Message;
import dev.junction.chat.Usage;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.json.JsonMappers;
import dev.junction.internal.json.SpanTextNode;
import dev.junction.internal.media.MagicBytes;
import dev.junction.internal.openai.plan.CallPlan;
import dev.junction.internal.openai.reply.ReplyReader;
import dev.junction.spi.openai.Json;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A model whose output comes from the vendor's OpenAI-style image-generation endpoint
 * ({@code POST images/generations}) instead of chat: the profile's {@code endpoints.images} with a
 * model entry saying {@code "endpoint": "images"}. The canonical request maps to
 * {@code {"model","prompt","response_format":"b64_json","n":1}} plus the provider options; the
 * reply's {@code data[].b64_json} become the response's {@link GeneratedImage}s, so callers see the
 * same {@link ChatResponse} as from a vendor that returns images in chat.
 *
 * <p>The prompt is the text of the system, developer and user messages, joined by blank lines.
 * What the endpoint cannot take is refused before this class sees it, by
 * {@link dev.junction.internal.openai.plan.ImagesRequestChecks}.
 */
public final class ImagesEndpoint {
    private ImagesEndpoint() {
    }

    /** The prompt: the text of the system, developer and user messages, joined by blank lines. */
    static String prompt(ChatRequest request) {
        return request.messages().stream().map(Message::text).filter(t -> !t.isBlank()).collect(Collectors.joining("\n\n"));
    }

    /**
     * Writes {@code {"model","prompt","response_format":"b64_json","n":1,…options}}.
     *
     * @throws JunctionException INVALID_REQUEST for a provider option that repeats one of these fields
     */
    public static Buffer write(String provider, ChatRequest request, String vendorModel) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JsonMappers.LENIENT.getFactory().createGenerator(out)) {
            json.enable(JsonGenerator.Feature.STRICT_DUPLICATE_DETECTION);
            json.writeStartObject();
            json.writeStringField("model", vendorModel);
            json.writeStringField("prompt", prompt(request));
            json.writeStringField("response_format", "b64_json");
            json.writeNumberField("n", 1);
            Map<String, Object> options = request.providerOptions().get(provider);
            if (options != null) {
                for (Map.Entry<String, Object> option : options.entrySet()) {
                    try {
                        json.writeFieldName(option.getKey());
                    } catch (JsonGenerationException duplicate) {
                        throw JunctionException.builder(ErrorKind.INVALID_REQUEST, provider + ": provider option '"
                                        + option.getKey() + "' repeats a field Junction already writes")
                                .provider(provider)
                                .hint("set the prompt through the request's messages, not providerOptions")
                                .build();
                    }
                    json.writeObject(option.getValue());
                }
            }
            json.writeEndObject();
        }
        return Buffer.buffer(out.toByteArray());
    }

    /**
     * Reads {@code {"created","data":[{"b64_json"}],"usage"?}}. A reply in chat's shape (with
     * {@code choices}, as a proxy in front of the vendor may answer) is read as chat by {@code chat}.
     *
     * @throws JunctionException PROTOCOL when the reply has neither a {@code data} array nor choices
     */
    public static ChatResponse read(JsonNode body, CallPlan call, Price price, ReplyReader chat) {
        JsonNode data = body.path("data");
        if (!data.isArray() && body.path("choices").isArray()) {
            return chat.read(body, call, price);
        }
        if (!data.isArray()) {
            throw JunctionException.builder(ErrorKind.PROTOCOL, call.provider() + "'s images endpoint replied with HTTP 200 but no data[]")
                    .provider(call.provider())
                    .hint("the vendor's reply did not follow the OpenAI images format; retry, and report it if it persists")
                    .build();
        }
        List<String> warnings = new ArrayList<>(call.warnings());
        List<GeneratedImage> images = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode entry = data.get(i);
            JsonNode b64 = entry.path("b64_json");
            String url = Json.text(entry, "url");
            if (b64 instanceof SpanTextNode || Json.text(entry, "b64_json") != null) {
                byte[] bytes = decode(b64);
                if (bytes != null) {
                    String type = MagicBytes.detect(bytes);
                    images.add(new GeneratedImage(bytes, type != null ? type : "application/octet-stream"));
                } else {
                    warnings.add("image " + i + " could not be decoded: b64_json is not base64");
                }
            } else if (url != null) {
                warnings.add("image " + i + " came as a URL, not inline data, and was not downloaded: " + url);
            }
            String revised = Json.text(entry, "revised_prompt");
            if (revised != null && !revised.isBlank()) {
                texts.add(revised);
            }
        }
        Usage usage = usage(body.path("usage"));
        return new ChatResponse(Json.text(body, "id"), call.provider(), call.model(), call.vendorModel(),
                String.join("\n", texts), null, images, List.of(),
                images.isEmpty() ? FinishReason.OTHER : FinishReason.STOP, null, usage,
                ReplyReader.cost(usage, price, call, warnings), warnings, List.of());
    }

    /**
     * The base64 of {@code b64_json} decoded, line breaks ignored, or {@code null} when it is not
     * base64. A huge one that the engine kept in the body is decoded from the body's bytes.
     */
    private static byte[] decode(JsonNode b64) {
        if (b64 instanceof SpanTextNode span) {
            return span.decodeBase64(0);
        }
        try {
            return Base64.getDecoder().decode(b64.asText().replace("\n", "").replace("\r", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The usage when the reply carries one: chat's {@code prompt_tokens}/{@code completion_tokens},
     * or the images API's {@code input_tokens}/{@code output_tokens}. An images reply's output is all
     * image, so its output tokens are image tokens too (priced at the image-output rate).
     */
    static Usage usage(JsonNode usage) {
        if (!usage.isObject()) {
            return Usage.NONE;
        }
        if (usage.has("prompt_tokens") || usage.has("completion_tokens")) {
            Usage chat = ReplyReader.readUsage(usage);
            Long image = chat.imageTokens() != null ? chat.imageTokens() : chat.outputTokens();
            return new Usage(chat.inputTokens(), chat.outputTokens(), chat.reasoningTokens(), image, chat.cachedTokens(),
                    chat.audioInputTokens(), chat.totalTokens(), chat.rawJson());
        }
        Long output = Json.count(usage, "output_tokens");
        return new Usage(Json.count(usage, "input_tokens"), output, null, output, null, null,
                Json.count(usage, "total_tokens"), usage.toString());
    }
}
