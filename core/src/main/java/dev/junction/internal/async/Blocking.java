package dev.junction.internal.async;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waits on Vert.x futures from plain threads, unwrapping failures to {@link JunctionException}. */
public final class Blocking {
    private Blocking() {
    }

    /** Throws when the current thread is a Vert.x event loop, where blocking would stall every connection. */
    public static void refuseOnEventLoop(String what) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException(what + " blocks and must not run on a Vert.x event-loop thread;"
                    + " use the Future-returning method instead");
        }
    }

    /** Waits for the future and returns its value, or throws its failure as a {@link JunctionException}. */
    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JunctionException.builder(ErrorKind.NETWORK, "interrupted while waiting for the reply")
                    .cause(e).retryable(false).build();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof JunctionException je) {
                throw je;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw JunctionException.builder(ErrorKind.NETWORK, String.valueOf(cause.getMessage())).cause(cause).build();
        }
    }
}
