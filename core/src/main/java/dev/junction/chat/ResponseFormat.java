package dev.junction.chat;

import java.util.Objects;

/** The shape the reply must take. */
public sealed interface ResponseFormat {

    /**
     * JSON that follows a schema (OpenAI's {@code json_schema} format).
     *
     * @param name the schema's name: letters, digits, {@code _} or {@code -}
     * @param strict whether the vendor must follow the schema exactly; {@code null} for the vendor's default
     * @param schemaJson the JSON Schema, as JSON text
     */
    record JsonSchema(String name, Boolean strict, String schemaJson) implements ResponseFormat {
        /** Checks the name and schema are present. */
        public JsonSchema {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schemaJson, "schemaJson");
            if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("schema name '" + name + "' must be 1 to 64 letters, digits, '_' or '-'");
            }
        }
    }

    /** A JSON-schema format. */
    static ResponseFormat jsonSchema(String name, Boolean strict, String schemaJson) {
        return new JsonSchema(name, strict, schemaJson);
    }
}
