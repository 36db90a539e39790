package dev.junction.observe;

import dev.junction.error.JunctionException;
import java.time.Duration;
import java.util.Objects;

/**
 * A call failed: every retry and fallback was spent, the request was refused before sending, or a
 * stream broke (or was cancelled) after its first part.
 *
 * @param call which call
 * @param attempts how many attempts were sent; 0 when it failed before sending
 * @param error the error the caller gets (its message never holds a key)
 * @param duration from the call's start to the failure
 */
public record CallFailed(Call call, int attempts, JunctionException error, Duration duration) {

    /** Checks the required fields. */
    public CallFailed {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(duration, "duration");
    }
}
