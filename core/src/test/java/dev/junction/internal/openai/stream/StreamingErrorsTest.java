package dev.junction.internal.openai.stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.Engines;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Sse;
import dev.junction.testing.StreamRecorder;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a stream fails arrives the same way: a final Failure part, then the exception
 * handler, and never the end handler.
 */
class StreamingErrorsTest {
    private VendorServer vendor = new VendorServer();

    @AfterEach
    void stop() {
        vendor.close();
    }

    private StreamRecorder stream(String body) {
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body));
        return StreamRecorder.record(vendor.model().stream("你好"));
    }

    @Test
    void turnsAnErrorObjectMidStreamIntoTheMappedError() {
        StreamRecorder r = stream(Sse.events(Sse.text("你好"),
                "{\"error\":{\"code\":\"insufficient_quota\",\"message\":\"账户余额不足\",\"type\":\"insufficient_quota\"}}"));
        JunctionException e = r.awaitFailure();

        assertEquals(ErrorKind.INSUFFICIENT_CREDITS, e.kind());
        assertEquals(Optional.of("insufficient_quota"), e.vendorCode());
        assertTrue(e.getMessage().contains("账户余额不足"), e.getMessage());
        assertEquals("你好", r.text(), "the text before the error is delivered");
    }

    @Test
    void stopsReadingAtTheErrorObject() {
        // A finish and [DONE] after the error must not turn the failure into a normal end.
        StreamRecorder r = stream(Sse.events(Sse.text("你好"), "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"慢一点\"}}",
                Sse.text("不该出现"), Sse.finish("stop")) + Sse.DONE);

        assertEquals(ErrorKind.RATE_LIMITED, r.awaitFailure().kind());
        assertEquals("你好", r.text());
    }

    @Test
    void mapsAnUnknownVendorCodeMidStreamToUpstreamError() {
        StreamRecorder r = stream(Sse.events("{\"error\":{\"code\":\"gemini_overloaded\",\"message\":\"上游繁忙\"}}"));
        JunctionException e = r.awaitFailure();

        assertEquals(ErrorKind.UPSTREAM_ERROR, e.kind());
        assertEquals(Optional.of("gemini_overloaded"), e.vendorCode());
        assertEquals(1, r.parts().size(), "only the Failure part: " + r.parts());
    }

    @Test
    void givesTheMappedErrorForANon2xxReply() {
        vendor.reply(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withHeader("Retry-After", "7")
                .withBody("{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"请求过于频繁\",\"type\":\"requests\"}}"));
        StreamRecorder r = StreamRecorder.record(vendor.model().stream("你好"));
        JunctionException e = r.awaitFailure();

        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertEquals(OptionalInt.of(429), e.httpStatus());
        assertEquals(Optional.of("rate_limit_exceeded"), e.vendorCode());
        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
        assertEquals(1, r.parts().size(), "only the Failure part: " + r.parts());
    }

    @Test
    void usesTheProfilesHintForAMappedCode() {
        vendor.reply(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"无效的令牌\"}}"));
        JunctionException e = StreamRecorder.record(vendor.model().stream("你好")).awaitFailure();

        assertEquals(ErrorKind.AUTHENTICATION, e.kind());
        assertEquals(Optional.of("check TESTVENDOR_API_KEY"), e.hint());
        assertTrue(!e.getMessage().contains(VendorServer.KEY), e.getMessage());
    }

    @Test
    void failsWithProtocolOnAnEventThatIsNotJson() {
        JunctionException e = stream(Sse.events(Sse.text("你好"), "{\"choices\":[{\"delta\":")).awaitFailure();

        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    void failsWithProtocolOnAnEventThatIsNotAnObject() {
        assertEquals(ErrorKind.PROTOCOL, stream(Sse.events("42")).awaitFailure().kind());
    }

    @Test
    void failsWithProtocolOnAnEventOverTheLimit() {
        vendor.close();
        vendor = new VendorServer(b -> b.maxStreamEventBytes(1024));
        JunctionException e = stream(Sse.events(Sse.text("你好"), Sse.text("长".repeat(2000)), Sse.finish("stop")) + Sse.DONE)
                .awaitFailure();

        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("1024"), e.getMessage());
        assertTrue(e.hint().orElse("").contains("raise the event limit"), e.toString());
    }

    @Test
    void deliversAMissingKeyThroughTheStreamAndSendsNothing() {
        StreamRecorder r = StreamRecorder.record(Engines.of(vendor.junction(), TestVendorFactory.ID + ":" + VendorServer.MODEL + "?baseUrl=" + vendor.wire().baseUrl())
                .stream(ChatRequest.of("你好").withModel(VendorServer.MODEL)));
        JunctionException e = r.awaitFailure();

        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("no API key"), e.getMessage());
        assertEquals(1, r.parts().size(), "only the Failure part: " + r.parts());
        assertEquals(0, vendor.requests());
    }

    @Test
    void deliversABadTemperatureThroughTheStreamAndSendsNothing() {
        StreamRecorder r = StreamRecorder.record(vendor.model().stream(ChatRequest.builder().user("你好").temperature(3.0).build()));
        JunctionException e = r.awaitFailure();

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("temperature"), e.getMessage());
        assertInstanceOf(StreamPart.Failure.class, r.parts().get(0));
        assertEquals(0, vendor.requests());
    }
}
