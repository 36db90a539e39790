package dev.junction.testing;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.junction.error.JunctionException;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on Vert.x futures, so that a hung call fails the test instead of hanging it. */
public final class Futures {
    /** Long enough for any local call, short enough to notice a hang. */
    public static final long BOUND_SECONDS = 10;

    private Futures() {
    }

    /** The future's value; fails the test when it fails or does not complete within the bound. */
    public static <T> T await(Future<T> future) {
        return await(future, BOUND_SECONDS);
    }

    /** The future's value, waiting at most {@code seconds}. */
    public static <T> T await(Future<T> future, long seconds) {
        try {
            return toCompletable(future).get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected success, got " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the future did not complete within " + seconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The {@link JunctionException} the future fails with; fails the test otherwise. */
    public static JunctionException failure(Future<?> future) {
        return failure(future, BOUND_SECONDS);
    }

    /** The {@link JunctionException} the future fails with, waiting at most {@code seconds}. */
    public static JunctionException failure(Future<?> future, long seconds) {
        try {
            Object value = toCompletable(future).get(seconds, TimeUnit.SECONDS);
            return fail("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return assertInstanceOf(JunctionException.class, e.getCause());
        } catch (TimeoutException e) {
            return fail("the future did not fail within " + seconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static <T> CompletableFuture<T> toCompletable(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture();
    }
}
