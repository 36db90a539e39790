package dev.junction.internal.retry;

import io.vertx.core.Future;
import java.time.Duration;

/** Waits before a retry; an interface so that tests see the exact delays without waiting them. */
public interface Scheduler {

    /**
     * A future that completes once {@code delay} has passed, or fails with a JunctionException when
     * the wait is abandoned (Junction closing).
     */
    Future<Void> after(Duration delay);
}
