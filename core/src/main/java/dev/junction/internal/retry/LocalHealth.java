package dev.junction.internal.retry;

import dev.junction.catalog.HealthStore;
import dev.junction.catalog.ProviderHealth;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Provider health in this process: a provider with {@code failures} retryable failures within
 * {@code window} cools down for {@code cooldown}; a rate limit with a Retry-After cools it down for
 * that delay at once. Answer times are kept for the last 64 successful attempts.
 */
public final class LocalHealth implements HealthStore {
    private static final int SAMPLES = 64;

    private final Clock clock;
    private final int failures;
    private final Duration window;
    private final Duration cooldown;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    /**
     * Health under the given rule, on {@code clock}.
     *
     * @throws IllegalArgumentException when {@code failures} is below 1 or a duration is not positive
     */
    public LocalHealth(Clock clock, int failures, Duration window, Duration cooldown) {
        if (failures < 1 || window.isNegative() || window.isZero() || cooldown.isNegative() || cooldown.isZero()) {
            throw new IllegalArgumentException("a cooldown needs at least 1 failure and a positive window and duration");
        }
        this.clock = clock;
        this.failures = failures;
        this.window = window;
        this.cooldown = cooldown;
    }

    /** The default rule: 3 retryable failures within 60 s cool a provider down for 30 s. */
    public static LocalHealth defaults(Clock clock) {
        return new LocalHealth(clock, 3, Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    @Override
    public void recordSuccess(String provider, Duration timeToAnswer) {
        // Every successful call passes here: no lock, which a provider's calls would all queue on.
        State s = state(provider);
        s.calls.increment();
        long n = s.successes.getAndIncrement();
        s.samples.set((int) (n % SAMPLES), timeToAnswer.toNanos());
    }

    @Override
    public void recordFailure(String provider, JunctionException error) {
        State s = state(provider);
        Instant now = clock.instant();
        s.calls.increment();
        synchronized (s) {
            s.failures++;
            if (error.kind() == ErrorKind.RATE_LIMITED && error.retryAfter().isPresent()) {
                extend(s, now.plus(error.retryAfter().get()));
            }
            if (!error.retryable()) {
                // A key, billing or request problem says nothing about the provider's health.
                return;
            }
            s.recent.addLast(now);
            while (!s.recent.isEmpty() && s.recent.peekFirst().isBefore(now.minus(window))) {
                s.recent.removeFirst();
            }
            if (s.recent.size() >= failures) {
                extend(s, now.plus(cooldown));
                s.recent.clear();
            }
        }
    }

    @Override
    public Optional<Instant> cooldownUntil(String provider) {
        State s = states.get(provider);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            return s.cooldownUntil != null && s.cooldownUntil.isAfter(clock.instant()) ? Optional.of(s.cooldownUntil) : Optional.empty();
        }
    }

    @Override
    public ProviderHealth snapshot(String provider) {
        State s = state(provider);
        Instant until = cooldownUntil(provider).orElse(null);
        long[] sorted = new long[(int) Math.min(SAMPLES, s.successes.get())];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = s.samples.get(i);
        }
        Arrays.sort(sorted);
        long failures;
        synchronized (s) {
            failures = s.failures;
        }
        return new ProviderHealth(provider, s.calls.sum(), failures, until, percentile(sorted, 50), percentile(sorted, 95));
    }

    private static Duration percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return Duration.ofNanos(sorted[Math.max(0, rank)]);
    }

    private static void extend(State s, Instant until) {
        if (s.cooldownUntil == null || until.isAfter(s.cooldownUntil)) {
            s.cooldownUntil = until;
        }
    }

    private State state(String provider) {
        return states.computeIfAbsent(provider, p -> new State());
    }

    /**
     * One provider's counts. Calls and answer times are lock-free, for the success path; the failure
     * counts and cooldown are guarded by the state's monitor.
     */
    private static final class State {
        final LongAdder calls = new LongAdder();
        final AtomicLong successes = new AtomicLong();
        /** The last {@link #SAMPLES} answer times in nanoseconds, success {@code n} at {@code n % SAMPLES}. */
        final AtomicLongArray samples = new AtomicLongArray(SAMPLES);
        long failures;
        final ArrayDeque<Instant> recent = new ArrayDeque<>();
        Instant cooldownUntil;
    }
}
