package dev.junction.gateway.state;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waiting in tests: on a future with a bound, or for a condition with a deadline. */
public final class Await {
    private Await() {
    }

    public static <T> T result(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the future failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the future did not complete within 10 s", e);
        }
    }

    /** The failure of a future expected to fail, of the given type. */
    public static <E extends Throwable> E failure(Class<E> type, Future<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        if (!type.isInstance(e.getCause())) {
            throw new AssertionError("expected " + type.getSimpleName() + " but the future failed with " + e.getCause(), e.getCause());
        }
        return type.cast(e.getCause());
    }

    /** Polls every 20 ms until the condition holds, failing after {@code deadline}. */
    public static void until(Duration deadline, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not within " + deadline.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
