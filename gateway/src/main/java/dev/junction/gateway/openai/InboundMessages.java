package dev.junction.gateway.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.chat.Role;
import dev.junction.chat.ThoughtSignature;
import dev.junction.chat.ToolCall;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Reads OpenAI's {@code messages} array into canonical messages. */
final class InboundMessages {
    private InboundMessages() {
    }

    /**
     * Reads every message.
     *
     * @param model the request's model, whose {@code provider/} prefix names the issuer of thought
     *     signatures that do not name one
     * @param warnings receives a line for each signature dropped
     */
    static List<Message> read(JsonNode messages, String model, List<String> warnings) {
        List<Message> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            out.add(message(messages.get(i), Fields.path("messages", i), model, warnings));
        }
        return out;
    }

    private static Message message(JsonNode node, String path, String model, List<String> warnings) {
        if (!node.isObject()) {
            throw Fields.wrongType(path, "a message object such as {\"role\":\"user\",\"content\":\"Hi\"}", node);
        }
        String rolePath = Fields.path(path, "role");
        String roleName = Fields.string(node, "role", rolePath, true);
        Role role = switch (roleName) {
            case "system" -> Role.SYSTEM;
            case "developer" -> Role.DEVELOPER;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "tool" -> Role.TOOL;
            default -> throw GatewayRequestException.invalid(rolePath, "'" + rolePath
                    + "' must be system, developer, user, assistant or tool, got \"" + roleName + "\"");
        };
        String contentPath = Fields.path(path, "content");
        JsonNode content = Fields.get(node, "content");
        return switch (role) {
            case ASSISTANT -> assistant(node, path, content, model, warnings);
            case TOOL -> {
                String callId = Fields.nonBlank(node, "tool_call_id", Fields.path(path, "tool_call_id"));
                if (content == null) {
                    throw Fields.missing(contentPath);
                }
                yield new Message(Role.TOOL, List.of(Part.text(joinedText(content, contentPath))), callId, null);
            }
            case USER -> {
                if (content == null) {
                    throw Fields.missing(contentPath);
                }
                yield new Message(Role.USER, parts(content, contentPath, true), null, null);
            }
            default -> {
                if (content == null) {
                    throw Fields.missing(contentPath);
                }
                yield new Message(role, parts(content, contentPath, false), null, null);
            }
        };
    }

    private static Message assistant(JsonNode node, String path, JsonNode content, String model, List<String> warnings) {
        String contentPath = Fields.path(path, "content");
        JsonNode callsNode = Fields.array(node, "tool_calls", Fields.path(path, "tool_calls"), false);
        List<ToolCall> calls = new ArrayList<>();
        if (callsNode != null) {
            for (int i = 0; i < callsNode.size(); i++) {
                calls.add(toolCall(callsNode.get(i), Fields.path(Fields.path(path, "tool_calls"), i), model, warnings));
            }
        }
        List<Part> parts = content == null ? List.of() : parts(content, contentPath, false);
        if (!calls.isEmpty() && parts.size() == 1 && parts.get(0) instanceof Part.Text t && t.text().isEmpty()) {
            parts = List.of(); // "content": "" beside tool calls says the same as null
        }
        if (parts.isEmpty() && calls.isEmpty()) {
            throw GatewayRequestException.invalid(contentPath,
                    "'" + contentPath + "' is required: an assistant message needs content, tool_calls or both");
        }
        return new Message(Role.ASSISTANT, parts, null, calls);
    }

    private static ToolCall toolCall(JsonNode node, String path, String model, List<String> warnings) {
        if (!node.isObject()) {
            throw Fields.wrongType(path, "a tool call object", node);
        }
        String type = Fields.string(node, "type", Fields.path(path, "type"), false);
        if (type != null && !type.equals("function")) {
            throw GatewayRequestException.invalid(Fields.path(path, "type"),
                    "'" + Fields.path(path, "type") + "' must be \"function\", got \"" + type + "\"");
        }
        String id = Fields.nonBlank(node, "id", Fields.path(path, "id"));
        String functionPath = Fields.path(path, "function");
        JsonNode function = Fields.object(node, "function", functionPath, true);
        String name = Fields.nonBlank(function, "name", Fields.path(functionPath, "name"));
        String arguments = Fields.string(function, "arguments", Fields.path(functionPath, "arguments"), false);
        return new ToolCall(id, name, arguments, signature(node, path, model, warnings));
    }

    /**
     * {@code extra_content.google.thought_signature}, issued by {@code extra_content.junction.provider},
     * else by the model's {@code provider/} prefix; dropped with a warning when neither names one,
     * since Junction sends a signature back only to the provider that issued it.
     */
    private static ThoughtSignature signature(JsonNode call, String path, String model, List<String> warnings) {
        String extraPath = Fields.path(path, "extra_content");
        JsonNode extra = Fields.object(call, "extra_content", extraPath, false);
        if (extra == null) {
            return null;
        }
        JsonNode google = Fields.object(extra, "google", Fields.path(extraPath, "google"), false);
        String value = google == null ? null
                : Fields.string(google, "thought_signature", Fields.path(extraPath, "google.thought_signature"), false);
        JsonNode junction = Fields.object(extra, "junction", Fields.path(extraPath, "junction"), false);
        String provider = junction == null ? null
                : Fields.string(junction, "provider", Fields.path(extraPath, "junction.provider"), false);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (provider == null || provider.isBlank()) {
            int slash = model.indexOf('/');
            provider = slash > 0 ? model.substring(0, slash) : null;
        }
        if (provider == null) {
            warnings.add(path + ": the thought signature was dropped because no provider is known to have issued it;"
                    + " send back extra_content.junction.provider as the gateway returned it, or name the model as provider/model");
            return null;
        }
        return new ThoughtSignature(provider, value);
    }

    /** A tool message's content: a string, or text parts joined. */
    private static String joinedText(JsonNode content, String path) {
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        for (Part part : parts(content, path, false)) {
            text.append(((Part.Text) part).text());
        }
        return text.toString();
    }

    /**
     * A string, or an array of parts.
     *
     * @param media whether media parts are allowed (user messages); elsewhere only text is
     */
    private static List<Part> parts(JsonNode content, String path, boolean media) {
        if (content.isTextual()) {
            return List.of(Part.text(content.textValue()));
        }
        if (!content.isArray()) {
            throw Fields.wrongType(path, "a string or an array of content parts", content);
        }
        if (content.isEmpty()) {
            throw GatewayRequestException.invalid(path, "'" + path + "' must hold at least one content part");
        }
        List<Part> parts = new ArrayList<>(content.size());
        for (int j = 0; j < content.size(); j++) {
            String partPath = Fields.path(path, j);
            JsonNode part = content.get(j);
            if (!part.isObject()) {
                throw Fields.wrongType(partPath, "a content part object such as {\"type\":\"text\",\"text\":\"Hi\"}", part);
            }
            String typePath = Fields.path(partPath, "type");
            String type = Fields.string(part, "type", typePath, true);
            if (type.equals("text")) {
                parts.add(Part.text(Fields.string(part, "text", Fields.path(partPath, "text"), true)));
            } else if (media && type.equals("image_url")) {
                parts.add(new Part.Media(imageUrl(part, partPath)));
            } else if (media && type.equals("input_audio")) {
                parts.add(new Part.Media(inputAudio(part, partPath)));
            } else if (media && type.equals("file")) {
                parts.add(new Part.Media(file(part, partPath)));
            } else {
                String allowed = media ? "text, image_url, input_audio or file" : "text";
                throw GatewayRequestException.invalid(typePath, "'" + typePath + "' must be " + allowed
                        + (media ? "" : " in this message's role") + ", got \"" + type + "\"");
            }
        }
        return parts;
    }

    private static MediaSource imageUrl(JsonNode part, String path) {
        String objectPath = Fields.path(path, "image_url");
        JsonNode image = Fields.object(part, "image_url", objectPath, true);
        String urlPath = Fields.path(objectPath, "url");
        String url = Fields.string(image, "url", urlPath, true);
        Fields.string(image, "detail", Fields.path(objectPath, "detail"), false);
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            return dataUri(url, urlPath);
        }
        String scheme = url.indexOf(':') > 0 ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw GatewayRequestException.invalid(urlPath, "'" + urlPath
                    + "' must be an http(s) URL or a data:TYPE;base64,… URI, got " + preview(url));
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                throw new URISyntaxException(url, "no host");
            }
            return new MediaSource.Url(uri, null);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw GatewayRequestException.invalid(urlPath, "'" + urlPath + "' is not a valid URL: " + preview(url));
        }
    }

    private static MediaSource inputAudio(JsonNode part, String path) {
        String objectPath = Fields.path(path, "input_audio");
        JsonNode audio = Fields.object(part, "input_audio", objectPath, true);
        String format = Fields.string(audio, "format", Fields.path(objectPath, "format"), true);
        String mediaType = switch (format) {
            case "wav" -> "audio/wav";
            case "mp3" -> "audio/mpeg";
            default -> throw GatewayRequestException.invalid(Fields.path(objectPath, "format"),
                    "'" + Fields.path(objectPath, "format") + "' must be wav or mp3, got \"" + format + "\"");
        };
        String dataPath = Fields.path(objectPath, "data");
        String data = Fields.string(audio, "data", dataPath, true);
        try {
            return new MediaSource.Bytes(Base64.getDecoder().decode(data), mediaType);
        } catch (IllegalArgumentException e) {
            throw GatewayRequestException.invalid(dataPath, "'" + dataPath + "' is not base64: " + e.getMessage()
                    + " (send the audio file's bytes base64-encoded, without a data: prefix)");
        }
    }

    private static MediaSource file(JsonNode part, String path) {
        String objectPath = Fields.path(path, "file");
        JsonNode file = Fields.object(part, "file", objectPath, true);
        Fields.string(file, "filename", Fields.path(objectPath, "filename"), false);
        String dataPath = Fields.path(objectPath, "file_data");
        if (Fields.get(file, "file_data") == null && Fields.get(file, "file_id") != null) {
            throw GatewayRequestException.invalid(GatewayRequestException.UNSUPPORTED_VALUE, Fields.path(objectPath, "file_id"),
                    "uploaded files (file_id) are not supported: send the file inline as file_data, a data:TYPE;base64,… URI");
        }
        String data = Fields.string(file, "file_data", dataPath, true);
        if (!data.regionMatches(true, 0, "data:", 0, 5)) {
            throw GatewayRequestException.invalid(dataPath, "'" + dataPath
                    + "' must be a data:TYPE;base64,… URI such as data:application/pdf;base64,JVBERi0…");
        }
        return dataUri(data, dataPath);
    }

    private static MediaSource dataUri(String uri, String path) {
        try {
            return new MediaSource.DataUri(uri);
        } catch (IllegalArgumentException e) {
            throw GatewayRequestException.invalid(path, "'" + path + "': " + e.getMessage());
        }
    }

    private static String preview(String url) {
        return "\"" + (url.length() > 60 ? url.substring(0, 60) + "…" : url) + "\"";
    }
}
