package dev.junction.internal.retry;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.async.Cancellation;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Retry delays on Vert.x timers. Closing it fails every pending delay, so no call waits on a stopped
 * Vert.x. Vert.x is asked for at the first delay only: Junction starts it on first need (issue #14).
 */
public final class VertxScheduler implements Scheduler, AutoCloseable {
    private final Supplier<Vertx> vertx;
    private final Map<Long, Promise<Void>> pending = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Schedules on the Vert.x that {@code vertx} gives. */
    public VertxScheduler(Supplier<Vertx> vertx) {
        this.vertx = vertx;
    }

    @Override
    public Future<Void> after(Duration delay) {
        return after(delay, Cancellation.NEVER);
    }

    /** As {@link #after(Duration)}; cancelling also cancels the timer, so a cancelled call holds none. */
    @Override
    public Future<Void> after(Duration delay, Future<Void> cancellation) {
        if (Cancellation.cancelled(cancellation)) {
            return Future.failedFuture(Cancellation.error(null));
        }
        if (closed) {
            return Future.failedFuture(closedError());
        }
        if (delay.isZero() || delay.isNegative()) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        long id = vertx.get().setTimer(Math.max(1, delay.toMillis()), timer -> {
            Promise<Void> due = pending.remove(timer);
            if (due != null) {
                due.tryComplete();
            }
        });
        pending.put(id, promise);
        if (closed && pending.remove(id) != null) {
            // close() ran between the check above and the put: it cannot have seen this timer.
            vertx.get().cancelTimer(id);
            promise.tryFail(closedError());
        }
        Cancellation.onCancel(cancellation, () -> {
            if (pending.remove(id) != null) {
                vertx.get().cancelTimer(id);
                promise.tryFail(Cancellation.error(null));
            }
        });
        return promise.future();
    }

    /** Cancels every pending delay, failing its call with NETWORK. */
    @Override
    public void close() {
        closed = true;
        for (Long id : pending.keySet()) {
            Promise<Void> promise = pending.remove(id);
            if (promise != null) {
                vertx.get().cancelTimer(id);
                promise.tryFail(closedError());
            }
        }
    }

    private static JunctionException closedError() {
        return JunctionException.builder(ErrorKind.NETWORK, "Junction was closed while a call waited to be retried")
                .retryable(false)
                .build();
    }
}
