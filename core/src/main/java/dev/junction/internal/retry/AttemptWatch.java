package dev.junction.internal.retry;

import dev.junction.chat.StreamPart;
import dev.junction.error.JunctionException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Watches one call's attempts for its listeners, so that the retry loop and the fallback report
 * them without knowing about listeners. {@link #NONE} is the one used when there is no listener:
 * every method does nothing, and nothing is allocated for it.
 */
public interface AttemptWatch {
    /** Watches nothing. */
    AttemptWatch NONE = new AttemptWatch() {
    };

    /** Whether this watches anything; when not, callers skip building what they would tell it. */
    default boolean active() {
        return false;
    }

    /** An attempt to {@code provider} is about to be sent. */
    default void started(String provider) {
    }

    /** The current attempt answered a chat call. */
    default void answered() {
    }

    /**
     * The current attempt failed; {@code retryDelay} is the wait before it is repeated at the same
     * provider, or {@code null} when that provider's loop stopped.
     */
    default void failed(JunctionException error, Duration retryDelay) {
    }

    /** Says whether, once a provider's loop stops with an error, the next provider is tried. */
    default void fallsBackWhen(Predicate<JunctionException> rule) {
    }

    /** A part reached the caller of a stream. */
    default void part(StreamPart part) {
    }

    /** A stream failed, or was cancelled, as its caller is told. */
    default void streamFailed(JunctionException error) {
    }
}
