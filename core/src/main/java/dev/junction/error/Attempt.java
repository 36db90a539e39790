package dev.junction.error;

import java.time.Duration;
import java.util.Objects;

/**
 * One failed attempt of a call: where it went, how it failed, how long it took, and how long
 * Junction waited after it before the next attempt. A response lists the attempts that failed
 * before the one that served it; an error lists every attempt.
 *
 * @param provider the provider id the attempt went to
 * @param kind how it failed
 * @param httpStatus the vendor's HTTP status, or {@code null} when there was no answer
 * @param duration from sending to the failure
 * @param waitedAfter the delay before the next attempt; zero when none followed, or when the next went to another provider at once
 */
public record Attempt(String provider, ErrorKind kind, Integer httpStatus, Duration duration, Duration waitedAfter) {

    /** Checks the required fields. */
    public Attempt {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(waitedAfter, "waitedAfter");
    }

    /** This attempt with the delay that followed it. */
    public Attempt withWaitedAfter(Duration delay) {
        return new Attempt(provider, kind, httpStatus, duration, delay);
    }
}
