package dev.junction.opentelemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.chat.ToolCall;
import dev.junction.observe.CallSucceeded;
import java.util.List;
import java.util.Locale;

/**
 * {@code gen_ai.input.messages} and {@code gen_ai.output.messages}: a call's prompt and answer as
 * JSON strings in the conventions' message schema, recorded only on opt-in. Media is named by URL
 * or type, never copied.
 */
final class MessageContent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageContent() {
    }

    /** {@code gen_ai.input.messages}: the conventions' input message schema, media by reference only (never its bytes). */
    static String inputMessages(ChatRequest request) {
        if (request.messages() == null) {
            return null;
        }
        ArrayNode messages = JSON.createArrayNode();
        for (Message message : request.messages()) {
            ObjectNode out = messages.addObject();
            out.put("role", message.role() == null ? "user" : message.role().wireName());
            ArrayNode parts = out.putArray("parts");
            if (message.toolCallId() != null) {
                ObjectNode part = parts.addObject().put("type", "tool_call_response").put("id", message.toolCallId());
                part.put("response", text(message.parts()));
                continue;
            }
            if (message.parts() != null) {
                for (Part part : message.parts()) {
                    if (part instanceof Part.Text text) {
                        parts.addObject().put("type", "text").put("content", text.text());
                    } else if (part instanceof Part.Media media) {
                        media(parts.addObject(), media.source());
                    }
                }
            }
            if (message.toolCalls() != null) {
                for (ToolCall call : message.toolCalls()) {
                    ObjectNode part = parts.addObject().put("type", "tool_call").put("id", call.id()).put("name", call.name());
                    JsonNode arguments = arguments(call);
                    if (arguments != null) {
                        part.set("arguments", arguments);
                    }
                }
            }
        }
        return messages.toString();
    }

    /** {@code gen_ai.output.messages}: one assistant message with the answer's text and finish reason. */
    static String outputMessages(CallSucceeded event) {
        ArrayNode messages = JSON.createArrayNode();
        ObjectNode out = messages.addObject().put("role", "assistant");
        out.putArray("parts").addObject().put("type", "text").put("content", event.text());
        String finish = event.rawFinishReason() != null ? event.rawFinishReason()
                : event.finishReason() != null ? event.finishReason().name().toLowerCase(Locale.ROOT) : null;
        if (finish != null) {
            out.put("finish_reason", finish);
        }
        return messages.toString();
    }

    private static void media(ObjectNode part, MediaSource source) {
        if (source instanceof MediaSource.Url url) {
            part.put("type", "uri").put("uri", url.url().toString());
            if (url.mediaType() != null) {
                part.put("mime_type", url.mediaType());
            }
        } else if (source instanceof MediaSource.Bytes bytes) {
            part.put("type", "blob");
            if (bytes.mediaType() != null) {
                part.put("mime_type", bytes.mediaType());
            }
        } else if (source instanceof MediaSource.DataUri data) {
            part.put("type", "blob");
            if (data.mediaType() != null) {
                part.put("mime_type", data.mediaType());
            }
        } else {
            part.put("type", "blob");
        }
    }

    private static JsonNode arguments(ToolCall call) {
        try {
            return call.arguments();
        } catch (RuntimeException e) {
            return call.argumentsJson() == null ? null : JSON.getNodeFactory().textNode(call.argumentsJson());
        }
    }

    private static String text(List<Part> parts) {
        StringBuilder text = new StringBuilder();
        if (parts != null) {
            for (Part part : parts) {
                if (part instanceof Part.Text t) {
                    text.append(t.text());
                }
            }
        }
        return text.toString();
    }
}
