package dev.junction.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.error.ErrorKind;
import dev.junction.spi.HttpCall;
import dev.junction.testing.Futures;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A call that timed out while waiting for a pooled connection must not be sent later: the caller
 * already has its TIMEOUT, and the vendor would bill a reply nobody reads.
 */
class TimedOutCallsTest {
    private Vertx vertx;
    private HttpServer server;
    private VertxHttpTransport transport;
    private final List<String> paths = new ArrayList<>();
    private final Promise<HttpServerRequest> held = Promise.promise();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        server = Futures.await(vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    synchronized (paths) {
                        paths.add(request.path());
                    }
                    if (request.path().equals("/hold")) {
                        held.complete(request);
                    } else {
                        request.response().end("{}");
                    }
                }))
                .listen(0, "127.0.0.1"));
        // One connection, so that a second call has to wait for the first.
        transport = new VertxHttpTransport(vertx, new TransportOptions(Duration.ofSeconds(5), 1, -1, 1024));
    }

    @AfterEach
    void stop() {
        transport.close();
        Futures.await(vertx.close());
    }

    private Future<?> send(String path, Duration timeout) {
        return transport.send(new HttpCall("testvendor", HttpMethod.POST,
                URI.create("http://127.0.0.1:" + server.actualPort() + path),
                MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{}"), timeout, null, null));
    }

    @Test
    void neverSendsACallThatTimedOutWaitingForAConnection() {
        Future<?> first = send("/hold", Duration.ofSeconds(10));
        HttpServerRequest holding = Futures.await(held.future());

        assertEquals(ErrorKind.TIMEOUT, Futures.failure(send("/queued", Duration.ofMillis(200))).kind());

        holding.response().end("{}");
        Futures.await(first);
        // The pool is a queue on one connection: once this call is through, the timed-out one would have gone first.
        Futures.await(send("/after", Duration.ofSeconds(5)));
        synchronized (paths) {
            assertEquals(List.of("/hold", "/after"), paths);
        }
    }
}
