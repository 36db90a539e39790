package dev.junction.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Optional;

/** The one JSON configuration of the command line: compact, one document per line, exact decimals. */
final class CliJson {
    /** Money stays a BigDecimal and is written in plain notation, never as {@code 4.224E-4}. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Reads model-written JSON without rounding its numbers, and refuses anything after the first value. */
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(NODES)
            .build();

    private CliJson() {
    }

    /**
     * How far a decimal's point may sit from its digits before the number counts as absurd: beyond
     * this its plain form runs to more than a thousand characters, which Jackson's plain writer
     * refuses past 9,999 and its reader refuses past 1,000 digits. Money never comes near it; only
     * a vendor's odd reply (a balance of {@code 1e10000}) does.
     */
    static final int MAX_PLAIN_SCALE = 1000;

    /** A new empty object. */
    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** The nodes factory, for arrays. */
    static JsonNodeFactory nodes() {
        return NODES;
    }

    /** An exact decimal without trailing zeros ({@code 0.00042240} becomes {@code 0.0004224}), or {@code null}. */
    static BigDecimal decimal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // stripTrailingZeros turns 100 into 1E+2; the plain writer prints that as 100 anyway,
        // but a non-negative scale keeps the value itself tidy.
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Whether the value's plain notation would be absurdly long; see {@link #MAX_PLAIN_SCALE}. */
    static boolean absurd(BigDecimal value) {
        int scale = value.stripTrailingZeros().scale();
        return scale > MAX_PLAIN_SCALE || scale < -MAX_PLAIN_SCALE;
    }

    /**
     * The value as an exact JSON number: in plain notation as {@link #decimal} has it, or, for an
     * {@linkplain #absurd absurd} one, in scientific notation ({@code 1E+10000}), still an exact
     * JSON number rather than a thousand-digit line or a crash.
     */
    static JsonNode number(BigDecimal value) {
        if (value == null) {
            return NODES.nullNode();
        }
        return absurd(value) ? NODES.rawValueNode(new RawValue(value.stripTrailingZeros().toString()))
                : NODES.numberNode(decimal(value));
    }

    /**
     * Whether {@link #text} can write the tree in plain notation: every number in it is sane and
     * writing it succeeds. For trees parsed from a vendor's reply, which may hold anything.
     */
    static boolean writable(JsonNode node) {
        if (hasAbsurdNumber(node)) {
            return false;
        }
        try {
            text(node);
            return true;
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasAbsurdNumber(JsonNode node) {
        if (node.isBigDecimal() || node.isFloatingPointNumber()) {
            return absurd(node.decimalValue());
        }
        for (JsonNode child : node) {
            if (hasAbsurdNumber(child)) {
                return true;
            }
        }
        return false;
    }

    /** The text as a JSON object, or empty when it is not JSON or holds another kind of value. */
    static Optional<ObjectNode> parseObject(String text) {
        return parse(text).filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast);
    }

    /** The text as one JSON value of any kind, or empty when it is not exactly one JSON value. */
    static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = READER.readTree(text);
            // readTree answers an empty text with a MissingNode rather than an error.
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The document as compact JSON text. */
    static String text(JsonNode document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises; reaching this is a bug, not a user error.
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the document on one line. */
    static void print(PrintStream out, JsonNode document) {
        out.println(text(document));
    }
}
