package dev.junction.testing;

import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * A Vert.x HTTP server for stream tests that need control a canned body cannot give: writing at
 * the pace of the socket, holding a connection open, seeing it close. It runs on its own Vert.x,
 * apart from the Junction under test. One per test; close it in {@code @AfterEach}.
 */
public final class SseServer implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Junction junction;
    private final Promise<HttpServerRequest> received = Promise.promise();
    private final Promise<Void> closed = Promise.promise();

    /**
     * Starts the server; {@code onRequest} answers each chat call once its body has arrived (or
     * never answers, to hold the call).
     */
    public SseServer(Handler<HttpServerRequest> onRequest) {
        this(new HttpServerOptions(), onRequest);
    }

    /** Starts the server with these options. */
    public SseServer(HttpServerOptions options, Handler<HttpServerRequest> onRequest) {
        server = Futures.await(vertx.createHttpServer(options)
                .requestHandler(request -> {
                    request.connection().closeHandler(v -> closed.tryComplete());
                    request.body().onSuccess(body -> {
                        received.tryComplete(request);
                        onRequest.handle(request);
                    });
                })
                .listen(0, "127.0.0.1"));
        junction = Junction.builder()
                .environment(name -> null)
                .factories(List.of(new TestVendorFactory()))
                .build();
    }

    /** A chat model on {@link VendorServer#MODEL} pointed at this server, with extra {@code &key=value} pairs. */
    public ChatModel model(String extraQuery) {
        return junction.chatModel(TestVendorFactory.ID + ":" + VendorServer.MODEL + "?apiKey=" + VendorServer.KEY
                + "&baseUrl=http://127.0.0.1:" + server.actualPort() + extraQuery);
    }

    /** Completes when the first chat call's body has arrived. */
    public Future<HttpServerRequest> received() {
        return received.future();
    }

    /** Completes when the client's connection closes. */
    public Future<Void> connectionClosed() {
        return closed.future();
    }

    /** The server's Vert.x, to run timers on its event loop. */
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public void close() {
        try {
            junction.close();
        } finally {
            Futures.await(vertx.close());
        }
    }
}
