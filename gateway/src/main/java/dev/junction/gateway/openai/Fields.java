package dev.junction.gateway.openai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads of request fields that fail with a 400 naming the field's path. A field that is
 * absent or JSON {@code null} reads as {@code null} unless it is required, as OpenAI treats it.
 */
final class Fields {
    private Fields() {
    }

    /** {@code parent.field}, or {@code field} at the top level. */
    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** {@code parent[index]}. */
    static String path(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The field's node, or {@code null} when absent or JSON {@code null}. */
    static JsonNode get(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : node;
    }

    static GatewayRequestException missing(String path) {
        return GatewayRequestException.invalid(path, "'" + path + "' is required");
    }

    static GatewayRequestException wrongType(String path, String expected, JsonNode got) {
        return GatewayRequestException.invalid(path, "'" + path + "' must be " + expected + ", got " + describe(got));
    }

    /** A string field; {@code null} when absent and not required. */
    static String string(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = get(parent, field);
        if (node == null) {
            if (required) {
                throw missing(path);
            }
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(path, "a string", node);
        }
        return node.textValue();
    }

    /** A non-blank string field. */
    static String nonBlank(JsonNode parent, String field, String path) {
        String value = string(parent, field, path, true);
        if (value.isBlank()) {
            throw GatewayRequestException.invalid(path, "'" + path + "' must not be empty");
        }
        return value;
    }

    /** An object field, or {@code null} when absent. */
    static JsonNode object(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = get(parent, field);
        if (node == null) {
            if (required) {
                throw missing(path);
            }
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(path, "an object", node);
        }
        return node;
    }

    /** An array field, or {@code null} when absent. */
    static JsonNode array(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = get(parent, field);
        if (node == null) {
            if (required) {
                throw missing(path);
            }
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(path, "an array", node);
        }
        return node;
    }

    /** A boolean field, or {@code null} when absent. */
    static Boolean bool(JsonNode parent, String field, String path) {
        JsonNode node = get(parent, field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(path, "true or false", node);
        }
        return node.booleanValue();
    }

    /** A number field, or {@code null} when absent. */
    static JsonNode number(JsonNode parent, String field, String path) {
        JsonNode node = get(parent, field);
        if (node != null && !node.isNumber()) {
            throw wrongType(path, "a number", node);
        }
        return node;
    }

    /** A positive integer field that fits an {@code int}, or {@code null} when absent. */
    static Integer positiveInt(JsonNode parent, String field, String path) {
        JsonNode node = number(parent, field, path);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            throw GatewayRequestException.invalid(path, "'" + path + "' must be a positive integer, got " + node);
        }
        return node.intValue();
    }

    /** How a node reads in a message: its JSON type, and the value when it is short. */
    static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node;
        }
        if (node.isBoolean()) {
            return node.toString();
        }
        return node.isArray() ? "an array" : "an object";
    }
}
