package dev.junction.gateway.openai;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.Message;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolChoice;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an OpenAI Chat Completions request body into an {@link InboundChat}.
 *
 * <p>Strict where OpenAI is: an unknown top-level field, a wrong JSON type or a bad value fails
 * with a {@link GatewayRequestException} (400) naming the field's path. Lenient where clients
 * differ: unknown fields inside messages and content parts (such as {@code name} or
 * {@code cache_control}) are ignored, and a JSON {@code null} reads as absent.
 */
public final class InboundChats {
    /** The OpenAI fields Junction does not model, handed through verbatim to providers. */
    static final Set<String> PASS_THROUGH = Set.of("top_p", "stop", "seed", "presence_penalty", "frequency_penalty",
            "logit_bias", "logprobs", "top_logprobs", "user", "metadata", "parallel_tool_calls", "service_tier", "store",
            "modalities", "prediction", "audio");

    private static final Set<String> MODELLED = Set.of("model", "messages", "stream", "stream_options", "temperature",
            "max_tokens", "max_completion_tokens", "reasoning_effort", "tools", "tool_choice", "response_format", "n",
            "junction", "web_search_options");

    private InboundChats() {
    }

    /**
     * Reads a request body.
     *
     * @throws GatewayRequestException (400) when the body is not a JSON object, lacks {@code model}
     *     or {@code messages}, has an unknown top-level field, or any field has a wrong type or value
     */
    public static InboundChat parse(Buffer body) {
        JsonNode root = read(body);
        Map<String, Object> passThrough = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            if (PASS_THROUGH.contains(name)) {
                passThrough.put(name, plain(field.getValue()));
            } else if (!MODELLED.contains(name)) {
                throw GatewayRequestException.invalid(GatewayRequestException.UNRECOGNIZED_ARGUMENT, name,
                        "unrecognized request argument supplied: " + name);
            }
        }
        String model = Fields.nonBlank(root, "model", "model");
        List<String> warnings = new ArrayList<>();
        JsonNode messagesNode = Fields.array(root, "messages", "messages", true);
        if (messagesNode.isEmpty()) {
            throw GatewayRequestException.invalid("messages", "'messages' must hold at least one message");
        }
        List<Message> messages = InboundMessages.read(messagesNode, model, warnings);

        Boolean stream = Fields.bool(root, "stream", "stream");
        JsonNode streamOptions = Fields.object(root, "stream_options", "stream_options", false);
        Boolean includeUsage = streamOptions == null ? null
                : Fields.bool(streamOptions, "include_usage", "stream_options.include_usage");
        JsonNode n = Fields.number(root, "n", "n");
        if (n != null && !(n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 1)) {
            throw GatewayRequestException.invalid("n", "'n' must be a positive integer, got " + n);
        }
        if (n != null && n.intValue() > 1) {
            throw GatewayRequestException.invalid(GatewayRequestException.UNSUPPORTED_VALUE, "n",
                    "n>1 is not supported: send n=1 (or leave it out) and make several requests for several choices");
        }

        List<Tool> tools = new ArrayList<>(InboundTools.tools(root));
        if (root.has("web_search_options") && !root.get("web_search_options").isNull()) {
            Fields.object(root, "web_search_options", "web_search_options", false);
            tools.add(Tool.webSearch());
        }
        ToolChoice toolChoice = InboundTools.toolChoice(root);
        ResponseFormat responseFormat = InboundTools.responseFormat(root);

        ChatRequest request = new ChatRequest(model, messages, temperature(root), maxTokens(root), reasoning(root),
                Map.of(), tools, toolChoice, responseFormat);
        return new InboundChat(request, model, Boolean.TRUE.equals(stream), Boolean.TRUE.equals(includeUsage),
                JunctionOptions.fromJson(root.get("junction")), passThrough, warnings);
    }

    private static JsonNode read(Buffer body) {
        if (body == null || body.length() == 0) {
            throw GatewayRequestException.invalid(GatewayRequestException.INVALID_JSON, null,
                    "the request body is empty: send a JSON object with at least model and messages");
        }
        JsonNode root;
        try (JsonParser parser = WireJson.FACTORY.createParser(new WireJson.BufferInputStream(body))) {
            root = WireJson.MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw GatewayRequestException.invalid(GatewayRequestException.INVALID_JSON, null,
                        "the request body holds more than one JSON value: send exactly one JSON object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw GatewayRequestException.invalid(GatewayRequestException.INVALID_JSON, null,
                    "the request body is not valid JSON: " + e.getOriginalMessage()
                            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw GatewayRequestException.invalid(GatewayRequestException.INVALID_JSON, null,
                    "the request body could not be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw GatewayRequestException.invalid(GatewayRequestException.INVALID_JSON, null,
                    "the request body is empty: send a JSON object with at least model and messages");
        }
        if (!root.isObject()) {
            throw GatewayRequestException.invalid(GatewayRequestException.INVALID_JSON, null,
                    "the request body must be a JSON object such as {\"model\":…,\"messages\":[…]}, got " + Fields.describe(root));
        }
        return root;
    }

    private static Double temperature(JsonNode root) {
        JsonNode node = Fields.number(root, "temperature", "temperature");
        if (node == null) {
            return null;
        }
        double value = node.doubleValue();
        if (!(value >= 0 && value <= 2)) {
            throw GatewayRequestException.invalid("temperature", "'temperature' must be between 0 and 2, got " + node);
        }
        return value;
    }

    /** {@code max_completion_tokens}, OpenAI's current name, wins over the older {@code max_tokens}. */
    private static Integer maxTokens(JsonNode root) {
        Integer legacy = Fields.positiveInt(root, "max_tokens", "max_tokens");
        Integer current = Fields.positiveInt(root, "max_completion_tokens", "max_completion_tokens");
        return current != null ? current : legacy;
    }

    private static ReasoningSettings reasoning(JsonNode root) {
        String effort = Fields.string(root, "reasoning_effort", "reasoning_effort", false);
        if (effort == null) {
            return null;
        }
        try {
            return ReasoningSettings.effort(ReasoningEffort.fromWireName(effort));
        } catch (IllegalArgumentException e) {
            throw GatewayRequestException.invalid("reasoning_effort",
                    "'reasoning_effort' must be minimal, low, medium or high, got \"" + effort + "\"");
        }
    }

    /** A JSON value as plain Java: Map, List, String, Number, Boolean or {@code null}. */
    static Object plain(JsonNode node) {
        return WireJson.MAPPER.convertValue(node, Object.class);
    }
}
