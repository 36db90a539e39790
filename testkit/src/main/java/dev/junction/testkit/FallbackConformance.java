package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatResponse;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance: in a fallback ({@code Junction.chatModel(first, next)}), each documented error of
 * the vendor falls through to the next provider — retryable, key, billing and permission errors
 * alike — except INVALID_REQUEST, which ends the fallback since the request itself is wrong. The
 * next provider is the same vendor on a second stub path, so that the check needs no other vendor
 * module. Each row gets a fresh Junction, so that no row's failures cool the provider down for the
 * next. Failures say {@code fallback eligibility: …}.
 */
public abstract class FallbackConformance extends ConformanceBase {
    /** Where the next provider's stub answers, in front of the documented path. */
    private static final String NEXT = "/next-provider";

    /** The vendor's documented error table. */
    protected abstract List<DocumentedError> documentedErrors();

    @TestFactory
    Stream<DynamicTest> fallsThroughOnEveryDocumentedErrorButAnInvalidRequest() {
        return documentedErrors().stream().map(row -> dynamicTest(row.describe(), () -> {
            stub().reset();
            replyWith(row.status(), row.body(), VendorStub.JSON);
            String nextPath = NEXT + vendor().chatPath();
            stub().reply(nextPath, 200, Fixtures.bytes(getClass(), vendor().sampleReplyFixture()), VendorStub.JSON);
            String model = vendor().defaultModel();

            try (Junction fresh = newJunction(Map.of())) {
                ChatModel fallback = fresh.chatModel(configString(model, TEST_KEY),
                        configString(model, TEST_KEY, Map.of("baseUrl", stub().url(NEXT + vendor().basePath()))));
                String what = "fallback eligibility: " + row.describe() + ": ";
                if (row.kind() == ErrorKind.INVALID_REQUEST) {
                    JunctionException e = assertThrows(JunctionException.class, () -> call(fresh, fallback, prompt(model, "你好")),
                            what + "an invalid request must end the fallback");
                    assertAll(what + "an invalid request ends the fallback",
                            () -> assertEquals(ErrorKind.INVALID_REQUEST, e.kind(), "kind"),
                            () -> assertEquals(List.of(), stub().requests(nextPath), "nothing may reach the next provider"));
                } else {
                    ChatResponse response = assertDoesNotThrow(() -> call(fresh, fallback, prompt(model, "你好")),
                            what + "must fall through to the next provider, which answers");
                    assertAll(what + "must fall through to the next provider",
                            () -> assertEquals(1, stub().requests(nextPath).size(), "requests to the next provider"),
                            () -> assertEquals(1, stub().requests(vendor().chatPath()).size(), "requests to the first"),
                            () -> assertEquals(1, response.failedAttempts().size(), () -> "failed attempts: " + response.failedAttempts()),
                            () -> assertEquals(row.kind(), response.failedAttempts().get(0).kind(), "kind of the failed attempt"));
                }
            }
        }));
    }
}
