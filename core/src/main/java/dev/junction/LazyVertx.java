package dev.junction;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.http.TransportOptions;
import dev.junction.internal.http.VertxHttpTransport;
import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import dev.junction.spi.HttpResponseStream;
import dev.junction.spi.HttpTransport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Junction's Vert.x and the HTTP client on it, started by the first call that needs them rather than
 * with Junction: listing providers, reading prices and quoting make no call, and starting and closing
 * Vert.x was about a quarter of the CLI's start (issue #14, docs/benchmarks.md). Thread-safe; once started, a call
 * reads one volatile field. Closed before it started, it never starts.
 */
final class LazyVertx implements HttpTransport, Supplier<Vertx> {
    private final Vertx borrowed;
    private final TransportOptions options;
    private volatile Started started;
    private boolean closed;

    private record Started(Vertx vertx, VertxHttpTransport transport) {
    }

    /**
     * @param borrowed the caller's Vert.x, never closed here; {@code null} to create and own one
     */
    LazyVertx(Vertx borrowed, TransportOptions options) {
        this.borrowed = borrowed;
        this.options = options;
    }

    /** Vert.x, started now if it was not. */
    @Override
    public Vertx get() {
        return started().vertx();
    }

    @Override
    public Future<HttpReply> send(HttpCall call) {
        try {
            return started().transport().send(call);
        } catch (JunctionException closed) {
            return Future.failedFuture(closed);
        }
    }

    @Override
    public Future<HttpReply> send(HttpCall call, Future<Void> abandoned) {
        try {
            return started().transport().send(call, abandoned);
        } catch (JunctionException closed) {
            return Future.failedFuture(closed);
        }
    }

    @Override
    public Future<HttpResponseStream> stream(HttpCall call, Duration firstByteTimeout, Duration idleTimeout, Future<Void> abandoned) {
        try {
            return started().transport().stream(call, firstByteTimeout, idleTimeout, abandoned);
        } catch (JunctionException closed) {
            return Future.failedFuture(closed);
        }
    }

    /** Whether Vert.x was started: for the tests that check that listing starts nothing. */
    boolean isStarted() {
        return started != null;
    }

    private Started started() {
        Started s = started;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (started == null) {
                if (closed) {
                    throw JunctionException.builder(ErrorKind.NETWORK, "Junction was closed").retryable(false).build();
                }
                Vertx vertx = borrowed != null ? borrowed : Vertx.vertx();
                started = new Started(vertx, new VertxHttpTransport(vertx, options));
            }
            return started;
        }
    }

    /** Closes the HTTP client and, if owned, Vert.x, when they were started. Waits at most ten seconds. */
    void close() {
        Started s;
        synchronized (this) {
            closed = true;
            s = started;
        }
        if (s == null) {
            return;
        }
        s.transport().close();
        if (borrowed == null) {
            try {
                s.vertx().close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw JunctionException.builder(ErrorKind.NETWORK, "Vert.x did not shut down cleanly: " + e.getMessage())
                        .cause(e).retryable(false).build();
            }
        }
    }
}
