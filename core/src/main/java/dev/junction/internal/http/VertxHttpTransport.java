package dev.junction.internal.http;

import dev.junction.error.JunctionException;
import dev.junction.internal.async.Cancellation;
import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import dev.junction.spi.HttpResponseStream;
import dev.junction.spi.HttpTransport;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The {@link HttpTransport} on a Vert.x {@link HttpClient}: a pooled client with connect, total,
 * first-byte and idle timeouts, a cap on reply size, TLS verification on and redirects never followed.
 */
public final class VertxHttpTransport implements HttpTransport, AutoCloseable {
    private final Vertx vertx;
    private final HttpClient client;
    private final TransportOptions options;

    /** Creates the client; opens no connection yet. */
    public VertxHttpTransport(Vertx vertx, TransportOptions options) {
        this.vertx = vertx;
        this.options = options;
        HttpClientOptions clientOptions = new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                // Never weaken TLS: verify the chain and the host name.
                .setTrustAll(false)
                .setVerifyHost(true)
                .setKeepAlive(true)
                .setDecompressionSupported(true)
                // A redirect could carry the Authorization header to another host.
                .setMaxRedirects(0);
        PoolOptions poolOptions = new PoolOptions()
                .setHttp1MaxSize(options.maxConnectionsPerHost())
                .setHttp2MaxSize(Math.max(1, options.maxConnectionsPerHost() / 8))
                .setMaxWaitQueueSize(options.maxWaitQueue());
        this.client = vertx.httpClientBuilder()
                .with(clientOptions)
                .with(poolOptions)
                // A vendor that resets a connection fails the call with NETWORK already; without a
                // handler Vert.x would also log every reset at ERROR, on stderr of the CLI.
                .withConnectHandler(connection -> connection.exceptionHandler(
                        error -> ExchangeLog.connectionFailed(connection.remoteAddress(), error)))
                .build();
    }

    @Override
    public Future<HttpReply> send(HttpCall call) {
        return send(call, Cancellation.NEVER);
    }

    @Override
    public Future<HttpReply> send(HttpCall call, Future<Void> abandoned) {
        if (Cancellation.cancelled(abandoned)) {
            // Given up before it began: not even a pooled connection is taken.
            return Future.failedFuture(TransportErrors.cancelled(call));
        }
        if (ExchangeLog.enabled()) {
            ExchangeLog.sending(call);
        }
        Promise<HttpReply> promise = Promise.promise();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        long started = System.nanoTime();
        // Whether the reply had begun when the call failed decides whether it may be repeated.
        AtomicBoolean began = new AtomicBoolean();
        long cap = call.maxResponseBytes() == null ? options.maxResponseBytes()
                : Math.min(call.maxResponseBytes(), options.maxResponseBytes());
        // Resets the request wherever it is: waiting for a connection, sent, or its body half read.
        Cancellation.onCancel(abandoned, () -> giveUp(promise, inFlight, TransportErrors.cancelled(call)));
        start(call, promise, inFlight, call.timeout(), () -> began.get()
                ? TransportErrors.afterReplyBegan(TransportErrors.timeout(call, "did not finish answering", call.timeout(), "timeout"))
                : TransportErrors.timeout(call, "did not answer", call.timeout(), "timeout"), response -> {
            began.set(true);
            BodyCollector.collect(call, response, cap, promise);
        });
        if (ExchangeLog.enabled()) {
            promise.future().onComplete(done -> {
                if (done.succeeded()) {
                    ExchangeLog.answered(call, done.result().status(), done.result().headers(), done.result().body(), started);
                } else {
                    ExchangeLog.failed(call, done.cause(), started);
                }
            });
        }
        return promise.future();
    }

    @Override
    public Future<HttpResponseStream> stream(HttpCall call, Duration firstByteTimeout, Duration idleTimeout,
            Future<Void> abandoned) {
        if (ExchangeLog.enabled()) {
            ExchangeLog.sending(call);
        }
        Promise<HttpResponseStream> opened = Promise.promise();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        long started = System.nanoTime();
        long deadline = started + call.timeout().toNanos();
        Duration headLimit = firstByteTimeout.compareTo(call.timeout()) < 0 ? firstByteTimeout : call.timeout();
        // Without this, a call cancelled before the head would hold its connection until the first-byte timeout.
        Cancellation.onCancel(abandoned, () -> giveUp(opened, inFlight, TransportErrors.cancelled(call)));
        start(call, opened, inFlight, headLimit, () -> TransportErrors.timeout(call, "did not start answering", headLimit,
                headLimit == firstByteTimeout ? "firstByteTimeout" : "timeout"), response -> {
            // Paused until the caller has set its handlers, so that no chunk is lost.
            response.pause();
            opened.tryComplete(new VertxResponseStream(vertx, call, response, options.maxResponseBytes(), idleTimeout,
                    headLimit, started + headLimit.toNanos(), deadline));
        });
        if (ExchangeLog.enabled()) {
            // Only the head: a streamed body is the caller's to read, and an error body is logged when read whole.
            opened.future().onComplete(done -> {
                if (done.succeeded()) {
                    ExchangeLog.answered(call, done.result().status(), done.result().headers(), null, started);
                } else {
                    ExchangeLog.failed(call, done.cause(), started);
                }
            });
        }
        return opened.future();
    }

    /**
     * Fails {@code outcome} with the error after {@code limit}, and resets the request if one is under way.
     * The timer is cancelled as soon as the outcome is decided either way. Called on the exchange's
     * context, so that setting the timer is not a task handed to another thread.
     */
    private void armTimer(Duration limit, Promise<?> outcome, AtomicReference<HttpClientRequest> inFlight,
            Supplier<JunctionException> error) {
        long timer = vertx.setTimer(Math.max(1, limit.toMillis()), id -> giveUp(outcome, inFlight, error.get()));
        outcome.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    /** Fails {@code outcome} unless it is decided, and then resets the request if one is under way. */
    private static void giveUp(Promise<?> outcome, AtomicReference<HttpClientRequest> inFlight, JunctionException error) {
        if (outcome.tryFail(error)) {
            HttpClientRequest request = inFlight.get();
            if (request != null) {
                request.reset();
            }
        }
    }

    /**
     * Starts the exchange on a Vert.x context: then every handler is attached before the event
     * loop can deliver the reply. Started from a plain thread, a fast reply could arrive before the
     * body handlers were set, and the call would hang until its timeout. A caller already on one of
     * this Vert.x's event loops starts it at once, without handing it to another task.
     */
    private void start(HttpCall call, Promise<?> outcome, AtomicReference<HttpClientRequest> inFlight, Duration limit,
            Supplier<JunctionException> timeout, Handler<HttpClientResponse> onHead) {
        Context current = Vertx.currentContext();
        if (current != null && current.owner() == vertx && Context.isOnEventLoopThread()) {
            exchange(call, outcome, inFlight, limit, timeout, onHead);
        } else {
            vertx.getOrCreateContext().runOnContext(v -> exchange(call, outcome, inFlight, limit, timeout, onHead));
        }
    }

    /** Arms the call's timer and sends the request; runs on the exchange's context. */
    private void exchange(HttpCall call, Promise<?> outcome, AtomicReference<HttpClientRequest> inFlight, Duration limit,
            Supplier<JunctionException> timeout, Handler<HttpClientResponse> onHead) {
        armTimer(limit, outcome, inFlight, timeout);
        RequestOptions options;
        try {
            options = RequestTargets.options(call);
        } catch (RuntimeException unusable) {
            // A URL Vert.x cannot take fails the call now, instead of escaping the event loop's task
            // and leaving the call to its timeout.
            outcome.tryFail(TransportErrors.network(call, unusable));
            return;
        }
        client.request(options)
                .compose(req -> {
                    // Publish the request before checking the deadline: the timer, which may run on
                    // another thread, then either sees it and resets it, or has already failed the call.
                    inFlight.set(req);
                    if (outcome.future().isComplete()) {
                        // Timed out while waiting for a pooled connection: nobody waits for this reply, so never send it.
                        req.reset();
                        return Future.failedFuture(outcome.future().cause());
                    }
                    return call.body() == null ? req.send() : req.send(call.body());
                })
                .onSuccess(response -> {
                    if (outcome.future().isComplete()) {
                        response.request().reset();
                    } else {
                        onHead.handle(response);
                    }
                })
                .onFailure(error -> outcome.tryFail(TransportErrors.network(call, error)));
    }

    @Override
    public void close() {
        client.close();
    }
}
