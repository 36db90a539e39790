package dev.junction.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chat request in Junction's canonical form, the same for every provider.
 *
 * @param model canonical model id (or a vendor's own name); {@code null} to use the model the
 *     {@link ChatModel} was created with
 * @param messages the conversation, oldest first; never empty
 * @param temperature sampling temperature from 0 to 2, or {@code null} for the vendor's default
 * @param maxOutputTokens cap on generated tokens (reasoning included), or {@code null}
 * @param reasoning reasoning controls, or {@code null} for the vendor's defaults
 * @param providerOptions extra top-level JSON fields per provider id, written verbatim into that
 *     provider's request and ignored by the others; an escape hatch for vendor features Junction
 *     does not model yet
 * @param tools tools the model may call; empty for none
 * @param toolChoice whether and which tool the model must call, or {@code null} for the vendor's default
 * @param responseFormat the shape the reply must take, or {@code null} for free text
 */
public record ChatRequest(
        String model,
        List<Message> messages,
        Double temperature,
        Integer maxOutputTokens,
        ReasoningSettings reasoning,
        Map<String, Map<String, Object>> providerOptions,
        List<Tool> tools,
        ToolChoice toolChoice,
        ResponseFormat responseFormat) {

    /** Copies the collections and checks the request is well formed. */
    public ChatRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        if (providerOptions != null) {
            // Not Map.copyOf: a JSON null is a legitimate option value.
            providerOptions.forEach((id, options) -> copy.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(options))));
        }
        providerOptions = Map.copyOf(copy);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    /** A one-message request: the user says {@code prompt}. */
    public static ChatRequest of(String prompt) {
        return builder().user(prompt).build();
    }

    /** Starts an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.model = model;
        b.messages.addAll(messages);
        b.temperature = temperature;
        b.maxOutputTokens = maxOutputTokens;
        b.reasoning = reasoning;
        b.providerOptions.putAll(providerOptions);
        b.tools.addAll(tools);
        b.toolChoice = toolChoice;
        b.responseFormat = responseFormat;
        return b;
    }

    /** This request with another model. */
    public ChatRequest withModel(String newModel) {
        return new ChatRequest(newModel, messages, temperature, maxOutputTokens, reasoning, providerOptions,
                tools, toolChoice, responseFormat);
    }

    /** Assembles a {@link ChatRequest}. */
    public static final class Builder {
        private String model;
        private final List<Message> messages = new ArrayList<>();
        private Double temperature;
        private Integer maxOutputTokens;
        private ReasoningSettings reasoning;
        private final Map<String, Map<String, Object>> providerOptions = new LinkedHashMap<>();
        private final List<Tool> tools = new ArrayList<>();
        private ToolChoice toolChoice;
        private ResponseFormat responseFormat;

        private Builder() {
        }

        /** Adds a tool the model may call. */
        public Builder tool(Tool tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /** Sets whether and which tool the model must call. */
        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /** Sets the shape the reply must take. */
        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        /** Sets the model. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Appends a message. */
        public Builder message(Message message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /** Appends a system instruction. */
        public Builder system(String text) {
            return message(Message.system(text));
        }

        /** Appends a plain-text user turn. */
        public Builder user(String text) {
            return message(Message.user(text));
        }

        /** Appends a user turn of text and media parts. */
        public Builder user(Part... parts) {
            return message(Message.user(parts));
        }

        /** Sets the sampling temperature. */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Sets the cap on output tokens. */
        public Builder maxOutputTokens(Integer maxOutputTokens) {
            this.maxOutputTokens = maxOutputTokens;
            return this;
        }

        /** Sets the reasoning controls. */
        public Builder reasoning(ReasoningSettings reasoning) {
            this.reasoning = reasoning;
            return this;
        }

        /** Adds extra JSON fields sent only to the given provider. */
        public Builder providerOptions(String providerId, Map<String, Object> options) {
            providerOptions.put(providerId, options);
            return this;
        }

        /** Builds the request. */
        public ChatRequest build() {
            return new ChatRequest(model, messages, temperature, maxOutputTokens, reasoning, providerOptions,
                    tools, toolChoice, responseFormat);
        }
    }
}
