package dev.junction.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The text as a JSON object, or empty when it is not JSON or holds another kind of value. */
    static Optional<ObjectNode> parseObject(String text) {
        try {
            return READER.readTree(text) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Writes the document on one line. */
    static void print(PrintStream out, JsonNode document) {
        try {
            out.println(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises; reaching this is a bug, not a user error.
            throw new UncheckedIOException(e);
        }
    }
}
