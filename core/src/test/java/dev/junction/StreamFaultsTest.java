package dev.junction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.retry.Scheduler;
import dev.junction.testing.Futures;
import dev.junction.testing.Sse;
import dev.junction.testing.StreamRecorder;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stream half of the fault matrix, against a Vert.x server scripted per attempt: failures before
 * the first part are retried, failures after it never are; exact attempt counts, delays recorded.
 */
class StreamFaultsTest {
    private static final String OK = Sse.events(Sse.text("你好"), Sse.finish("stop")) + Sse.DONE;

    private final Vertx serverVertx = Vertx.vertx();
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<Duration> delays = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private Junction junction;

    /** Starts a server answering attempt n (from 0) with {@code script.get(n)}, the last one for every later attempt. */
    private void serve(List<Consumer<HttpServerRequest>> script) {
        server = Futures.await(serverVertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            int n = attempts.getAndIncrement();
            script.get(Math.min(n, script.size() - 1)).accept(request);
        })).listen(0, "127.0.0.1"));
        Scheduler recording = delay -> {
            delays.add(delay);
            return Future.succeededFuture();
        };
        junction = Junction.builder().environment(name -> null).factories(List.of(new TestVendorFactory()))
                .retryScheduler(recording).build();
    }

    @AfterEach
    void stop() {
        if (junction != null) {
            junction.close();
        }
        Futures.await(serverVertx.close());
    }

    private StreamRecorder stream(String extraQuery) {
        return StreamRecorder.record(junction.chatModel(TestVendorFactory.ID + ":" + VendorServer.MODEL + "?apiKey=k&maxRetries=2"
                + "&baseUrl=http://127.0.0.1:" + server.actualPort() + extraQuery).stream(ChatRequest.of("你好")));
    }

    private static void sse(HttpServerRequest request, String body) {
        request.response().putHeader("Content-Type", "text/event-stream").end(body);
    }

    private static void resetBeforeTheHead(HttpServerRequest request) {
        request.connection().close();
    }

    private static void status503(HttpServerRequest request) {
        request.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                .end("{\"error\":{\"code\":\"overloaded\",\"message\":\"上游繁忙\"}}");
    }

    /** The head and one complete event, then the connection closes. */
    private static void onePartThenReset(HttpServerRequest request) {
        request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                .write(Sse.event(Sse.text("一半"))).onComplete(written -> request.connection().close());
    }

    /** The head and one complete event, then nothing. */
    private static void onePartThenSilence(HttpServerRequest request) {
        request.response().setChunked(true).putHeader("Content-Type", "text/event-stream").write(Sse.event(Sse.text("一半")));
    }

    private static void neverAnswer(HttpServerRequest request) {
        // holds the call: the client's first-byte timeout must fire
    }

    @Test
    void retriesAResetBeforeTheResponse() {
        serve(List.of(StreamFaultsTest::resetBeforeTheHead, r -> sse(r, OK)));
        StreamRecorder r = stream("");
        r.awaitEnd();
        assertEquals("你好", r.text());
        assertEquals(2, attempts.get());
        assertEquals(1, delays.size());
    }

    @Test
    void retriesA503ThenA503ThenAnswers() {
        serve(List.of(StreamFaultsTest::status503, StreamFaultsTest::status503, r -> sse(r, OK)));
        StreamRecorder r = stream("");
        r.awaitEnd();
        assertEquals("你好", r.text());
        assertEquals(3, attempts.get());
        assertEquals(2, delays.size());
    }

    @Test
    void retriesAFirstByteTimeout() {
        serve(List.of(StreamFaultsTest::neverAnswer, r -> sse(r, OK)));
        StreamRecorder r = stream("&firstByteTimeout=300ms");
        r.awaitEnd();
        assertEquals("你好", r.text());
        assertEquals(2, attempts.get());
    }

    @Test
    void leavesAFirstByteTimeoutAloneWhenRetryOnTimeoutIsOff() {
        serve(List.of(StreamFaultsTest::neverAnswer, r -> sse(r, OK)));
        JunctionException e = stream("&firstByteTimeout=300ms&retryOnTimeout=false").awaitFailure();
        assertEquals(ErrorKind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("firstByteTimeout"), e.getMessage());
        assertEquals(1, attempts.get());
    }

    @Test
    void neverRetriesAResetAfterTheFirstPart() {
        serve(List.of(StreamFaultsTest::onePartThenReset, r -> sse(r, OK)));
        StreamRecorder r = stream("");
        JunctionException e = r.awaitFailure();
        assertEquals("一半", r.text(), "the caller saw the first part");
        assertEquals(ErrorKind.NETWORK, e.kind(), e::toString);
        assertEquals(1, attempts.get());
        assertEquals(List.of(), delays);
    }

    @Test
    void neverRetriesAnIdleTimeoutAfterTheFirstPart() {
        serve(List.of(StreamFaultsTest::onePartThenSilence, r -> sse(r, OK)));
        StreamRecorder r = stream("&idleTimeout=300ms");
        JunctionException e = r.awaitFailure();
        assertEquals(ErrorKind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("idleTimeout"), e.getMessage());
        assertEquals("一半", r.text());
        assertEquals(1, attempts.get());
        assertFalse(r.parts().stream().anyMatch(p -> p instanceof StreamPart.Finish), r.parts().toString());
    }
}
