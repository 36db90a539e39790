package dev.junction.spi.openai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lenient JSON helpers shared by the engine and dialects: missing, {@code null} and mistyped
 * fields read as absent. The engine's mapper is not exposed, so no module can reconfigure it.
 */
public final class Json {
    private Json() {
    }

    /** The field as text when it is a string or number, else {@code null}. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.asText();
    }

    /** The field as a whole number when it is one (or a numeric string), else {@code null}. */
    public static Long count(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
