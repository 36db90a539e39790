package dev.junction.internal.retry;

import java.util.function.LongSupplier;

/**
 * Holds one provider's retries to a share of its calls, so that retries cannot multiply an outage
 * (Finagle's retry budget): over the last 10 seconds, at most 20 % of the calls plus 10 retries a
 * second. Counted in one-second buckets; thread-safe.
 */
public final class RetryBudget {
    /** The window the counts cover. */
    public static final int WINDOW_SECONDS = 10;
    /** The share of calls that may be retried. */
    public static final double PERCENT_CAN_RETRY = 0.2;
    /** Retries always allowed per second of the window, however few the calls. */
    public static final int MIN_RETRIES_PER_SECOND = 10;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private final long[] second = new long[WINDOW_SECONDS];
    private final long[] calls = new long[WINDOW_SECONDS];
    private final long[] retries = new long[WINDOW_SECONDS];

    /** A budget reading the time from {@code nanoTime} (such as {@link System#nanoTime}). */
    public RetryBudget(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        java.util.Arrays.fill(second, Long.MIN_VALUE);
    }

    /** Counts a call (its first attempt). */
    public synchronized void recordCall() {
        calls[bucket()]++;
    }

    /** Takes one retry from the budget; {@code false}, taking nothing, when it is spent. */
    public synchronized boolean tryRetry() {
        int now = bucket();
        long callsInWindow = 0;
        long retriesInWindow = 0;
        long current = second[now];
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (second[i] > current - WINDOW_SECONDS) {
                callsInWindow += calls[i];
                retriesInWindow += retries[i];
            }
        }
        if (retriesInWindow >= allowed(callsInWindow)) {
            return false;
        }
        retries[now]++;
        return true;
    }

    /** The retries a window with this many calls allows. */
    static long allowed(long callsInWindow) {
        return (long) Math.floor(PERCENT_CAN_RETRY * callsInWindow) + (long) MIN_RETRIES_PER_SECOND * WINDOW_SECONDS;
    }

    /** The bucket of the current second, emptied when it last held an older second. */
    private int bucket() {
        long s = Math.floorDiv(nanoTime.getAsLong(), NANOS_PER_SECOND);
        int i = (int) Math.floorMod(s, WINDOW_SECONDS);
        if (second[i] != s) {
            second[i] = s;
            calls[i] = 0;
            retries[i] = 0;
        }
        return i;
    }
}
