package dev.junction.internal.retry;

import dev.junction.error.JunctionException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debug lines on {@code dev.junction.retry}: how each attempt ended and what follows it (a retry
 * after a delay, a stop and why, or the next provider). The exchange itself (URL, headers, bodies)
 * is logged by the transport on {@code dev.junction.http}. Error messages are already scrubbed of
 * the key by the engine; bodies are never logged here.
 */
public final class AttemptLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.junction.retry");

    private AttemptLog() {
    }

    /** Whether lines are written; callers skip building them otherwise. */
    public static boolean enabled() {
        return LOG.isDebugEnabled();
    }

    /** Attempt {@code attempt} (from 1) of a call to {@code provider} answered. */
    static void answered(String provider, int attempt, Duration took) {
        LOG.debug("{} attempt {} answered in {} ms", provider, attempt, took.toMillis());
    }

    /**
     * Attempt {@code attempt} failed; {@code took} is {@code null} when unknown (streams), and
     * {@code decision} says what follows, such as {@code retry 1 of 2 after 500 ms}.
     */
    static void failed(String provider, int attempt, JunctionException error, Duration took, String decision) {
        String status = error.httpStatus().isPresent() ? " (HTTP " + error.httpStatus().getAsInt() + ")" : "";
        String time = took == null ? "" : " in " + took.toMillis() + " ms";
        // A vendor's message may hold line breaks, which would forge log lines.
        String message = String.valueOf(error.getMessage()).replace("\r", "\\r").replace("\n", "\\n");
        LOG.debug("{} attempt {} failed{}: {}{}: {}; {}", provider, attempt, time, error.kind(), status, message, decision);
    }

    /** A fallback or route moves on from {@code from}, or stops; {@code decision} says which and why. */
    public static void fallback(String from, JunctionException error, String decision) {
        LOG.debug("{} gave up with {}; {}", from, error.kind(), decision);
    }

    /** A fallback or route skips a provider before calling it. */
    public static void skipped(String why) {
        LOG.debug("{}", why);
    }
}
