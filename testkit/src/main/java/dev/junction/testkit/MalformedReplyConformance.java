package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Conformance: replies no vendor documents but real servers send — a proxy's HTML error page, an
 * empty body, broken JSON with HTTP 200, a body without choices — each still get a kind by status
 * and a short, readable snippet in the message.
 */
public abstract class MalformedReplyConformance extends ConformanceBase {
    /** Longest message Junction may build from a vendor body (the 200-character snippet plus its own words). */
    private static final int MAX_MESSAGE = 400;

    /** nginx's own 502 page, padding comments included (nginx adds them so browsers show it). */
    public static final String NGINX_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n"
            + "<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n".repeat(6);

    @Test
    void mapsAnNginxHtml502ToARetryableServerError() {
        JunctionException e = failWith(502, NGINX_502, VendorStub.HTML);

        assertAll(
                () -> assertEquals(ErrorKind.SERVER_ERROR, e.kind()),
                () -> assertEquals(OptionalInt.of(502), e.httpStatus()),
                () -> assertTrue(e.retryable(), "a proxy's 502 is worth retrying"),
                () -> assertEquals(Optional.empty(), e.vendorCode()),
                () -> assertTrue(e.getMessage().contains("502 Bad Gateway"), () -> "snippet missing: " + e.getMessage()),
                () -> assertFalse(e.getMessage().contains("<"), () -> "HTML tags should be stripped: " + e.getMessage()),
                () -> assertTrue(e.getMessage().length() <= MAX_MESSAGE, () -> "message too long: " + e.getMessage().length()));
    }

    @Test
    void mapsAnEmptyBody500ToARetryableServerError() {
        JunctionException e = failWith(500, "", Map.of());

        assertAll(
                () -> assertEquals(ErrorKind.SERVER_ERROR, e.kind()),
                () -> assertEquals(OptionalInt.of(500), e.httpStatus()),
                () -> assertTrue(e.retryable()),
                () -> assertTrue(e.getMessage().contains("HTTP 500") && e.getMessage().contains("empty body"),
                        () -> "the message should say HTTP 500 came with an empty body: " + e.getMessage()));
    }

    @Test
    void mapsInvalidJsonWithHttp200ToAProtocolError() {
        String documented = fixture(vendor().sampleReplyFixture());
        String cut = documented.substring(0, documented.length() / 2);

        JunctionException e = failWith(200, cut, VendorStub.JSON);

        String opening = cut.replaceAll("\\s+", " ").strip().substring(0, 20);
        assertAll(
                () -> assertEquals(ErrorKind.PROTOCOL, e.kind()),
                () -> assertEquals(OptionalInt.of(200), e.httpStatus()),
                () -> assertFalse(e.retryable(), "a protocol error is not retried blindly"),
                () -> assertTrue(e.getMessage().contains("HTTP 200"), e::getMessage),
                () -> assertTrue(e.getMessage().contains(opening), () -> "snippet '" + opening + "' missing: " + e.getMessage()),
                () -> assertTrue(e.getMessage().length() <= MAX_MESSAGE, () -> "message too long: " + e.getMessage().length()));
    }

    @Test
    void mapsA200WithoutChoicesToAProtocolError() {
        JunctionException e = failWith(200, "{\"id\":\"chatcmpl-empty\",\"object\":\"chat.completion\"}", VendorStub.JSON);
        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("choices"), e::getMessage);
    }

    @Test
    void mapsAnHtml404ToAConfigurationErrorNamingTheUrl() {
        JunctionException e = failWith(404, "<html><body><h1>404 Not Found</h1></body></html>", VendorStub.HTML);
        assertEquals(ErrorKind.CONFIGURATION, e.kind(), "a 404 page means nothing answers at the base URL");
        assertTrue(e.hint().orElse("").contains(stub().url(vendor().chatPath())),
                () -> "the hint should name the URL that was called: " + e.hint());
    }

    /** Serves the body on the chat path and returns the failure of one call. */
    protected JunctionException failWith(int status, String body, Map<String, String> headers) {
        replyWith(status, body, headers);
        JunctionException e = failure(chatModel(vendor().defaultModel()), prompt(vendor().defaultModel(), "你好"));
        assertEquals(vendor().id(), e.provider(), "provider");
        assertEquals(1, stub().requests().size(), "exactly one request per call");
        return e;
    }
}
