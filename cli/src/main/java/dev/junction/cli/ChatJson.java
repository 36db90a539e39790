package dev.junction.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.ToolCall;
import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
import dev.junction.error.Attempt;
import java.util.List;
import java.util.Optional;

/**
 * The {@code chat --json} document: every field of a {@link ChatResponse} that a script needs,
 * with the same names whichever provider answered. Unknown values are JSON {@code null}, never a
 * guessed zero; costs are exact decimal numbers.
 */
final class ChatJson {
    private ChatJson() {
    }

    /** The response as one JSON object. Generated images are described, not embedded. */
    static ObjectNode of(ChatResponse response) {
        ObjectNode json = CliJson.object();
        json.put("provider", response.provider());
        json.put("model", response.model());
        json.put("vendorModel", response.vendorModel());
        json.put("id", response.id());
        json.put("text", response.text());
        json.put("reasoning", response.reasoning());
        json.put("finishReason", response.finishReason().name());
        json.put("rawFinishReason", response.rawFinishReason());
        json.set("usage", usage(response.usage()));
        json.set("cost", cost(response.cost()));
        ArrayNode images = json.putArray("images");
        for (GeneratedImage image : response.images()) {
            images.addObject()
                    .put("mediaType", image.mediaType())
                    .put("bytes", image.bytes().length);
        }
        ArrayNode toolCalls = json.putArray("toolCalls");
        for (ToolCall call : response.toolCalls()) {
            toolCall(toolCalls.addObject(), call);
        }
        ArrayNode warnings = json.putArray("warnings");
        response.warnings().forEach(warnings::add);
        json.set("attempts", attempts(response.failedAttempts()));
        return json;
    }

    /**
     * {@code [{"provider","kind","status","waitedMs","durationMs"}]}: attempts that failed, in order,
     * with the wait that followed each; shared with the error document.
     */
    static ArrayNode attempts(List<Attempt> attempts) {
        ArrayNode array = CliJson.nodes().arrayNode();
        for (Attempt a : attempts) {
            array.addObject()
                    .put("provider", a.provider())
                    .put("kind", a.kind().name())
                    .put("status", a.httpStatus())
                    .put("waitedMs", a.waitedAfter().toMillis())
                    .put("durationMs", a.duration().toMillis());
        }
        return array;
    }

    /**
     * Adds {@code "id","name","arguments"} to {@code into}: the arguments as the parsed object, or
     * as the model's text with {@code "argumentsInvalid":true} when that is no JSON object. Shared
     * by {@code chat --json} and the NDJSON {@code toolCall} line, so both read the same.
     */
    static ObjectNode toolCall(ObjectNode into, ToolCall call) {
        into.put("id", call.id()).put("name", call.name());
        Optional<ObjectNode> arguments = CliJson.parseObject(call.argumentsJson());
        if (arguments.isPresent()) {
            into.set("arguments", arguments.get());
        } else {
            into.put("arguments", call.argumentsJson()).put("argumentsInvalid", true);
        }
        return into;
    }

    /** {@code {"inputTokens","outputTokens","reasoningTokens","imageTokens","cachedTokens","totalTokens"}}, unknown counts null. */
    static ObjectNode usage(Usage usage) {
        ObjectNode json = CliJson.object();
        json.put("inputTokens", usage.inputTokens());
        json.put("outputTokens", usage.outputTokens());
        json.put("reasoningTokens", usage.reasoningTokens());
        json.put("imageTokens", usage.imageTokens());
        json.put("cachedTokens", usage.cachedTokens());
        json.put("totalTokens", usage.totalTokens());
        return json;
    }

    /** {@code {"usd","credits"}} as exact decimals, or {@code null} when the cost is unknown. */
    static ObjectNode cost(Cost cost) {
        if (cost == null) {
            return null;
        }
        ObjectNode json = CliJson.object();
        json.put("usd", CliJson.decimal(cost.usd()));
        json.put("credits", CliJson.decimal(cost.credits()));
        return json;
    }
}
