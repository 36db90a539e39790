package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.StreamPart;
import dev.junction.error.Attempt;
import dev.junction.error.JunctionException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance: with {@code maxRetries=1} in the config string, a documented retryable error is
 * repeated after the server's {@code Retry-After} (the same bytes sent again) and the call
 * succeeds, listing the failed attempt; a documented non-retryable error is sent once; a
 * {@code Retry-After} above {@code maxRetryDelay} fails at once; a stream that failed before its
 * first part is repeated. Waits are at most one second. Failures say {@code retries: …}.
 */
public abstract class RetryConformance extends ConformanceBase {

    /** The vendor's documented error table. */
    protected abstract List<DocumentedError> documentedErrors();

    /** The vendor's documented streams; the first one answers the repeated stream. */
    protected abstract List<DocumentedStream> documentedStreams();

    @Test
    void repeatsARetryableErrorAfterItsRetryAfterAndSucceeds() {
        DocumentedError row = retryableRow();
        serveInTurn(error(row, Map.of("Retry-After", "1")), sample());

        ChatResponse response = assertDoesNotThrow(() -> call(retrying(Map.of()), prompt(vendor().defaultModel(), "你好")),
                () -> "retries: " + row.describe() + " with maxRetries=1 should be repeated, and the repeat answers");

        List<LoggedRequest> requests = stub().requests();
        assertEquals(2, requests.size(), () -> "retries: " + row.describe() + " with maxRetries=1 should be sent twice");
        List<Attempt> failed = response.failedAttempts();
        assertAll("retries: " + row.describe(),
                () -> assertEquals(requests.get(0).getBodyAsString(), requests.get(1).getBodyAsString(), "the same body, repeated"),
                () -> assertEquals(1, failed.size(), () -> "the response lists the failed attempt: " + failed),
                () -> assertEquals(row.kind(), failed.get(0).kind(), "kind of the failed attempt"),
                () -> assertEquals(row.status(), failed.get(0).httpStatus(), "HTTP status of the failed attempt"),
                () -> assertEquals(Duration.ofSeconds(1), failed.get(0).waitedAfter(), "the wait is the server's Retry-After"));
    }

    @TestFactory
    Stream<DynamicTest> neverRepeatsANonRetryableError() {
        List<DocumentedError> rows = documentedErrors().stream().filter(r -> !r.retryable()).toList();
        assumeTrue(!rows.isEmpty(), "the error table documents no error that is not retryable");
        return rows.stream().map(row -> dynamicTest(row.describe(), () -> {
            stub().reset();
            serveInTurn(error(row, Map.of()), sample());

            JunctionException e = failure(retrying(Map.of()), prompt(vendor().defaultModel(), "你好"));

            assertEquals(row.kind(), e.kind(), "retries: kind");
            assertEquals(1, stub().requests().size(), () -> "retries: " + row.describe() + " must be sent once, even with maxRetries=1");
            assertEquals(1, e.attempts().size(), () -> "retries: the error lists its one attempt: " + e.attempts());
        }));
    }

    @Test
    void failsAtOnceWhenRetryAfterExceedsMaxRetryDelay() {
        DocumentedError row = retryableRow();
        serveInTurn(error(row, Map.of("Retry-After", "2")), sample());

        JunctionException e = failure(retrying(Map.of("maxRetryDelay", "1s")), prompt(vendor().defaultModel(), "你好"));

        assertEquals(1, stub().requests().size(), "retries: a Retry-After above maxRetryDelay is not waited for");
        assertEquals(row.kind(), e.kind(), "retries: kind");
        assertEquals(Optional.of(Duration.ofSeconds(2)), e.retryAfter(), "retries: the delay asked");
        assertTrue(e.getMessage().contains("maxRetryDelay"), () -> "retries: the message should say why it was not retried: " + e.getMessage());
    }

    @Test
    void repeatsAStreamThatFailedBeforeItsFirstPart() {
        assumeTrue(!documentedStreams().isEmpty(), () -> vendor().id() + " documents no stream");
        DocumentedStream doc = documentedStreams().get(0);
        DocumentedError row = retryableRow();
        serveInTurn(error(row, Map.of("Retry-After", "0")),
                new VendorStub.Reply(200, Fixtures.bytes(getClass(), doc.fixture()), VendorStub.SSE));

        StreamRecording recording = StreamRecording.of(retrying(Map.of()).stream(prompt(doc.model(), "你好"))).await(CALL_WAIT);

        assertEquals(List.of(), recording.exceptions(), "retries: the repeated stream must succeed");
        assertEquals(2, stub().requests().size(), "retries: the stream is sent twice");
        StreamPart.Start start = recording.partsOf(StreamPart.Start.class).get(0);
        assertEquals(1, start.failedAttempts().size(), () -> "retries: the Start part lists the failed attempt: " + start);
    }

    private ChatModel retrying(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("maxRetries", "1");
        return junction().chatModel(configString(vendor().defaultModel(), TEST_KEY, settings));
    }

    private DocumentedError retryableRow() {
        Optional<DocumentedError> row = documentedErrors().stream().filter(DocumentedError::retryable).findFirst();
        assumeTrue(row.isPresent(), "the error table documents no retryable error");
        return row.get();
    }

    private void serveInTurn(VendorStub.Reply... replies) {
        stub().replyInTurn(vendor().chatPath(), List.of(replies));
    }

    private static VendorStub.Reply error(DocumentedError row, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(VendorStub.JSON);
        all.putAll(headers);
        return new VendorStub.Reply(row.status(), row.body().getBytes(StandardCharsets.UTF_8), all);
    }

    private VendorStub.Reply sample() {
        return new VendorStub.Reply(200, Fixtures.bytes(getClass(), vendor().sampleReplyFixture()), VendorStub.JSON);
    }
}
