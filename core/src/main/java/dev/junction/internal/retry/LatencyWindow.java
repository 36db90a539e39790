package dev.junction.internal.retry;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** One provider's recent answer times (the last 64 successful attempts), for the fastest route. Thread-safe. */
public final class LatencyWindow {
    private static final int SIZE = 64;
    private final long[] nanos = new long[SIZE];
    private int count;
    private int next;

    /** Records one successful attempt's time to answer. */
    public synchronized void record(Duration time) {
        nanos[next] = time.toNanos();
        next = (next + 1) % SIZE;
        count = Math.min(SIZE, count + 1);
    }

    /** The median of the recent times, or empty when none is recorded. */
    public synchronized Optional<Duration> median() {
        if (count == 0) {
            return Optional.empty();
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return Optional.of(Duration.ofNanos(sorted[(count - 1) / 2]));
    }
}
