package dev.junction.observe;

import dev.junction.error.ErrorKind;
import java.time.Duration;
import java.util.Objects;

/**
 * An attempt ended. A stream's successful attempt ends with its last part, so its duration covers
 * the whole reply, as a call's does.
 *
 * @param call which call
 * @param provider the provider id it went to
 * @param attempt its number within the call, from 1
 * @param providerAttempt its number at this provider, from 1
 * @param kind how it failed, or {@code null} when it answered
 * @param httpStatus the vendor's HTTP status of a failure, or {@code null} when it answered or no reply came
 * @param duration from sending to the answer or the failure
 * @param next what follows: nothing, a retry at the same provider, or the next provider
 * @param retryDelay the wait before the retry; zero unless {@code next} is {@link Next#RETRY}
 */
public record AttemptEnded(Call call, String provider, int attempt, int providerAttempt, ErrorKind kind, Integer httpStatus,
        Duration duration, Next next, Duration retryDelay) {

    /** What follows an attempt. */
    public enum Next {
        /** Nothing: it answered, or the call fails with it. */
        NONE,
        /** The same provider is tried again, after {@link #retryDelay()}. */
        RETRY,
        /** The next provider of a fallback or route is tried. */
        FALLBACK
    }

    /** Checks the required fields. */
    public AttemptEnded {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(retryDelay, "retryDelay");
    }

    /** Whether the attempt answered. */
    public boolean succeeded() {
        return kind == null;
    }
}
