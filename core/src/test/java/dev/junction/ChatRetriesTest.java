package dev.junction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.StreamPart;
import dev.junction.error.Attempt;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.retry.Scheduler;
import dev.junction.testing.Futures;
import dev.junction.testing.Sse;
import dev.junction.testing.StreamRecorder;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.TopOfBand;
import dev.junction.testing.VendorServer;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The retry loop around a chat call, against WireMock: exact attempt counts, and the exact delays
 * asked of a recording scheduler (jitter drawn at the top of its band), so nothing waits for real.
 */
class ChatRetriesTest {
    private static final String BODY = "{\"error\":{\"code\":\"%s\",\"message\":\"%s\"}}";

    private final List<Duration> delays = new CopyOnWriteArrayList<>();
    private final Scheduler recording = delay -> {
        delays.add(delay);
        return Future.succeededFuture();
    };
    private final VendorServer vendor = new VendorServer(b -> b.retryScheduler(recording).retryRandom(new TopOfBand()));

    @AfterEach
    void stop() {
        vendor.close();
    }

    /** Replies in turn with each response, the last one for every later call. */
    private void replies(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            var stub = post(urlEqualTo(TestVendorFactory.CHAT_PATH)).inScenario("sequence")
                    .whenScenarioStateIs(i == 0 ? STARTED : "reply " + i)
                    .willReturn(responses[i]);
            vendor.wire().stubFor(i < responses.length - 1 ? stub.willSetStateTo("reply " + (i + 1)) : stub);
        }
    }

    private static ResponseDefinitionBuilder error(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(BODY.formatted(code, "失败"));
    }

    private static ResponseDefinitionBuilder ok() {
        return okJson(VendorServer.okBody("好的"));
    }

    private ChatResponse chat(String extraQuery) {
        return Futures.await(vendor.model(VendorServer.MODEL, extraQuery).chat("你好"));
    }

    private JunctionException fail(String extraQuery) {
        return Futures.failure(vendor.model(VendorServer.MODEL, extraQuery).chat("你好"));
    }

    @Test
    void repeatsA503AfterTheFirstBackoffStep() {
        replies(error(503, "overloaded"), ok());
        ChatResponse response = chat("&maxRetries=2");
        assertEquals("好的", response.text());
        assertEquals(2, vendor.requests());
        assertEquals(List.of(Duration.ofMillis(500)), delays);
        Attempt failed = response.failedAttempts().get(0);
        assertEquals(List.of(new Attempt("testvendor", ErrorKind.SERVER_ERROR, 503, failed.duration(), Duration.ofMillis(500))),
                response.failedAttempts(), "the response lists the attempt that failed and the wait after it");
        assertTrue(!failed.duration().isNegative() && failed.duration().compareTo(Duration.ofSeconds(10)) < 0, failed.toString());
    }

    @Test
    void doublesTheBackoffUntilTheRetriesAreSpent() {
        replies(error(503, "overloaded"));
        JunctionException e = fail("&maxRetries=3");
        assertEquals(ErrorKind.SERVER_ERROR, e.kind());
        assertEquals(4, vendor.requests(), "the first attempt and three retries");
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000)), delays);
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ZERO),
                e.attempts().stream().map(Attempt::waitedAfter).toList(), "the error lists every attempt and each wait");
        assertTrue(e.attempts().stream().allMatch(a -> a.kind() == ErrorKind.SERVER_ERROR && a.httpStatus() == 503), e.attempts()::toString);
    }

    @Test
    void waitsWhatRetryAfterAsksInEachForm() {
        replies(error(429, "rate_limit_exceeded").withHeader("Retry-After", "3"),
                error(429, "rate_limit_exceeded").withHeader("Retry-After-Ms", "1250").withHeader("Retry-After", "9"),
                ok());
        assertEquals("好的", chat("&maxRetries=2").text());
        assertEquals(3, vendor.requests());
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofMillis(1250)), delays);
    }

    @Test
    void failsAtOnceWhenRetryAfterExceedsMaxRetryDelay() {
        replies(error(429, "rate_limit_exceeded").withHeader("Retry-After", "120"), ok());
        JunctionException e = fail("&maxRetries=2&maxRetryDelay=30s");
        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertTrue(e.getMessage().contains("120000 ms") && e.getMessage().contains("maxRetryDelay (30000 ms)"), e.getMessage());
        assertEquals(1, vendor.requests());
        assertEquals(List.of(), delays);
    }

    @Test
    void neverRepeatsBillingAuthOrRequestErrors() {
        for (ResponseDefinitionBuilder reply : List.of(error(429, "spend_limit_exceeded"), error(402, "insufficient_quota"),
                error(401, "invalid_api_key"), error(400, "bad_request"))) {
            vendor.wire().resetAll();
            replies(reply, ok());
            JunctionException e = fail("&maxRetries=2");
            assertEquals(1, vendor.requests(), () -> "exactly one attempt for " + e.kind());
        }
        assertEquals(List.of(), delays);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void repeatsAConnectionFailureBeforeAnyReply(Fault fault) {
        replies(aResponse().withFault(fault), ok());
        assertEquals("好的", chat("&maxRetries=2").text());
        assertEquals(2, vendor.requests());
    }

    @Test
    void neverRepeatsAReplyThatBrokeOffAfterItBegan() {
        // A 200 head, then a broken chunk and a closed connection: the vendor has done the work.
        replies(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), ok());
        JunctionException e = fail("&maxRetries=2");
        assertEquals(ErrorKind.NETWORK, e.kind(), e::toString);
        assertEquals(false, e.retryable());
        assertEquals(1, vendor.requests());
        assertEquals(List.of(), delays);
    }

    @Test
    void repeatsATimeoutBeforeTheFirstByteUnlessToldNotTo() {
        replies(ok().withFixedDelay(2_000), ok());
        assertEquals("好的", chat("&maxRetries=1&timeout=300ms").text());
        assertEquals(2, vendor.requests());

        vendor.wire().resetAll();
        replies(ok().withFixedDelay(2_000), ok());
        JunctionException e = fail("&maxRetries=1&timeout=300ms&retryOnTimeout=false");
        assertEquals(ErrorKind.TIMEOUT, e.kind());
        assertEquals(1, vendor.requests());
    }

    @Test
    void retriesNothingWithMaxRetriesZero() {
        replies(error(503, "overloaded"), ok());
        assertEquals(ErrorKind.SERVER_ERROR, fail("").kind());
        assertEquals(1, vendor.requests());
    }

    private static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    @Test
    void repeatsAStreamThatFailedBeforeItsFirstPart() {
        replies(error(503, "overloaded"), sse(Sse.events(Sse.text("你好"), Sse.finish("stop")) + Sse.DONE));
        StreamRecorder r = StreamRecorder.record(vendor.model(VendorServer.MODEL, "&maxRetries=2").stream(ChatRequest.of("你好")));
        r.awaitEnd();
        assertEquals("你好", r.text());
        assertTrue(r.parts().stream().noneMatch(p -> p instanceof StreamPart.Failure), r.parts().toString());
        assertEquals(2, vendor.requests());
        assertEquals(List.of(Duration.ofMillis(500)), delays);
        StreamPart.Start start = (StreamPart.Start) r.parts().get(0);
        assertEquals(1, start.failedAttempts().size(), start.toString());
        assertEquals(ErrorKind.SERVER_ERROR, start.failedAttempts().get(0).kind());
        assertEquals(503, start.failedAttempts().get(0).httpStatus());
    }

    @Test
    void neverRepeatsAStreamOnceAPartReachedTheCaller() {
        replies(sse(Sse.events(Sse.text("你好")) + "data: {\"error\":{\"code\":\"overloaded\",\"message\":\"上游繁忙\"}}\n\n"),
                sse(Sse.events(Sse.text("不该出现"), Sse.finish("stop")) + Sse.DONE));
        StreamRecorder r = StreamRecorder.record(vendor.model(VendorServer.MODEL, "&maxRetries=2").stream(ChatRequest.of("你好")));
        r.awaitFailure();
        assertEquals("你好", r.text());
        assertEquals(1, vendor.requests());
        assertEquals(List.of(), delays);
    }

    @Test
    void waitsUntilAnHttpDateRetryAfter() {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(5));
        replies(error(503, "overloaded").withHeader("Retry-After", inFiveSeconds), ok());
        assertEquals("好的", chat("&maxRetries=2").text());
        assertEquals(2, vendor.requests());
        Duration waited = delays.get(0);
        assertTrue(waited.compareTo(Duration.ofSeconds(3)) > 0 && waited.compareTo(Duration.ofSeconds(6)) <= 0, waited.toString());
    }

    @Test
    void drawsEachBackoffWithinItsJitterBand() {
        List<Duration> drawn = new CopyOnWriteArrayList<>();
        try (VendorServer seeded = new VendorServer(b -> b.retryScheduler(delay -> {
            drawn.add(delay);
            return Future.succeededFuture();
        }).retryRandom(new SplittableRandom(42)))) {
            seeded.wire().stubFor(post(urlEqualTo(TestVendorFactory.CHAT_PATH)).willReturn(error(503, "overloaded")));
            Futures.failure(seeded.model(VendorServer.MODEL, "&maxRetries=6").chat("你好"));
            assertEquals(7, seeded.requests());
        }
        long[] bands = {500, 1000, 2000, 4000, 8000, 8000};
        assertEquals(bands.length, drawn.size());
        for (int n = 0; n < bands.length; n++) {
            long ms = drawn.get(n).toMillis();
            assertTrue(ms >= 0 && ms <= bands[n], "retry " + n + " waited " + ms + " ms, outside [0, " + bands[n] + "]");
        }
        assertTrue(drawn.stream().distinct().count() > 1, "the jitter varies: " + drawn);
    }

    @Test
    void acceptsAReplyDribbledInChunks() {
        replies(ok().withChunkedDribbleDelay(8, 200));
        assertEquals("好的", chat("&maxRetries=2").text());
        assertEquals(1, vendor.requests());
        assertEquals(List.of(), delays);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void repeatsAStreamWhoseConnectionFailedBeforeAnyReply(Fault fault) {
        replies(aResponse().withFault(fault), sse(Sse.events(Sse.text("你好"), Sse.finish("stop")) + Sse.DONE));
        StreamRecorder r = StreamRecorder.record(vendor.model(VendorServer.MODEL, "&maxRetries=2").stream(ChatRequest.of("你好")));
        r.awaitEnd();
        assertEquals("你好", r.text());
        assertEquals(2, vendor.requests());
    }

    @Test
    void repeatsAStreamThatBrokeBeforeItsFirstPartEvenAfterItsHead() {
        // A stream is repeated until a part reaches the caller; here the head came, then garbage and a close.
        replies(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), sse(Sse.events(Sse.text("你好"), Sse.finish("stop")) + Sse.DONE));
        StreamRecorder r = StreamRecorder.record(vendor.model(VendorServer.MODEL, "&maxRetries=2").stream(ChatRequest.of("你好")));
        r.awaitEnd();
        assertEquals("你好", r.text());
        assertEquals(2, vendor.requests());
        assertEquals(1, delays.size());
    }
}
