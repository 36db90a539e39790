package dev.junction.gateway.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolChoice;
import java.util.ArrayList;
import java.util.List;

/** Reads OpenAI's {@code tools}, {@code tool_choice} and {@code response_format}. */
final class InboundTools {
    /**
     * What {@code {"type":"json_object"}} becomes: the canonical contract has only schema-bound JSON,
     * and "any JSON object" is the schema that says exactly what {@code json_object} asks for.
     */
    static final String JSON_OBJECT_SCHEMA = "{\"type\":\"object\"}";

    private InboundTools() {
    }

    /** {@code tools}: function tools only. */
    static List<Tool> tools(JsonNode root) {
        JsonNode array = Fields.array(root, "tools", "tools", false);
        List<Tool> tools = new ArrayList<>();
        if (array == null) {
            return tools;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = Fields.path("tools", i);
            JsonNode tool = array.get(i);
            if (!tool.isObject()) {
                throw Fields.wrongType(path, "a tool object such as {\"type\":\"function\",\"function\":{\"name\":…}}", tool);
            }
            String type = Fields.string(tool, "type", Fields.path(path, "type"), true);
            if (!type.equals("function")) {
                throw GatewayRequestException.invalid(GatewayRequestException.UNSUPPORTED_VALUE, Fields.path(path, "type"),
                        "'" + Fields.path(path, "type") + "' must be \"function\", got \"" + type
                                + "\" (for web search, send the top-level web_search_options instead)");
            }
            String functionPath = Fields.path(path, "function");
            JsonNode function = Fields.object(tool, "function", functionPath, true);
            String name = Fields.string(function, "name", Fields.path(functionPath, "name"), true);
            String description = Fields.string(function, "description", Fields.path(functionPath, "description"), false);
            JsonNode parameters = Fields.object(function, "parameters", Fields.path(functionPath, "parameters"), false);
            try {
                tools.add(Tool.function(name, description, parameters == null ? null : compact(parameters)));
            } catch (IllegalArgumentException e) {
                throw GatewayRequestException.invalid(Fields.path(functionPath, "name"), e.getMessage());
            }
        }
        return tools;
    }

    /** {@code tool_choice}: {@code "auto"}, {@code "none"}, {@code "required"} or a named function. */
    static ToolChoice toolChoice(JsonNode root) {
        JsonNode node = Fields.get(root, "tool_choice");
        if (node == null) {
            return null;
        }
        String expected = "\"auto\", \"none\", \"required\" or {\"type\":\"function\",\"function\":{\"name\":…}}";
        if (node.isTextual()) {
            return switch (node.textValue()) {
                case "auto" -> ToolChoice.AUTO;
                case "none" -> ToolChoice.NONE;
                case "required" -> ToolChoice.REQUIRED;
                default -> throw GatewayRequestException.invalid("tool_choice",
                        "'tool_choice' must be " + expected + ", got \"" + node.textValue() + "\"");
            };
        }
        if (!node.isObject()) {
            throw Fields.wrongType("tool_choice", expected, node);
        }
        String type = Fields.string(node, "type", "tool_choice.type", true);
        if (!type.equals("function")) {
            throw GatewayRequestException.invalid("tool_choice.type", "'tool_choice.type' must be \"function\", got \"" + type + "\"");
        }
        JsonNode function = Fields.object(node, "function", "tool_choice.function", true);
        return ToolChoice.function(Fields.nonBlank(function, "name", "tool_choice.function.name"));
    }

    /** {@code response_format}: text (no format), {@code json_object} or {@code json_schema}. */
    static ResponseFormat responseFormat(JsonNode root) {
        JsonNode node = Fields.object(root, "response_format", "response_format", false);
        if (node == null) {
            return null;
        }
        String type = Fields.string(node, "type", "response_format.type", true);
        switch (type) {
            case "text":
                return null;
            case "json_object":
                return ResponseFormat.jsonSchema("json_object", null, JSON_OBJECT_SCHEMA);
            case "json_schema":
                break;
            default:
                throw GatewayRequestException.invalid("response_format.type",
                        "'response_format.type' must be text, json_object or json_schema, got \"" + type + "\"");
        }
        JsonNode schema = Fields.object(node, "json_schema", "response_format.json_schema", true);
        String name = Fields.string(schema, "name", "response_format.json_schema.name", true);
        Boolean strict = Fields.bool(schema, "strict", "response_format.json_schema.strict");
        JsonNode body = Fields.object(schema, "schema", "response_format.json_schema.schema", true);
        try {
            return ResponseFormat.jsonSchema(name, strict, compact(body));
        } catch (IllegalArgumentException e) {
            throw GatewayRequestException.invalid("response_format.json_schema.name", e.getMessage());
        }
    }

    private static String compact(JsonNode node) {
        try {
            return WireJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always writes", e);
        }
    }
}
