package dev.junction.internal.retry;

import dev.junction.error.JunctionException;
import java.time.Duration;

/** What the retry policy says after a failed attempt: try again after a delay, or stop with an error. */
public sealed interface Verdict {

    /** Try again once {@code delay} has passed. */
    record Retry(Duration delay) implements Verdict {
    }

    /** Stop; {@code error} is the call's failure (the attempt's own, or one saying why no retry is made). */
    record Stop(JunctionException error) implements Verdict {
    }
}
