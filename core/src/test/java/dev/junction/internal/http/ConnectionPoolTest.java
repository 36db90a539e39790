package dev.junction.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatResponse;
import dev.junction.testing.Futures;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool lets many slow chat calls run at once. The server here answers nobody until
 * {@link #PARALLEL} requests are open together, so a pool smaller than that (Vert.x defaults to 5)
 * would leave every call waiting and the bounded wait would fail the test.
 */
class ConnectionPoolTest {
    private static final int PARALLEL = 20;

    private Vertx serverVertx;
    private HttpServer server;
    private final List<HttpServerRequest> waiting = new ArrayList<>();

    @BeforeEach
    void start() {
        serverVertx = Vertx.vertx();
        server = Futures.await(serverVertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> hold(request)))
                .listen(0, "127.0.0.1"));
    }

    private void hold(HttpServerRequest request) {
        synchronized (waiting) {
            waiting.add(request);
            if (waiting.size() == PARALLEL) {
                waiting.forEach(r -> r.response().putHeader("Content-Type", "application/json").end(VendorServer.okBody("并发")));
            }
        }
    }

    @AfterEach
    void stop() {
        Futures.await(serverVertx.close());
    }

    @Test
    void defaultsToAPoolFarAboveVertxsFive() {
        assertTrue(TransportOptions.defaults().maxConnectionsPerHost() >= 64);
    }

    @Test
    void runsTwentySlowCallsToOneHostAtOnce() {
        try (Junction junction = Junction.builder().environment(name -> null)
                .factories(List.of(new TestVendorFactory())).build()) {
            ChatModel model = junction.chatModel("testvendor:gemini-2.5-pro?apiKey=k&timeout=30s&baseUrl=http://127.0.0.1:"
                    + server.actualPort());
            List<Future<ChatResponse>> calls = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                calls.add(model.chat("第" + i + "个"));
            }
            Futures.await(Future.all(calls));
            for (Future<ChatResponse> call : calls) {
                assertEquals("并发", call.result().text());
            }
        }
        synchronized (waiting) {
            assertEquals(PARALLEL, waiting.size());
        }
    }
}
