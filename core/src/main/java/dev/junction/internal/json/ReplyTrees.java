package dev.junction.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a reply body into a Jackson tree with the engine's lenient mapper. An ordinary body is
 * parsed as always, through a {@link BufferInputStream} rather than a copy. A large one (over {@link #LARGE_BODY}) is parsed where it lies
 * in the {@link Buffer}, and each huge string in it (a generated image's data URI, ≈28M characters
 * for 20 MiB) is left in the body as a {@link SpanTextNode} rather than built by Jackson: that
 * string cost 5.3× the image in Jackson's buffers and the {@code String}, and the copy of the body
 * 1.3× more. Jackson still reads every byte, so malformed JSON fails exactly as before.
 */
public final class ReplyTrees {
    /** Bodies up to 1 MiB take the ordinary path: their strings cost nothing worth avoiding. */
    public static final int LARGE_BODY = 1024 * 1024;
    /** In a large body, strings from 256 KiB of bytes on stay in the body. */
    static final int LARGE_STRING = 256 * 1024;

    private ReplyTrees() {
    }

    /**
     * The body's JSON tree: {@code JsonMappers.LENIENT.readTree} of its bytes, with huge strings of
     * a large body as {@link SpanTextNode}s.
     *
     * @return the tree; a missing node when the body holds no JSON value
     * @throws IOException when the body is not JSON
     */
    public static JsonNode read(Buffer body) throws IOException {
        return read(body, LARGE_BODY, LARGE_STRING);
    }

    /** {@link #read(Buffer)} with the thresholds given, so tests reach the large path with small bodies. */
    static JsonNode read(Buffer body, int largeBody, int largeString) throws IOException {
        if (body.length() <= largeBody) {
            // Read through a stream over the buffer: Jackson parses from its own recycled input
            // buffer, without a getBytes() copy of the body on every call.
            return JsonMappers.LENIENT.readTree(new BufferInputStream(body));
        }
        BufferBytes bytes = new BufferBytes(body);
        Map<String, SpanTextNode> spans = new IdentityHashMap<>();
        JsonParser source = JsonMappers.LENIENT.getFactory().createParser(bytes.stream(0, bytes.length()));
        try (JsonParser parser = new SpanParser(source, bytes, largeString, spans)) {
            JsonNode tree = JsonMappers.LENIENT.readTree(parser);
            if (tree == null) {
                return MissingNode.getInstance();
            }
            if (spans.isEmpty()) {
                return tree;
            }
            SpanTextNode root = tree.isTextual() ? spans.get(tree.textValue()) : null;
            if (root != null) {
                return root;
            }
            replace(tree, spans);
            return tree;
        }
    }

    /** Puts each span back where Jackson's tree holds its placeholder. */
    private static void replace(JsonNode node, Map<String, SpanTextNode> spans) {
        if (node instanceof ObjectNode object) {
            List<String> found = null;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (value.isContainerNode()) {
                    replace(value, spans);
                } else if (value.isTextual() && spans.containsKey(value.textValue())) {
                    if (found == null) {
                        found = new ArrayList<>(2);
                    }
                    found.add(field.getKey());
                }
            }
            if (found != null) {
                for (String name : found) {
                    object.set(name, spans.get(object.get(name).textValue()));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isContainerNode()) {
                    replace(value, spans);
                } else if (value.isTextual() && spans.containsKey(value.textValue())) {
                    array.set(i, spans.get(value.textValue()));
                }
            }
        }
    }

    /**
     * Hands Jackson's tree builder a placeholder for each huge string instead of its text; the
     * parser then skips the string's characters without buffering them. Each placeholder is a
     * distinct {@code String} instance, found again by identity, so no text in the reply can
     * be mistaken for one.
     */
    private static final class SpanParser extends JsonParserDelegate {
        private static final char[] PLACEHOLDER = "\u0000junction:span".toCharArray();

        private final BufferBytes bytes;
        private final int largeString;
        private final Map<String, SpanTextNode> spans;

        SpanParser(JsonParser source, BufferBytes bytes, int largeString, Map<String, SpanTextNode> spans) {
            super(source);
            this.bytes = bytes;
            this.largeString = largeString;
            this.spans = spans;
        }

        @Override
        public String getText() throws IOException {
            if (!delegate.hasToken(JsonToken.VALUE_STRING)) {
                return delegate.getText();
            }
            long offset = delegate.currentTokenLocation().getByteOffset();
            if (offset < 0 || offset >= bytes.length() || bytes.at((int) offset) != '"') {
                return delegate.getText();
            }
            int quote = (int) offset;
            int close = JsonStringSpan.close(bytes, quote);
            if (close < 0 || close - quote - 1 < largeString) {
                return delegate.getText();
            }
            String placeholder = new String(PLACEHOLDER);
            spans.put(placeholder, new SpanTextNode(bytes, quote, close));
            return placeholder;
        }
    }
}
