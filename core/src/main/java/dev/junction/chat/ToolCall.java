package dev.junction.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.internal.json.JsonMappers;
import java.util.Objects;

/**
 * A function call the model asked for.
 *
 * @param id the vendor's call id, to quote in the {@link Role#TOOL} message that answers it; may be {@code null}
 *     when the vendor sends none
 * @param name the function's name
 * @param argumentsJson the arguments as the JSON text the model wrote ({@code "{}"} when it wrote none)
 * @param signature the thought signature the model attached to this call, to send back with it, or
 *     {@code null} when it attached none (most models, and Gemini on every parallel call but the first)
 */
public record ToolCall(String id, String name, String argumentsJson, ThoughtSignature signature) {

    /** Checks the name is present and fills empty arguments. */
    public ToolCall {
        Objects.requireNonNull(name, "name");
        argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    }

    /** A call without a thought signature, as in a hand-written history. */
    public ToolCall(String id, String name, String argumentsJson) {
        this(id, name, argumentsJson, null);
    }

    /**
     * The arguments parsed as a JSON object, read leniently; parsed afresh on each call, so the
     * caller may change the returned tree.
     *
     * @throws dev.junction.error.JunctionException of kind PROTOCOL, with {@link #argumentsJson()} in
     *     {@code rawReply()}, when the model did not write one JSON object
     */
    public JsonNode arguments() {
        return JsonMappers.readObject(argumentsJson, "tool call '" + name + "': the arguments are not a JSON object");
    }
}
