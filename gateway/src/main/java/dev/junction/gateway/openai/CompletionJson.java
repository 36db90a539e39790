package dev.junction.gateway.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.ToolCall;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Writes a {@link ChatResponse} as an OpenAI {@code chat.completion} object, with the extensions
 * other OpenAI-compatible servers use: {@code reasoning_content} (DeepSeek's), {@code images}
 * (OpenRouter's), {@code extra_content.google.thought_signature} on tool calls (Google's) beside
 * {@code extra_content.junction.provider}, and {@code usage.cost} in US dollars (OpenRouter's).
 */
public final class CompletionJson {
    private CompletionJson() {
    }

    /** A new completion id, {@code chatcmpl-} and 24 random letters and digits. */
    public static String newId() {
        return OutboundJson.randomId("chatcmpl-");
    }

    /**
     * Renders the completion.
     *
     * @param response the canonical response
     * @param requestedModel the model as the client named it, echoed in {@code model}
     * @param createdEpochSeconds the {@code created} time
     */
    public static Buffer render(ChatResponse response, String requestedModel, long createdEpochSeconds) {
        // Sized for the images' base64, so that a large image does not regrow (and recopy) the buffer.
        long initial = 512 + response.text().length() + (response.reasoning() == null ? 0 : response.reasoning().length());
        for (GeneratedImage image : response.images()) {
            initial += 64 + 4L * ((image.bytes().length + 2) / 3);
        }
        Buffer buffer = Buffer.buffer((int) Math.min(initial, Integer.MAX_VALUE - 16));
        WireJson.append(buffer, json -> {
            json.writeStartObject();
            json.writeStringField("id", response.id() != null && !response.id().isBlank() ? response.id() : newId());
            json.writeStringField("object", "chat.completion");
            json.writeNumberField("created", createdEpochSeconds);
            json.writeStringField("model", requestedModel);
            json.writeArrayFieldStart("choices");
            json.writeStartObject();
            json.writeNumberField("index", 0);
            writeMessage(json, response);
            json.writeNullField("logprobs");
            json.writeStringField("finish_reason", OutboundJson.finishReason(response.finishReason(), response.rawFinishReason()));
            json.writeEndObject();
            json.writeEndArray();
            OutboundJson.writeUsage(json, response.usage(), response.cost());
            json.writeEndObject();
        });
        return buffer;
    }

    private static void writeMessage(JsonGenerator json, ChatResponse response) throws IOException {
        json.writeObjectFieldStart("message");
        json.writeStringField("role", "assistant");
        boolean calls = !response.toolCalls().isEmpty();
        json.writeStringField("content", response.text().isEmpty() && calls ? null : response.text());
        json.writeNullField("refusal");
        if (response.reasoning() != null) {
            json.writeStringField("reasoning_content", response.reasoning());
        }
        if (calls) {
            json.writeArrayFieldStart("tool_calls");
            for (ToolCall call : response.toolCalls()) {
                json.writeStartObject();
                json.writeStringField("id", call.id() != null && !call.id().isBlank() ? call.id() : OutboundJson.randomId("call_"));
                json.writeStringField("type", "function");
                json.writeObjectFieldStart("function");
                json.writeStringField("name", call.name());
                json.writeStringField("arguments", call.argumentsJson());
                json.writeEndObject();
                if (call.signature() != null) {
                    OutboundJson.writeSignature(json, call.signature());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (!response.images().isEmpty()) {
            json.writeArrayFieldStart("images");
            for (GeneratedImage image : response.images()) {
                OutboundJson.writeImage(json, image);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
