package dev.junction.internal.async;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * A caller's cancellation of a call: a future whose completing, succeeded or failed, cancels it. Code
 * registers on one only through {@link #onCancel}, so that {@link #NEVER}, shared by every call made
 * without one, never collects handlers.
 */
public final class Cancellation {
    /** Never completes: the cancellation of a call that cannot be cancelled. */
    public static final Future<Void> NEVER = Promise.<Void>promise().future();

    private Cancellation() {
    }

    /** Runs {@code action} once {@code cancellation} completes (at once when it has, on this thread); never for {@link #NEVER}. */
    public static void onCancel(Future<?> cancellation, Runnable action) {
        if (cancellation != NEVER) {
            cancellation.onComplete(done -> action.run());
        }
    }

    /** Whether the caller has cancelled. */
    public static boolean cancelled(Future<?> cancellation) {
        return cancellation != NEVER && cancellation.isComplete();
    }

    /** The error a call its caller cancelled fails with; {@code provider} may be {@code null}. */
    public static JunctionException error(String provider) {
        return JunctionException.builder(ErrorKind.CANCELLED,
                        (provider == null ? "" : provider + ": ") + "the call was cancelled by its caller")
                .provider(provider)
                .retryable(false)
                .build();
    }
}
