package dev.junction.gateway.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.chat.Usage;
import dev.junction.cost.Charge;
import dev.junction.cost.Cost;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;

/** Values and JSON assertions the codec tests share. */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    /** {@code {"city":"Paris"}} as a JSON string literal, the way {@code function.arguments} carries it. */
    static final String PARIS_ARGS = "\"{\\\"city\\\":\\\"Paris\\\"}\"";

    private Fixtures() {
    }

    /** Usage as acedata reports it: 100 in (10 cached), 50 out (20 reasoning), 150 total. */
    static Usage usage() {
        return new Usage(100L, 50L, 20L, null, 10L, null, 150L, "{}");
    }

    /** A cost whose total is {@code usd}, at the scale the price table gives (trailing zeros and all). */
    static Cost cost(String usd) {
        Charge total = new Charge(150, new BigDecimal(usd), null);
        return new Cost(total, total, null, null, null, null, null, null, null);
    }

    /** Double quotes from single quotes. */
    static String q(String json) {
        return json.replace('\'', '"');
    }

    /** Both sides parsed and compared as trees, and the actual text shown on failure. */
    static void assertSameJson(String expected, Buffer actual) {
        assertSameJson(expected, actual.toString());
    }

    static void assertSameJson(String expected, String actual) {
        try {
            JsonNode want = JSON.readTree(expected);
            JsonNode got = JSON.readTree(actual);
            assertEquals(want, got, () -> "expected " + want + "\n but got " + actual);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + actual, e);
        }
    }
}
