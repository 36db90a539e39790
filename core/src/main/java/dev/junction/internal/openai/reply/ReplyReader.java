package dev.junction.internal.openai.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.FinishReason;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.ThoughtSignature;
import dev.junction.chat.ToolCall;
import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.cost.CostCalculator;
import dev.junction.internal.json.CompactJson;
import dev.junction.internal.openai.plan.CallPlan;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.Json;
import dev.junction.spi.openai.VendorProfile;
import java.util.ArrayList;
import java.util.List;

/** Turns a successful OpenAI-compatible reply into a {@link ChatResponse}, leniently. */
public final class ReplyReader {
    private final Dialect dialect;
    private final VendorProfile.ReasoningTags reasoningTags;

    public ReplyReader(Dialect dialect) {
        this(dialect, null);
    }

    /** A reader that also moves reasoning wrapped in these tags out of {@code content}; {@code null} for none. */
    public ReplyReader(Dialect dialect, VendorProfile.ReasoningTags reasoningTags) {
        this.dialect = dialect;
        this.reasoningTags = reasoningTags;
    }

    /**
     * Reads the reply.
     *
     * @param call what was asked; its warnings are carried into the response
     * @param price the price to cost the call with, or {@code null} when unknown
     * @throws JunctionException PROTOCOL when the reply has no choice to read
     */
    public ChatResponse read(JsonNode body, CallPlan call, Price price) {
        JsonNode choice = body.path("choices").path(0);
        if (!choice.isObject()) {
            throw JunctionException.builder(ErrorKind.PROTOCOL, call.provider() + " replied with HTTP 200 but no choices[0]")
                    .provider(call.provider())
                    .hint("the vendor's reply did not follow the OpenAI format; retry, and report it if it persists")
                    .build();
        }
        List<String> warnings = new ArrayList<>(call.warnings());
        JsonNode message = choice.path("message");
        checkModel(Json.text(body, "model"), call, warnings);
        List<GeneratedImage> images = dialect.readImages(message, warnings);
        String rawFinish = Json.text(choice, "finish_reason");
        Usage usage = readUsage(body.path("usage"));
        String text = contentText(message.get("content"));
        String reasoning = dialect.readReasoning(message);
        if (reasoningTags != null) {
            String[] split = TaggedReasoning.split(text, reasoningTags);
            text = split[0];
            if (split[1] != null) {
                reasoning = reasoning == null ? split[1] : reasoning + split[1];
            }
        }
        return new ChatResponse(
                Json.text(body, "id"),
                call.provider(),
                call.model(),
                call.vendorModel(),
                text,
                reasoning,
                images,
                readToolCalls(message.path("tool_calls"), call.provider(), warnings),
                FinishReason.fromRaw(rawFinish),
                rawFinish,
                usage,
                cost(usage, price, call, warnings),
                warnings, List.of());
    }

    /**
     * Reads OpenAI's {@code tool_calls}, each with the thought signature the dialect finds on it,
     * marked as {@code provider}'s; an entry without a function name is dropped with a warning, as in streams.
     */
    List<ToolCall> readToolCalls(JsonNode calls, String provider, List<String> warnings) {
        List<ToolCall> out = new ArrayList<>();
        int index = 0;
        for (JsonNode call : calls) {
            JsonNode function = call.path("function");
            String name = Json.text(function, "name");
            if (name != null) {
                out.add(new ToolCall(Json.text(call, "id"), name, argumentsText(function.get("arguments")),
                        signature(dialect.readThoughtSignature(call), provider)));
            } else {
                warnings.add("tool call " + index + " arrived without a function name and was dropped");
            }
            index++;
        }
        return out;
    }

    /** The signature a dialect read, as {@code provider}'s, or {@code null} when it read none. */
    public static ThoughtSignature signature(String value, String provider) {
        return value == null || value.isEmpty() ? null : new ThoughtSignature(provider, value);
    }

    /** Arguments arrive as a JSON string per OpenAI, but some servers send the object itself. */
    public static String argumentsText(JsonNode arguments) {
        if (arguments == null || arguments.isNull()) {
            return null;
        }
        return arguments.isTextual() ? arguments.asText() : arguments.toString();
    }

    /** Reads {@code usage}; every absent count stays {@code null}. */
    public static Usage readUsage(JsonNode usage) {
        if (!usage.isObject()) {
            return Usage.NONE;
        }
        JsonNode completion = usage.path("completion_tokens_details");
        JsonNode prompt = usage.path("prompt_tokens_details");
        return new Usage(
                Json.count(usage, "prompt_tokens"),
                Json.count(usage, "completion_tokens"),
                Json.count(completion, "reasoning_tokens"),
                Json.count(completion, "image_tokens"),
                Json.count(prompt, "cached_tokens"),
                Json.count(prompt, "audio_tokens"),
                Json.count(usage, "total_tokens"),
                CompactJson.write(usage));
    }

    public static Cost cost(Usage usage, Price price, CallPlan call, List<String> warnings) {
        if (price == null) {
            warnings.add(call.unknownPriceWarning());
            return null;
        }
        Cost cost = CostCalculator.cost(usage, price);
        if (cost == null) {
            warnings.add(call.provider() + " reported no token usage, so the cost of this call is unknown");
        }
        return cost;
    }

    /** {@code content} as a string, or the concatenated text parts when a server sends an array. */
    public static String contentText(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                String text = part.isTextual() ? part.asText() : Json.text(part, "text");
                if (text != null) {
                    sb.append(text);
                }
            }
            return sb.toString();
        }
        return content.isValueNode() ? content.asText() : "";
    }

    public static void checkModel(String replied, CallPlan call, List<String> warnings) {
        if (replied == null || replied.equals(call.vendorModel()) || replied.equals(call.model())) {
            return;
        }
        String sentBase = call.vendorModel().substring(call.vendorModel().lastIndexOf('/') + 1);
        if (!replied.equals(sentBase)) {
            warnings.add(call.provider() + " answered with model '" + replied + "', not the requested '"
                    + call.vendorModel() + "'");
        }
    }
}
