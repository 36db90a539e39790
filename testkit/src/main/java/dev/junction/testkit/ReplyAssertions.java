package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
import java.math.BigDecimal;
import java.util.List;

/** Field-by-field checks of a {@link ChatResponse} against a {@link DocumentedReply}, shared by reply and stream conformance. */
final class ReplyAssertions {
    private ReplyAssertions() {
    }

    /**
     * Asserts every field of the response.
     *
     * @param docId the completion id the documented body carries, or {@code null}
     * @param docUsage the documented {@code usage} object (a missing node when there is none)
     */
    static void assertReading(VendorDeclaration vendor, DocumentedReply expected, ChatResponse actual, String docId, JsonNode docUsage) {
        assertAll(expected.name(),
                () -> assertEquals(vendor.id(), actual.provider(), "provider"),
                () -> assertEquals(docId, actual.id(), "id"),
                () -> assertEquals(expected.canonicalModel(), actual.model(), "canonical model"),
                () -> assertEquals(expected.vendorModel(), actual.vendorModel(), "vendor model"),
                () -> assertEquals(expected.text(), actual.text(), "text"),
                () -> assertEquals(expected.reasoning(), actual.reasoning(), () -> expected.reasoning() != null && actual.reasoning() == null
                        ? "reasoning dropped: the documented reasoning is missing from the response" : "reasoning"),
                () -> assertEquals(expected.finishReason(), actual.finishReason(), "finish reason"),
                () -> assertEquals(expected.rawFinishReason(), actual.rawFinishReason(), "raw finish reason"),
                () -> assertUsage(expected.usage(), actual.usage(), docUsage),
                () -> assertEquals(expected.images(), actual.images(), "images"),
                () -> assertCost(vendor, expected.cost(), actual.cost(), expected.canonicalModel()),
                () -> assertWarnings(expected.warnings(), actual.warnings()));
    }

    static void assertUsage(Usage expected, Usage actual, JsonNode docUsage) {
        assertAll("usage",
                () -> assertEquals(expected.inputTokens(), actual.inputTokens(), "input tokens"),
                () -> assertEquals(expected.outputTokens(), actual.outputTokens(), "output tokens"),
                () -> assertEquals(expected.reasoningTokens(), actual.reasoningTokens(), "reasoning tokens"),
                () -> assertEquals(expected.imageTokens(), actual.imageTokens(), "image tokens"),
                () -> assertEquals(expected.cachedTokens(), actual.cachedTokens(), "cached tokens"),
                () -> assertEquals(expected.audioInputTokens(), actual.audioInputTokens(), "audio input tokens"),
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

    static void assertCost(VendorDeclaration vendor, DocumentedReply.ExpectedCost expected, Cost actual, String canonicalModel) {
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
                () -> assertEquals(vendor.id(), actual.price().provider(), "price row provider"),
                () -> assertEquals(canonicalModel, actual.price().model(), "price row model"));
    }

    static void assertExactly(BigDecimal expected, BigDecimal actual, String what) {
        assertNotNull(actual, what);
        assertEquals(0, expected.compareTo(actual), () -> what + ": expected exactly " + expected.toPlainString()
                + " but was " + actual.toPlainString());
    }

    /** One warning per fragment, in order, each containing its fragment. */
    static void assertWarnings(List<String> fragments, List<String> actual) {
        assertEquals(fragments.size(), actual.size(), () -> "expected warnings containing " + fragments + " but got " + actual);
        for (int i = 0; i < fragments.size(); i++) {
            String fragment = fragments.get(i);
            String warning = actual.get(i);
            assertTrue(warning.contains(fragment), () -> "warning " + warning + " should contain " + fragment);
        }
    }
}
