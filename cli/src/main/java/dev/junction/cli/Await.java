package dev.junction.cli;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocks the command's (non-Vert.x) thread on a future, for at most a bound. */
final class Await {
    private Await() {
    }

    /**
     * The future's value.
     *
     * @param what names what is awaited, for the timeout message
     * @throws JunctionException the future's own JunctionException, or TIMEOUT after {@code bound}
     */
    static <T> T result(Future<T> future, Duration bound, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JunctionException error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw JunctionException.builder(ErrorKind.TIMEOUT, what + " did not arrive within " + bound.toSeconds() + " s")
                    .retryable(true).hint("try again later").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JunctionException.builder(ErrorKind.TIMEOUT, "interrupted while waiting for " + what).build();
        }
    }
}
