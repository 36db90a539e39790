package dev.junction.spi.openai;

import static dev.junction.spi.openai.VendorProfileReader.bad;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a profile's optional dialect fields ({@code auth}, {@code mediaPart}, {@code reply},
 * {@code errorEnvelope}) into {@link DialectFields}, with the same strictness as the rest of the
 * profile: every mistake names the resource, the field and the fix.
 */
final class DialectFieldsReader {
    /** The top-level profile fields this reader owns. */
    static final List<String> FIELDS = List.of("auth", "mediaPart", "reply", "errorEnvelope");

    private static final List<String> AUTH_FIELDS = List.of("scheme", "header");
    private static final List<String> REPLY_FIELDS = List.of("reasoningFields", "imagesField");
    private static final List<String> ENVELOPE_FIELDS = List.of("when", "code", "message", "type", "traceId");
    private static final List<String> MATCH_FIELDS = List.of("pointer", "equals", "present");
    /** RFC 9110 token characters: anything else in a header name would fail only when the first call is sent. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private DialectFieldsReader() {
    }

    static DialectFields read(JsonNode root, String resource) {
        DialectFields d = DialectFields.OPENAI;
        JsonNode reply = object(root.get("reply"), "reply", REPLY_FIELDS, "{\"reasoningFields\": [\"reasoning_content\"]}", resource);
        return new DialectFields(
                auth(root.get("auth"), resource),
                mediaPart(root.get("mediaPart"), resource),
                reply == null ? d.reasoningFields() : reasoningFields(reply.get("reasoningFields"), resource),
                reply == null ? d.imagesField() : text(reply.get("imagesField"), "reply.imagesField", d.imagesField(), resource),
                errorEnvelope(root.get("errorEnvelope"), resource));
    }

    private static DialectFields.Auth auth(JsonNode node, String resource) {
        JsonNode auth = object(node, "auth", AUTH_FIELDS, "{\"scheme\": \"raw\", \"header\": \"x-api-key\"}", resource);
        if (auth == null) {
            return DialectFields.Auth.BEARER;
        }
        String scheme = text(auth.get("scheme"), "auth.scheme", "bearer", resource);
        if (!scheme.equals("bearer") && !scheme.equals("raw")) {
            throw bad(resource, "auth.scheme", "must be \"bearer\" (Bearer KEY) or \"raw\" (the key alone), got \"" + scheme + "\"");
        }
        String header = text(auth.get("header"), "auth.header", DialectFields.Auth.BEARER.header(), resource);
        if (!HEADER_NAME.matcher(header).matches()) {
            throw bad(resource, "auth.header", "\"" + header + "\" is not a valid HTTP header name; use letters, digits and -,"
                    + " such as \"x-api-key\"");
        }
        return new DialectFields.Auth(header, scheme.equals("bearer"));
    }

    private static DialectFields.MediaPartStyle mediaPart(JsonNode node, String resource) {
        if (node == null || node.isNull()) {
            return DialectFields.MediaPartStyle.IMAGE_URL;
        }
        for (DialectFields.MediaPartStyle style : DialectFields.MediaPartStyle.values()) {
            if (node.isTextual() && node.asText().equals(style.wireName())) {
                return style;
            }
        }
        throw bad(resource, "mediaPart", "must be \"image_url\" ({\"type\":\"image_url\",\"image_url\":{\"url\":…}}) or"
                + " \"image\" ({\"type\":\"image\",\"image\":\"data:…\"}), got " + node);
    }

    private static List<String> reasoningFields(JsonNode node, String resource) {
        if (node == null || node.isNull()) {
            return DialectFields.OPENAI.reasoningFields();
        }
        String field = "reply.reasoningFields";
        if (!node.isArray() || node.isEmpty()) {
            throw bad(resource, field, "must be a non-empty array of field names, such as [\"reasoning_content\"]");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            names.add(text(node.get(i), field + "[" + i + "]", null, resource));
        }
        return names;
    }

    private static DialectFields.ErrorEnvelope errorEnvelope(JsonNode node, String resource) {
        DialectFields.ErrorEnvelope d = DialectFields.ErrorEnvelope.OPENAI;
        JsonNode env = object(node, "errorEnvelope", ENVELOPE_FIELDS, "{\"traceId\": \"/trace_id\"}", resource);
        if (env == null) {
            return d;
        }
        List<DialectFields.ErrorMatch> when = new ArrayList<>();
        JsonNode matches = env.get("when");
        if (matches != null && !matches.isNull()) {
            if (!matches.isArray()) {
                throw bad(resource, "errorEnvelope.when", "must be an array such as [{\"pointer\": \"/success\", \"equals\": false}]");
            }
            for (int i = 0; i < matches.size(); i++) {
                when.add(match(matches.get(i), "errorEnvelope.when[" + i + "]", resource));
            }
        }
        return new DialectFields.ErrorEnvelope(when,
                pointer(env.get("code"), "errorEnvelope.code", d.code(), resource),
                pointer(env.get("message"), "errorEnvelope.message", d.message(), resource),
                pointer(env.get("type"), "errorEnvelope.type", d.type(), resource),
                pointer(env.get("traceId"), "errorEnvelope.traceId", d.traceId(), resource));
    }

    private static DialectFields.ErrorMatch match(JsonNode node, String field, String resource) {
        object(node, field, MATCH_FIELDS, "{\"pointer\": \"/success\", \"equals\": false}", resource);
        if (node == null || node.isNull()) {
            throw bad(resource, field, "must be an object such as {\"pointer\": \"/success\", \"equals\": false}");
        }
        JsonPointer pointer = pointer(node.get("pointer"), field + ".pointer", null, resource);
        if (pointer == null) {
            throw bad(resource, field + ".pointer", "is required: the JSON Pointer of the value to test, such as \"/success\"");
        }
        JsonNode equals = node.get("equals");
        JsonNode present = node.get("present");
        if ((equals == null) == (present == null)) {
            throw bad(resource, field, "needs exactly one of \"equals\" (a value) or \"present\": true");
        }
        if (present != null) {
            if (!present.isBoolean() || !present.asBoolean()) {
                throw bad(resource, field + ".present", "must be true (leave it out to test a value with \"equals\")");
            }
            return new DialectFields.ErrorMatch(pointer, null);
        }
        if (!equals.isValueNode()) {
            throw bad(resource, field + ".equals", "must be a string, number, true, false or null, not " + equals.getNodeType());
        }
        return new DialectFields.ErrorMatch(pointer, (ValueNode) equals);
    }

    private static JsonPointer pointer(JsonNode node, String field, JsonPointer fallback, String resource) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        String text = node.isTextual() ? node.asText() : "";
        if (!text.startsWith("/")) {
            throw bad(resource, field, "must be a JSON Pointer starting with /, such as \"/error/code\", got " + node);
        }
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw bad(resource, field, "is not a valid JSON Pointer (" + e.getMessage() + "); escape ~ as ~0 and / as ~1");
        }
    }

    /** The node as an object whose keys are all known, or {@code null} when absent. */
    private static JsonNode object(JsonNode node, String field, List<String> known, String example, String resource) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw bad(resource, field, "must be an object such as " + example);
        }
        ProfileKeys.check(node, known, field + ".", resource);
        return node;
    }

    private static String text(JsonNode node, String field, String fallback, String resource) {
        if ((node == null || node.isNull()) && fallback != null) {
            return fallback;
        }
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw bad(resource, field, "must be a non-empty string");
        }
        return node.asText();
    }
}
