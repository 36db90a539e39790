package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.ProviderFactory;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance: every documented error code maps to its canonical kind with provider, HTTP status,
 * vendor code, retryability and trace id kept, and {@code Retry-After} becomes
 * {@link JunctionException#retryAfter()}.
 */
public abstract class ErrorMatrixConformance extends ConformanceBase {

    /** The vendor's documented error table. */
    protected abstract List<DocumentedError> documentedErrors();

    @TestFactory
    Stream<DynamicTest> mapsEveryDocumentedErrorCode() {
        List<DocumentedError> rows = documentedErrors();
        return IntStream.range(0, rows.size()).mapToObj(i -> dynamicTest(rows.get(i).describe(), () -> {
            DocumentedError row = rows.get(i);
            long seconds = 7L * (i + 1);
            JunctionException e = failWith(row, row.status(), Map.of("Retry-After", Long.toString(seconds)));
            assertMapped(row, e, row.status());
            assertEquals(Optional.of(Duration.ofSeconds(seconds)), e.retryAfter(), "Retry-After");
        }));
    }

    @TestFactory
    Stream<DynamicTest> mapsAnErrorEnvelopeSentWithHttp200ByItsCode() {
        return documentedErrors().stream().map(row -> dynamicTest(row.vendorCode() + " with HTTP 200", () -> {
            JunctionException e = failWith(row, 200, Map.of());
            assertMapped(row, e, 200);
        }));
    }

    @Test
    void declaresEveryCodeTheProfileMaps() {
        Optional<ProviderFactory> factory = factory();
        Assumptions.assumeTrue(factory.isPresent(), () -> "no ProviderFactory of " + vendor().id() + " is reachable to read its profile");
        Assumptions.assumeTrue(factory.get() instanceof OpenAiCompatibleFactory, "only engine-based providers have a profile");
        Set<String> mapped = new TreeSet<>(((OpenAiCompatibleFactory) factory.get()).profile().errorCodes().keySet());
        Set<String> table = documentedErrors().stream().map(DocumentedError::vendorCode).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(mapped, table, "error mapping: the error table and the vendor profile's errorCodes must list the same codes");
    }

    @Test
    void readsRetryAfterGivenAsAnHttpDate() {
        DocumentedError row = firstOfKind(ErrorKind.RATE_LIMITED);
        String in90s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90));

        JunctionException e = failWith(row, row.status(), Map.of("Retry-After", in90s));

        Duration wait = e.retryAfter().orElseThrow(() -> new AssertionError("Retry-After " + in90s + " was dropped"));
        assertTrue(wait.compareTo(Duration.ofSeconds(30)) >= 0 && wait.compareTo(Duration.ofSeconds(91)) <= 0,
                () -> "Retry-After " + in90s + " should be about 90 s, got " + wait);
    }

    @Test
    void leavesRetryAfterEmptyWithoutTheHeader() {
        DocumentedError row = firstOfKind(ErrorKind.RATE_LIMITED);
        JunctionException e = failWith(row, row.status(), Map.of());
        assertEquals(Optional.empty(), e.retryAfter());
        assertTrue(e.retryable(), "rate limiting is retryable even without Retry-After");
    }

    @Test
    void keepsTheRequestIdHeaderAsTraceIdWhenTheBodyHasNone() {
        String header = "req-conformance-7f3a";
        Optional<DocumentedError> withoutTrace = documentedErrors().stream().filter(r -> r.traceId() == null).findFirst();
        DocumentedError row = withoutTrace.orElse(documentedErrors().get(0));

        JunctionException e = failWith(row, row.status(), Map.of("x-request-id", header));

        // A trace id in the body is the vendor's own; it wins over a proxy's request id.
        assertEquals(Optional.of(row.traceId() != null ? row.traceId() : header), e.traceId());
    }

    @Test
    void fallsBackToTheStatusForAnUnknownCode() {
        String body = vendor().errorEnvelope().apply("code_junction_never_saw", "一个新的错误");
        replyWith(429, body, VendorStub.JSON);
        JunctionException limited = failure(chatModel(vendor().defaultModel()), prompt(vendor().defaultModel(), "你好"));
        stub().reset();
        replyWith(503, body, VendorStub.JSON);
        JunctionException unavailable = failure(chatModel(vendor().defaultModel()), prompt(vendor().defaultModel(), "你好"));

        assertAll(
                () -> assertEquals(ErrorKind.RATE_LIMITED, limited.kind()),
                () -> assertEquals(Optional.of("code_junction_never_saw"), limited.vendorCode()),
                () -> assertTrue(limited.getMessage().contains("一个新的错误"), limited.getMessage()),
                () -> assertEquals(ErrorKind.SERVER_ERROR, unavailable.kind()),
                () -> assertTrue(unavailable.retryable(), "an unknown 503 is retryable"));
    }

    /** Serves the row's body with the given status and headers and returns the resulting failure. */
    protected JunctionException failWith(DocumentedError row, int status, Map<String, String> headers) {
        stub().reset();
        Map<String, String> all = new HashMap<>(VendorStub.JSON);
        all.putAll(headers);
        replyWith(status, row.body(), all);
        JunctionException e = failure(chatModel(vendor().defaultModel()), prompt(vendor().defaultModel(), "你好"));
        assertEquals(1, stub().requests().size(), "exactly one request per call");
        return e;
    }

    /** Asserts the failure carries everything the row documents. */
    protected void assertMapped(DocumentedError row, JunctionException e, int status) {
        // The heading names the behaviour, so that a broken mapping reads as one in any report.
        assertAll("error mapping: " + row.describe(),
                () -> assertEquals(row.kind(), e.kind(), "kind"),
                () -> assertEquals(vendor().id(), e.provider(), "provider"),
                () -> assertEquals(OptionalInt.of(status), e.httpStatus(), "HTTP status"),
                () -> assertEquals(Optional.of(row.vendorCode()), e.vendorCode(), "vendor code"),
                () -> assertEquals(row.retryable(), e.retryable(), "retryable"),
                () -> assertEquals(Optional.ofNullable(row.traceId()), e.traceId(), "trace id"),
                () -> assertTrue(e.getMessage().startsWith(vendor().id()), () -> "message should name the provider: " + e.getMessage()),
                () -> assertTrue(e.getMessage().contains(row.message()), () -> "message should repeat the vendor's: " + e.getMessage()),
                () -> assertFalse(e.hint().orElse("").isBlank(), "a documented error needs a hint"),
                () -> assertTrue(row.hint() == null || e.hint().orElse("").contains(row.hint()),
                        () -> "the hint should say " + row.hint() + ": " + e.hint()));
    }

    private DocumentedError firstOfKind(ErrorKind kind) {
        return documentedErrors().stream().filter(r -> r.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("the error table documents no " + kind + " code"));
    }
}
