package dev.junction.internal.retry;

import dev.junction.internal.async.Cancellation;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;

/** Waits before a retry; an interface so that tests see the exact delays without waiting them. */
public interface Scheduler {

    /**
     * A future that completes once {@code delay} has passed, or fails with a JunctionException when
     * the wait is abandoned (Junction closing).
     */
    Future<Void> after(Duration delay);

    /**
     * As {@link #after(Duration)}, failing at once with kind CANCELLED when {@code cancellation}
     * completes first. This default leaves the underlying wait to run out unheard; an implementation
     * with a timer to cancel overrides it.
     */
    default Future<Void> after(Duration delay, Future<Void> cancellation) {
        if (cancellation == Cancellation.NEVER) {
            return after(delay);
        }
        Promise<Void> waited = Promise.promise();
        Cancellation.onCancel(cancellation, () -> waited.tryFail(Cancellation.error(null)));
        if (!waited.future().isComplete()) {
            after(delay).onComplete(done -> {
                if (done.succeeded()) {
                    waited.tryComplete();
                } else {
                    waited.tryFail(done.cause());
                }
            });
        }
        return waited.future();
    }
}
