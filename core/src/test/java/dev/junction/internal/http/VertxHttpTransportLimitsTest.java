package dev.junction.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatRequest;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.HttpCall;
import dev.junction.testing.Futures;
import dev.junction.testing.VendorServer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reply-size cap and the total timeout, which bound every exchange whatever the server does. */
class VertxHttpTransportLimitsTest {
    private static final int CAP = 1024;
    private static final String BIG = VendorServer.okBody("x".repeat(5000));

    private VendorServer vendor;

    @BeforeEach
    void start() {
        vendor = new VendorServer(builder -> builder.maxResponseBytes(CAP));
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private static void assertTooLarge(JunctionException e) {
        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains(CAP + "-byte cap"), e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("maxResponseBytes"), e.hint().orElseThrow());
    }

    @Test
    void acceptsAReplyUnderTheCap() {
        vendor.reply(okJson(VendorServer.okBody("短")));
        assertEquals("短", vendor.chat(ChatRequest.of("你好")).text());
    }

    @Test
    void rejectsAReplyWhoseContentLengthIsOverTheCap() {
        vendor.reply(okJson(BIG));
        assertTooLarge(vendor.fail(ChatRequest.of("你好")));
    }

    @Test
    void rejectsAChunkedReplyThatGrowsOverTheCap() {
        vendor.reply(okJson(BIG).withChunkedDribbleDelay(10, 50));
        assertTooLarge(vendor.fail(ChatRequest.of("你好")));
    }

    @Test
    void rejectsAnUndeclaredLengthReplyOverTheCapDirectly() {
        Vertx vertx = Vertx.vertx();
        VertxHttpTransport transport = new VertxHttpTransport(vertx,
                new TransportOptions(Duration.ofSeconds(5), 4, -1, CAP));
        try {
            HttpServer server = Futures.await(vertx.createHttpServer()
                    .requestHandler(request -> {
                        request.response().setChunked(true);
                        for (int i = 0; i < 8; i++) {
                            request.response().write("y".repeat(512));
                        }
                        request.response().end();
                    })
                    .listen(0, "127.0.0.1"));
            HttpCall call = new HttpCall("testvendor", HttpMethod.GET,
                    URI.create("http://127.0.0.1:" + server.actualPort() + "/big"),
                    MultiMap.caseInsensitiveMultiMap(), null, Duration.ofSeconds(5), null, null);
            assertTooLarge(Futures.failure(transport.send(call)));

            HttpCall small = new HttpCall("testvendor", HttpMethod.POST,
                    URI.create("http://127.0.0.1:" + server.actualPort() + "/big"),
                    MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{}"), Duration.ofSeconds(5), null, null);
            assertTooLarge(Futures.failure(transport.send(small)));
        } finally {
            transport.close();
            Futures.await(vertx.close());
        }
    }

    @Test
    void failsWithTimeoutPromptlyWhenTheServerIsSlowToAnswer() {
        vendor.reply(okJson(VendorServer.okBody("迟到")).withFixedDelay(5000));
        // Bounded well below the server's delay: only the 300 ms timeout can end the call in time.
        JunctionException e = Futures.failure(vendor.model(VendorServer.MODEL, "&timeout=300ms").chat("你好"), 4);
        assertEquals(ErrorKind.TIMEOUT, e.kind());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("timeout="), e.hint().orElseThrow());
    }

    @Test
    void failsWithTimeoutWhenTheBodyTrickles() {
        vendor.reply(okJson(VendorServer.okBody("慢")).withChunkedDribbleDelay(5, 5000));
        JunctionException e = Futures.failure(vendor.model(VendorServer.MODEL, "&timeout=300ms").chat("你好"), 4);
        assertEquals(ErrorKind.TIMEOUT, e.kind());
    }
}
