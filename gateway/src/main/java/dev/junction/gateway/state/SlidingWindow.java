package dev.junction.gateway.state;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over the last 60 s in 1-second buckets: the in-memory twin of the Redis script's hash of
 * buckets. A bucket counts while it is one of the last 61 (the current second and the 60 before), so
 * the window spans 60 to 61 s: it never admits more than the limit in any 60 s, at the price of up to
 * one second's extra wait. Not thread-safe: callers hold a lock.
 */
final class SlidingWindow {
    /** Buckets counted: the current second and the 60 before it. */
    static final int BUCKETS = 61;

    private final TreeMap<Long, Long> buckets = new TreeMap<>();

    /** The total over the window ending at {@code nowMs}. */
    long total(long nowMs) {
        purge(nowMs);
        long sum = 0;
        for (long n : buckets.values()) {
            sum += n;
        }
        return sum;
    }

    void add(long nowMs, long n) {
        purge(nowMs);
        buckets.merge(Math.floorDiv(nowMs, 1000), n, Long::sum);
    }

    /**
     * How long until the total drops below {@code limit} as old buckets leave the window, in
     * milliseconds; 0 when it already is below.
     */
    long retryAfterMs(long nowMs, long limit) {
        long remaining = total(nowMs);
        for (Map.Entry<Long, Long> e : buckets.entrySet()) {
            if (remaining < limit) {
                break;
            }
            remaining -= e.getValue();
            if (remaining < limit) {
                return (e.getKey() + BUCKETS) * 1000 - nowMs;
            }
        }
        return 0;
    }

    private void purge(long nowMs) {
        long oldest = Math.floorDiv(nowMs, 1000) - (BUCKETS - 1);
        for (Iterator<Long> it = buckets.keySet().iterator(); it.hasNext() && it.next() < oldest;) {
            it.remove();
        }
    }
}
