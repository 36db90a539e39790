package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ChatResponse;
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
                assertTrue(response.warnings().stream().anyMatch(w -> w.contains(where) && w.contains("JUNCTION_PRICES") && w.contains("Junction.builder().price(")),
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
        ReplyAssertions.assertReading(vendor(), expected, actual, docId, doc.path("usage"));
    }
}
