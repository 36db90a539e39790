package dev.junction.internal.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Writes a small JSON tree as the same compact text as {@link JsonNode#toString()}, into one
 * {@link StringBuilder}. {@code toString()} sets up a Jackson writer and generator each time, which
 * for a reply's {@code usage} object (kept verbatim on every response) cost more than the text itself.
 */
public final class CompactJson {
    private CompactJson() {
    }

    /** The node as compact JSON, exactly as {@link JsonNode#toString()} writes it. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(64);
        return append(out, node) ? out.toString() : node.toString();
    }

    /** Appends {@code node}; {@code false} for a kind of node left to Jackson (binary, POJO, missing). */
    private static boolean append(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(out, field.getKey()).append(':');
                    if (!append(out, field.getValue())) {
                        return false;
                    }
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    if (!append(out, node.get(i))) {
                        return false;
                    }
                }
                out.append(']');
            }
            case STRING -> quote(out, node.textValue());
            case NUMBER -> {
                if (node.isInt() || node.isLong()) {
                    out.append(node.longValue());
                } else {
                    // Double, float, BigInteger and BigDecimal print as their own toString, as Jackson writes them.
                    out.append(node.numberValue());
                }
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> {
                return false;
            }
        }
        return true;
    }

    private static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"');
    }
}
