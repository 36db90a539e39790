package dev.junction.chat;

import java.util.Objects;

/**
 * A function call the model asked for.
 *
 * @param id the vendor's call id, to quote in the {@link Role#TOOL} message that answers it; may be {@code null}
 *     when the vendor sends none
 * @param name the function's name
 * @param argumentsJson the arguments as the JSON text the model wrote ({@code "{}"} when it wrote none)
 */
public record ToolCall(String id, String name, String argumentsJson) {

    /** Checks the name is present and fills empty arguments. */
    public ToolCall {
        Objects.requireNonNull(name, "name");
        argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    }
}
