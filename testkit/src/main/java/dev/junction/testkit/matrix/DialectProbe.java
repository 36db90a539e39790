package dev.junction.testkit.matrix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.chat.MediaSource;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.error.JunctionException;
import dev.junction.spi.ApiKey;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.MediaPartContext;
import dev.junction.spi.openai.VendorError;
import io.vertx.core.MultiMap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Asks a {@link Dialect} what it does by calling its hooks with small sample inputs, so that the
 * quirk matrix states what the code does rather than what someone wrote about it.
 */
final class DialectProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    /** The smallest PNG header: enough for media-type sniffing, and the base64 is elided anyway. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
    private static final Pattern BASE64_PAYLOAD = Pattern.compile("(;base64,)[A-Za-z0-9+/=]+");
    private static final String REASONING = "probe-reasoning";

    /** Reply shapes that carry reasoning, by where it sits. */
    private static final Map<String, String> REASONING_SHAPES = ordered(
            "`reasoning_content`", "{\"content\":\"a\",\"reasoning_content\":\"" + REASONING + "\"}",
            "`reasoning`", "{\"content\":\"a\",\"reasoning\":\"" + REASONING + "\"}",
            "`<thought>` in `content`", "{\"content\":\"<thought>" + REASONING + "</thought>a\"}");

    /** Error envelopes seen in the wild, by name; each carries code {@code c1}, message {@code m1}, trace {@code t1}. */
    private static final Map<String, String> ERROR_SHAPES = ordered(
            "OpenAI `{\"error\":{code,message,type}}`", "{\"error\":{\"code\":\"c1\",\"message\":\"m1\",\"type\":\"t\"}}",
            "`{\"success\":false,\"error\":{code,message},\"trace_id\"}`",
            "{\"success\":false,\"error\":{\"code\":\"c1\",\"message\":\"m1\"},\"trace_id\":\"t1\"}",
            "Google `[{\"error\":{code,message,status}}]` (status as the code)",
            "[{\"error\":{\"code\":400,\"message\":\"m1\",\"status\":\"c1\"}}]");

    private final Dialect dialect;
    private final String provider;

    DialectProbe(Dialect dialect, String provider) {
        this.dialect = dialect;
        this.provider = provider;
    }

    /** The headers {@link Dialect#authenticate} sets for a key, the key shown as {@code KEY}. */
    String keyHeaders() {
        String key = "probe-key-7f3a";
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        dialect.authenticate(headers, ApiKey.of(key));
        List<String> set = new ArrayList<>();
        headers.forEach((name, value) -> set.add("`" + name + ": " + value.replace(key, "KEY") + "`"));
        return set.isEmpty() ? "—" : String.join(", ", set);
    }

    /** The part written for an inline PNG, base64 elided. */
    String inlineImagePart() {
        return mediaPart(new MediaSource.Bytes(PNG, "image/png"));
    }

    /** The part written for an image URL, or why the dialect refuses one. */
    String urlImagePart() {
        return mediaPart(new MediaSource.Url(URI.create("https://example.com/cat.png"), "image/png"));
    }

    private String mediaPart(MediaSource source) {
        try {
            String json = write(g -> dialect.writeMediaPart(g, source, new MediaPartContext(provider, 0, 0, "image/png")));
            return "`" + BASE64_PAYLOAD.matcher(json).replaceAll("$1…") + "`";
        } catch (JunctionException e) {
            return "refused (" + e.kind() + ")";
        }
    }

    /**
     * The fields written for one model at effort HIGH, with thoughts asked for or not, or "—"
     * when nothing is written.
     */
    String reasoningRequest(String vendorModel, boolean thoughts) {
        String json = write(g -> {
            g.writeStartObject();
            dialect.writeReasoning(g, new ReasoningSettings(ReasoningEffort.HIGH, thoughts ? Boolean.TRUE : null), vendorModel);
            g.writeEndObject();
        });
        return json.equals("{}") ? "—" : "`" + json + "`";
    }

    /** The dotted paths of every field {@link #reasoningRequest} writes, such as {@code reasoning_effort}. */
    List<String> reasoningFieldPaths(String vendorModel, boolean thoughts) {
        String written = reasoningRequest(vendorModel, thoughts);
        List<String> paths = new ArrayList<>();
        if (!written.equals("—")) {
            leaves(parse(written.substring(1, written.length() - 1)), "", paths);
        }
        return paths;
    }

    private static void leaves(JsonNode node, String prefix, List<String> paths) {
        if (!node.isObject()) {
            paths.add(prefix);
            return;
        }
        node.fields().forEachRemaining(e -> leaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), paths));
    }

    /** Where the dialect finds reasoning in a reply message. */
    String reasoningReply() {
        List<String> found = new ArrayList<>();
        REASONING_SHAPES.forEach((where, message) -> {
            String text = dialect.readReasoning(parse(message));
            if (text != null && text.contains(REASONING)) {
                found.add(where);
            }
        });
        return found.isEmpty() ? "—" : String.join(", ", found);
    }

    /** Whether images in {@code message.images[]} are read. */
    boolean readsImageArray() {
        JsonNode message = parse("{\"images\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\"}}]}");
        return !dialect.readImages(message, new ArrayList<>()).isEmpty();
    }

    /** The web-search tool entry, or "—" when the dialect has none. */
    String webSearchTool() {
        try {
            return "`" + write(g -> dialect.writeWebSearchTool(g, provider)) + "`";
        } catch (JunctionException e) {
            return "—";
        }
    }

    /** The error envelopes the dialect reads fully (code and message), noting a kept trace id. */
    String errorEnvelopes() {
        List<String> read = new ArrayList<>();
        ERROR_SHAPES.forEach((name, body) -> {
            JsonNode node = parse(body);
            if (!dialect.isErrorBody(node)) {
                return;
            }
            VendorError error = dialect.readError(node);
            if ("c1".equals(error.code()) && "m1".equals(error.message())) {
                read.add(name + ("t1".equals(error.traceId()) ? " (trace id kept)" : ""));
            }
        });
        return read.isEmpty() ? "—" : String.join("; ", read);
    }

    private interface Writing {
        void accept(JsonGenerator json) throws IOException;
    }

    private static String write(Writing writing) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writing.accept(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
