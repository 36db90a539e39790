package dev.junction.internal.openai.request;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolCall;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.json.JsonMappers;
import dev.junction.spi.openai.Dialect;
import java.io.IOException;
import java.util.List;

/** Writes OpenAI's {@code tools}, {@code tool_choice}, {@code response_format} and assistant {@code tool_calls}. */
final class ToolsWriter {
    private ToolsWriter() {
    }

    /** Writes the request's tools, tool choice and response format, each only when set. */
    static void write(JsonGenerator json, ChatRequest request, Dialect dialect, String provider) throws IOException {
        if (!request.tools().isEmpty()) {
            json.writeArrayFieldStart("tools");
            for (Tool tool : request.tools()) {
                if (tool instanceof Tool.Function f) {
                    json.writeStartObject();
                    json.writeStringField("type", "function");
                    json.writeObjectFieldStart("function");
                    json.writeStringField("name", f.name());
                    if (f.description() != null) {
                        json.writeStringField("description", f.description());
                    }
                    if (f.parametersJson() != null) {
                        json.writeFieldName("parameters");
                        json.writeTree(schema(f.parametersJson(), "the parameters of tool '" + f.name() + "'", provider));
                    }
                    json.writeEndObject();
                    json.writeEndObject();
                } else if (tool instanceof Tool.WebSearch) {
                    dialect.writeWebSearchTool(json, provider);
                } else {
                    throw new IllegalStateException("a tool kind the writer does not know: " + tool);
                }
            }
            json.writeEndArray();
        }
        if (request.toolChoice() != null) {
            json.writeFieldName("tool_choice");
            switch (request.toolChoice().mode()) {
                case AUTO -> json.writeString("auto");
                case NONE -> json.writeString("none");
                case REQUIRED -> json.writeString("required");
                case FUNCTION -> {
                    json.writeStartObject();
                    json.writeStringField("type", "function");
                    json.writeObjectFieldStart("function");
                    json.writeStringField("name", request.toolChoice().functionName());
                    json.writeEndObject();
                    json.writeEndObject();
                }
                default -> throw new IllegalStateException("unknown tool choice " + request.toolChoice().mode());
            }
        }
        if (request.responseFormat() instanceof ResponseFormat.JsonSchema s) {
            json.writeObjectFieldStart("response_format");
            json.writeStringField("type", "json_schema");
            json.writeObjectFieldStart("json_schema");
            json.writeStringField("name", s.name());
            if (s.strict() != null) {
                json.writeBooleanField("strict", s.strict());
            }
            json.writeFieldName("schema");
            json.writeTree(schema(s.schemaJson(), "the response format's schema '" + s.name() + "'", provider));
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    /**
     * Writes an assistant message's earlier tool calls, arguments as the JSON text the model wrote,
     * each with its thought signature when {@code provider} issued it. A signature from another
     * provider is dropped: only its issuer can verify it, and Google answers a foreign one with
     * HTTP 400. When the message's first call has no signature left and {@code whenMissing} is set
     * (the model's {@code thoughtSignatureWhenMissing}), that call gets the dummy instead; the
     * others are left bare, since Gemini signs only the first of parallel calls and validates only
     * the first call of each step (https://ai.google.dev/gemini-api/docs/thought-signatures).
     */
    static void writeToolCalls(JsonGenerator json, List<ToolCall> calls, Dialect dialect, String provider, String whenMissing)
            throws IOException {
        json.writeArrayFieldStart("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            json.writeStartObject();
            if (call.id() != null) {
                json.writeStringField("id", call.id());
            }
            json.writeStringField("type", "function");
            json.writeObjectFieldStart("function");
            json.writeStringField("name", call.name());
            json.writeStringField("arguments", call.argumentsJson());
            json.writeEndObject();
            String signature = call.signature() != null && call.signature().issuedBy(provider) ? call.signature().value() : null;
            if (signature == null && i == 0) {
                signature = whenMissing;
            }
            if (signature != null) {
                dialect.writeThoughtSignature(json, signature);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Parses a schema so that malformed JSON fails before sending instead of being sent as is. */
    private static JsonNode schema(String text, String what, String provider) {
        try {
            JsonNode node = JsonMappers.LENIENT.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // reported below, with what was wrong
        }
        throw JunctionException.builder(ErrorKind.INVALID_REQUEST, provider + ": " + what + " is not a JSON object")
                .provider(provider)
                .hint("give a JSON Schema object such as {\"type\":\"object\",\"properties\":{…}}")
                .build();
    }
}
