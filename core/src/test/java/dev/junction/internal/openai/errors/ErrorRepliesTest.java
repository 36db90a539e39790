package dev.junction.internal.openai.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.junction.chat.ChatRequest;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.VendorServer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Non-2xx replies: vendor codes through the profile, then the status; HTML pages, Retry-After, trace ids, scrubbing. */
class ErrorRepliesTest {
    private VendorServer vendor;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private JunctionException failWith(ResponseDefinitionBuilder response) {
        vendor.reply(response);
        return vendor.fail(ChatRequest.of("你好"));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void mapsTheVendorCodeThroughTheProfile() {
        JunctionException e = failWith(json(429, "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"请求过于频繁\"}}"));
        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertEquals("rate_limit_exceeded", e.vendorCode().orElseThrow());
        assertEquals(429, e.httpStatus().orElseThrow());
        assertEquals("testvendor", e.provider());
        assertTrue(e.getMessage().contains("请求过于频繁"), e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void letsTheVendorCodeOverrideTheStatus() {
        JunctionException e = failWith(json(400, "{\"error\":{\"code\":\"spend_limit_exceeded\",\"message\":\"limit\"}}"));
        assertEquals(ErrorKind.SPEND_LIMIT_EXCEEDED, e.kind());
        assertFalse(e.retryable());
    }

    @Test
    void usesTheProfileHintForAKnownCode() {
        JunctionException e = failWith(json(401, "{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"bad key\"}}"));
        assertEquals(ErrorKind.AUTHENTICATION, e.kind());
        assertEquals("check TESTVENDOR_API_KEY", e.hint().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({
        "400, INVALID_REQUEST",
        "401, AUTHENTICATION",
        "402, INSUFFICIENT_CREDITS",
        "403, PERMISSION_DENIED",
        "404, MODEL_NOT_FOUND",
        "408, TIMEOUT",
        "418, INVALID_REQUEST",
        "429, RATE_LIMITED",
        "500, SERVER_ERROR",
        "503, SERVER_ERROR"
    })
    void fallsBackToTheStatusForAnUnknownCode(int status, ErrorKind expected) {
        JunctionException e = failWith(json(status, "{\"error\":{\"code\":\"never_heard_of_it\",\"message\":\"m\"}}"));
        assertEquals(expected, e.kind());
        assertEquals("never_heard_of_it", e.vendorCode().orElseThrow());
    }

    @Test
    void readsAnErrorGivenAsAPlainString() {
        JunctionException e = failWith(json(403, "{\"error\":\"IP not allowed\"}"));
        assertEquals(ErrorKind.PERMISSION_DENIED, e.kind());
        assertTrue(e.getMessage().contains("IP not allowed"), e.getMessage());
        assertTrue(e.vendorCode().isEmpty());
    }

    @Test
    void turnsAnHtmlErrorPageIntoAShortServerError() {
        String page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{}</style></head><body>"
                + "<h1>502 Bad Gateway</h1>" + "<p>nginx upstream failed</p>".repeat(50) + "</body></html>";
        JunctionException e = failWith(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(page));
        assertEquals(ErrorKind.SERVER_ERROR, e.kind());
        assertEquals(502, e.httpStatus().orElseThrow());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
        assertFalse(e.getMessage().contains("<"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, () -> e.getMessage().length() + " chars: " + e.getMessage());
    }

    @Test
    void turnsAnEmpty500IntoAServerError() {
        JunctionException e = failWith(aResponse().withStatus(500));
        assertEquals(ErrorKind.SERVER_ERROR, e.kind());
        assertTrue(e.getMessage().contains("empty body"), e.getMessage());
    }

    @Test
    void turnsAnHtml404IntoAConfigurationErrorAboutTheBaseUrl() {
        JunctionException e = failWith(aResponse().withStatus(404).withBody("<html><body>Not Found</body></html>"));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.hint().orElseThrow().contains("baseUrl"), e.hint().orElseThrow());
        assertTrue(e.hint().orElseThrow().contains(vendor.wire().baseUrl() + "/v1/chat/completions"), e.hint().orElseThrow());
        assertTrue(e.hint().orElseThrow().contains("TESTVENDOR_BASE_URL"), e.hint().orElseThrow());
    }

    @Test
    void readsRetryAfterInSeconds() {
        JunctionException e = failWith(json(429, "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow\"}}")
                .withHeader("Retry-After", "7"));
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    }

    @Test
    void readsRetryAfterMsBeforeRetryAfter() {
        JunctionException e = failWith(json(429, "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow\"}}")
                .withHeader("Retry-After-Ms", "1200").withHeader("Retry-After", "7"));
        assertEquals(Duration.ofMillis(1200), e.retryAfter().orElseThrow());
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        JunctionException e = failWith(aResponse().withStatus(503).withHeader("Retry-After", inAnHour));
        Duration wait = e.retryAfter().orElseThrow();
        assertTrue(wait.compareTo(Duration.ofMinutes(50)) > 0 && wait.compareTo(Duration.ofMinutes(61)) < 0, wait.toString());
    }

    @Test
    void readsAPastRetryAfterDateAsZero() {
        assertEquals(Duration.ZERO, ErrorReplies.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    }

    @Test
    void ignoresAnUnreadableRetryAfter() {
        assertNull(ErrorReplies.retryAfter("soon"));
        assertNull(ErrorReplies.retryAfter("-5"));
        assertNull(ErrorReplies.retryAfter(" "));
        assertNull(ErrorReplies.retryAfter(null));
    }

    @Test
    void prefersRetryAfterMsToRetryAfter() {
        assertEquals(Duration.ofMillis(1500), ErrorReplies.retryAfter("1500", "30"));
        assertEquals(Duration.ofNanos(250_500_000), ErrorReplies.retryAfter("250.5", null));
        assertEquals(Duration.ofSeconds(30), ErrorReplies.retryAfter("soon", "30"), "an unreadable Retry-After-Ms falls back");
        assertEquals(Duration.ofSeconds(30), ErrorReplies.retryAfter("-1", "30"));
        assertNull(ErrorReplies.retryAfter(null, null));
    }

    @Test
    void takesTheTraceIdFromTheRequestIdHeader() {
        JunctionException e = failWith(json(500, "{\"error\":{\"message\":\"boom\"}}").withHeader("X-Request-Id", "req-8f2c"));
        assertEquals("req-8f2c", e.traceId().orElseThrow());
    }

    @Test
    void takesTheTraceIdOfAnHtmlPageToo() {
        JunctionException e = failWith(aResponse().withStatus(502).withHeader("x-request-id", "req-html").withBody("<p>bad</p>"));
        assertEquals("req-html", e.traceId().orElseThrow());
    }

    @Test
    void scrubsTheApiKeyWhenTheVendorEchoesIt() {
        JunctionException e = failWith(json(401,
                "{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Incorrect API key provided: " + VendorServer.KEY + ".\"}}"));
        assertFalse(e.getMessage().contains(VendorServer.KEY), e.getMessage());
        assertTrue(e.getMessage().contains("Incorrect API key provided: ****."), e.getMessage());
    }

    @Test
    void scrubsTheApiKeyFromAnHtmlPage() {
        JunctionException e = failWith(aResponse().withStatus(500).withBody("<pre>Authorization: Bearer " + VendorServer.KEY + "</pre>"));
        assertFalse(e.getMessage().contains(VendorServer.KEY), e.getMessage());
        assertTrue(e.getMessage().contains("Bearer ****"), e.getMessage());
    }

    @Test
    void scrubsTheApiKeyEvenWhereTheSnippetIsCut() {
        // The key starts 191 characters in, so a 200-character cut would keep its first nine.
        JunctionException e = failWith(aResponse().withStatus(500).withBody("x".repeat(190) + " " + VendorServer.KEY + " tail"));
        assertFalse(e.getMessage().contains(VendorServer.KEY.substring(0, 9)), e.getMessage());
    }

    @Test
    void shortensAnOverlongVendorMessage() {
        JunctionException e = failWith(json(400, "{\"error\":{\"code\":\"invalid_request\",\"message\":\"" + "长".repeat(5000) + "\"}}"));
        assertTrue(e.getMessage().length() < 1100, "message length " + e.getMessage().length());
        assertTrue(e.getMessage().endsWith("…"), e.getMessage());
    }
}
