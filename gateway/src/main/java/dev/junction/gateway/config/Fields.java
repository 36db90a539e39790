package dev.junction.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads typed fields out of a JSON tree and collects a problem for each field that is wrong, so one
 * pass reports them all. Absent and {@code null} fields read as {@code null}: the caller applies its
 * default. A value is quoted back in a message only when it cannot be a secret.
 */
final class Fields {
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_ECHO = 40;

    private final List<ConfigException.Problem> problems = new ArrayList<>();

    /** The problems found so far, in order. */
    List<ConfigException.Problem> problems() {
        return problems;
    }

    /** Records a problem with the field at {@code path}. */
    void problem(String path, String message) {
        problems.add(new ConfigException.Problem(path, message));
    }

    /** Whether a problem was recorded for this path. */
    boolean hasProblem(String path) {
        return problems.stream().anyMatch(p -> p.field().equals(path));
    }

    /** {@code server.port}; {@code routes["gemini-2.5-pro"]} for a name that is not a plain word. */
    static String child(String path, String name) {
        if (SIMPLE_NAME.matcher(name).matches()) {
            return path.isEmpty() ? name : path + "." + name;
        }
        return path + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** {@code keys[1]}. */
    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** The node as a mapping, or {@code null} when absent, {@code null}, or not a mapping (a problem). */
    ObjectNode object(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            problem(path, "must be a mapping of fields, got " + describe(node));
            return null;
        }
        return (ObjectNode) node;
    }

    /** Records an unknown-field problem for each field of {@code object} not in {@code known}. */
    void onlyKnown(ObjectNode object, String path, String... known) {
        object.fieldNames().forEachRemaining(name -> {
            if (!Arrays.asList(known).contains(name)) {
                problem(child(path, name), unknownField(name, known));
            }
        });
    }

    /** "unknown field: did you mean "port"?", or the fields known there. */
    static String unknownField(String name, String... known) {
        String best = closest(name, known);
        return best != null ? "unknown field: did you mean \"" + best + "\"?"
                : "unknown field: the fields here are " + String.join(", ", known);
    }

    /** The known name the given one is most likely a misspelling of, or {@code null} when none is close. */
    static String closest(String name, String... known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = normalized(name).equals(normalized(k)) ? 0
                    : name.length() >= 3 && k.startsWith(name.toLowerCase(Locale.ROOT)) ? 1
                    : distance(name.toLowerCase(Locale.ROOT), k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The field's value, or {@code null} when absent; a field left empty ({@code port:}) is a problem. */
    private JsonNode present(ObjectNode object, String path, String field) {
        JsonNode node = object == null ? null : object.get(field);
        if (node != null && node.isNull()) {
            empty(child(path, field));
            return null;
        }
        return node;
    }

    /** Records that the field is there with no value. */
    void empty(String path) {
        problem(path, "is empty: give it a value, or leave it out for the default");
    }

    /** A string, or {@code null}; a non-string is a problem. */
    String text(ObjectNode object, String path, String field, String what) {
        JsonNode node = present(object, path, field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem(child(path, field), "must be " + what + ", got " + describe(node));
            return null;
        }
        return node.asText();
    }

    /** A whole number within [min, max], or {@code null}. */
    Long whole(ObjectNode object, String path, String field, long min, long max, String what) {
        JsonNode node = present(object, path, field);
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            if (value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.valueOf(min)) >= 0
                    && value.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return value.longValueExact();
            }
        }
        problem(child(path, field), "must be " + what + ", got " + describe(node));
        return null;
    }

    /** A number above zero, or {@code null}. */
    BigDecimal positive(ObjectNode object, String path, String field, String what) {
        JsonNode node = present(object, path, field);
        if (node == null) {
            return null;
        }
        if (node.isNumber() && node.decimalValue().signum() > 0) {
            return node.decimalValue();
        }
        problem(child(path, field), "must be " + what + ", got " + describe(node));
        return null;
    }

    /** A duration such as {@code 30s}, above zero unless {@code zeroAllowed}, or {@code null}. */
    Duration duration(ObjectNode object, String path, String field, boolean zeroAllowed) {
        JsonNode node = present(object, path, field);
        if (node == null) {
            return null;
        }
        Duration d = node.isTextual() ? Durations.parse(node.asText()) : null;
        if (d == null) {
            problem(child(path, field), "must be a duration such as 500ms, 30s, 5m or 1h, got " + describe(node));
            return null;
        }
        if (d.isZero() && !zeroAllowed) {
            problem(child(path, field), "must be longer than 0, got " + describe(node));
            return null;
        }
        return d;
    }

    /** true or false, or {@code null}. */
    Boolean bool(ObjectNode object, String path, String field) {
        JsonNode node = present(object, path, field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            problem(child(path, field), "must be true or false, got " + describe(node));
            return null;
        }
        return node.booleanValue();
    }

    /**
     * A list of strings, or {@code null}; each element that is not a string is a problem.
     *
     * @param nonEmpty whether an empty list is a problem ({@code emptyHint} says what to do instead)
     */
    List<String> strings(ObjectNode object, String path, String field, boolean nonEmpty, String emptyHint) {
        JsonNode node = present(object, path, field);
        if (node == null) {
            return null;
        }
        String p = child(path, field);
        if (!node.isArray()) {
            problem(p, "must be a list of strings, got " + describe(node));
            return null;
        }
        if (nonEmpty && node.isEmpty()) {
            problem(p, "must not be empty: " + emptyHint);
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (element.isTextual() && !element.asText().isBlank()) {
                out.add(element.asText());
            } else {
                problem(index(p, i), "must be a non-empty string, got " + describe(element));
            }
        }
        return out;
    }

    /**
     * The value for a message: a short string quoted, a number or boolean as written; otherwise
     * its kind. A string that may be a secret (long, or shaped like a key) is shown by length only.
     */
    static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            String s = node.asText();
            return looksSecret(s) ? "a string of " + s.length() + " characters" : quoted(s);
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        return node.isArray() ? "a list" : "a mapping";
    }

    /** Whether the text might be a key: too long to be a setting, or shaped like one. */
    static boolean looksSecret(String s) {
        return s.length() > MAX_ECHO || s.startsWith(KeyHashes.KEY_PREFIX) || s.startsWith("sk-") || s.startsWith("AIza");
    }

    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
