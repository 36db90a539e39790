package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance: every documented reply, served byte for byte, becomes the expected canonical
 * {@link ChatResponse}: text, reasoning, finish reason (unified and raw), usage, model names, images,
 * cost and warnings. Vendors without published prices must return no cost and a warning that says
 * how to register a price.
 */
public abstract class ChatReplyConformance extends ConformanceBase {

    /** The vendor's documented replies and their expected readings. */
    protected abstract List<DocumentedReply> documentedReplies();

    @Test
    void declaresAtLeastOneDocumentedReply() {
        assertFalse(documentedReplies().isEmpty(), "supply the vendor's documented replies");
    }

    @TestFactory
    Stream<DynamicTest> readsEveryDocumentedReply() {
        return documentedReplies().stream().map(reply -> dynamicTest(reply.name(), () -> {
            stub().reset();
            ChatResponse response = call(reply);
            assertReading(reply, response);
        }));
    }

    @TestFactory
    Stream<DynamicTest> costsCallsOnlyWithAPublishedPrice() {
        return documentedReplies().stream().map(reply -> dynamicTest(reply.name(), () -> {
            stub().reset();
            ChatResponse response = call(reply);
            if (vendor().publishesPrices()) {
                assertNotNull(response.cost(), "the vendor publishes prices, so every call has a cost");
            } else {
                assertNull(response.cost(), "the vendor publishes no price, so the cost must be unknown");
                String where = vendor().id() + ":" + reply.canonicalModel();
                assertTrue(response.warnings().stream().anyMatch(w -> w.contains(where) && w.contains("Junction.builder().price(")),
                        () -> "expected a warning naming " + where + " and how to register a price: " + response.warnings());
            }
        }));
    }

    /** Serves the reply's fixture and calls the model it names. */
    protected ChatResponse call(DocumentedReply reply) {
        replyWithFixture(reply.fixture());
        return call(chatModel(reply.model()), prompt(reply.model(), "documented example: " + reply.name()));
    }

    /** Asserts every field of the response against the expectation and the fixture. */
    protected void assertReading(DocumentedReply expected, ChatResponse actual) {
        JsonNode doc = Fixtures.json(getClass(), expected.fixture());
        String docId = doc.path("id").isTextual() ? doc.path("id").asText() : null;
        assertAll(expected.name(),
                () -> assertEquals(vendor().id(), actual.provider(), "provider"),
                () -> assertEquals(docId, actual.id(), "id"),
                () -> assertEquals(expected.canonicalModel(), actual.model(), "canonical model"),
                () -> assertEquals(expected.vendorModel(), actual.vendorModel(), "vendor model"),
                () -> assertEquals(expected.text(), actual.text(), "text"),
                () -> assertEquals(expected.reasoning(), actual.reasoning(), "reasoning"),
                () -> assertEquals(expected.finishReason(), actual.finishReason(), "finish reason"),
                () -> assertEquals(expected.rawFinishReason(), actual.rawFinishReason(), "raw finish reason"),
                () -> assertUsage(expected.usage(), actual.usage(), doc.path("usage")),
                () -> assertEquals(expected.images(), actual.images(), "images"),
                () -> assertCost(expected.cost(), actual.cost(), expected.canonicalModel()),
                () -> assertWarnings(expected.warnings(), actual.warnings()));
    }

    private static void assertUsage(Usage expected, Usage actual, JsonNode docUsage) {
        assertAll("usage",
                () -> assertEquals(expected.inputTokens(), actual.inputTokens(), "input tokens"),
                () -> assertEquals(expected.outputTokens(), actual.outputTokens(), "output tokens"),
                () -> assertEquals(expected.reasoningTokens(), actual.reasoningTokens(), "reasoning tokens"),
                () -> assertEquals(expected.imageTokens(), actual.imageTokens(), "image tokens"),
                () -> assertEquals(expected.cachedTokens(), actual.cachedTokens(), "cached tokens"),
                () -> assertEquals(expected.totalTokens(), actual.totalTokens(), "total tokens"),
                () -> {
                    if (docUsage.isObject()) {
                        assertNotNull(actual.rawJson(), "the vendor's usage object should be kept verbatim");
                        assertEquals(docUsage, Fixtures.parse(actual.rawJson()), "raw usage JSON");
                    } else {
                        assertNull(actual.rawJson(), "the reply has no usage object");
                    }
                });
    }

    private void assertCost(DocumentedReply.ExpectedCost expected, Cost actual, String canonicalModel) {
        if (expected == null) {
            assertNull(actual, "cost");
            return;
        }
        assertNotNull(actual, "cost");
        assertAll("cost",
                () -> assertExactly(expected.usd(), actual.usd(), "USD"),
                () -> {
                    if (expected.credits() == null) {
                        assertNull(actual.credits(), "credits");
                    } else {
                        assertExactly(expected.credits(), actual.credits(), "credits");
                    }
                },
                () -> assertExactly(actual.usd(), actual.inputUsd().add(actual.outputUsd()), "input + output = total"),
                () -> assertEquals(vendor().id(), actual.price().provider(), "price row provider"),
                () -> assertEquals(canonicalModel, actual.price().model(), "price row model"));
    }

    private static void assertExactly(BigDecimal expected, BigDecimal actual, String what) {
        assertNotNull(actual, what);
        assertEquals(0, expected.compareTo(actual), () -> what + ": expected exactly " + expected.toPlainString()
                + " but was " + actual.toPlainString());
    }

    private static void assertWarnings(List<String> fragments, List<String> actual) {
        assertEquals(fragments.size(), actual.size(), () -> "expected warnings containing " + fragments + " but got " + actual);
        for (int i = 0; i < fragments.size(); i++) {
            String fragment = fragments.get(i);
            String warning = actual.get(i);
            assertTrue(warning.contains(fragment), () -> "warning " + warning + " should contain " + fragment);
        }
    }
}
