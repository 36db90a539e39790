package dev.junction.internal.retry;

import java.util.concurrent.atomic.AtomicLongArray;
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

    private static final long COUNT_MASK = 0xffff_ffffL;

    private final LongSupplier nanoTime;
    /**
     * Calls per bucket, each slot packing the second it counts (high 32 bits) with the count (low 32
     * bits), so that counting a call is one compare-and-set: every call passes here, and a lock
     * shared by a provider's calls stalled them under load. Retries, rare, keep the lock below, so
     * that two of them cannot both take the last one left.
     */
    private final AtomicLongArray calls = new AtomicLongArray(WINDOW_SECONDS);
    private final long[] retrySecond = new long[WINDOW_SECONDS];
    private final long[] retries = new long[WINDOW_SECONDS];

    /** A budget reading the time from {@code nanoTime} (such as {@link System#nanoTime}). */
    public RetryBudget(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        java.util.Arrays.fill(retrySecond, Long.MIN_VALUE);
    }

    /** Counts a call (its first attempt). */
    public void recordCall() {
        long s = second();
        int i = (int) Math.floorMod(s, WINDOW_SECONDS);
        long stamp = s & COUNT_MASK;
        while (true) {
            long slot = calls.get(i);
            long next = (slot >>> 32) == stamp ? slot + 1 : stamp << 32 | 1;
            if (calls.compareAndSet(i, slot, next)) {
                return;
            }
        }
    }

    /** Takes one retry from the budget; {@code false}, taking nothing, when it is spent. */
    public synchronized boolean tryRetry() {
        long now = second();
        int current = (int) Math.floorMod(now, WINDOW_SECONDS);
        if (retrySecond[current] != now) {
            retrySecond[current] = now;
            retries[current] = 0;
        }
        long callsInWindow = 0;
        long retriesInWindow = 0;
        for (long s = now - WINDOW_SECONDS + 1; s <= now; s++) {
            int i = (int) Math.floorMod(s, WINDOW_SECONDS);
            long slot = calls.get(i);
            if ((slot >>> 32) == (s & COUNT_MASK)) {
                callsInWindow += slot & COUNT_MASK;
            }
            if (retrySecond[i] == s) {
                retriesInWindow += retries[i];
            }
        }
        if (retriesInWindow >= allowed(callsInWindow)) {
            return false;
        }
        retries[current]++;
        return true;
    }

    /** The retries a window with this many calls allows. */
    static long allowed(long callsInWindow) {
        return (long) Math.floor(PERCENT_CAN_RETRY * callsInWindow) + (long) MIN_RETRIES_PER_SECOND * WINDOW_SECONDS;
    }

    private long second() {
        return Math.floorDiv(nanoTime.getAsLong(), NANOS_PER_SECOND);
    }
}
