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
        State s = state(provider);
        synchronized (s) {
            s.calls++;
            s.samples[s.next] = timeToAnswer.toNanos();
            s.next = (s.next + 1) % SAMPLES;
            s.sampleCount = Math.min(SAMPLES, s.sampleCount + 1);
        }
    }

    @Override
    public void recordFailure(String provider, JunctionException error) {
        State s = state(provider);
        Instant now = clock.instant();
        synchronized (s) {
            s.calls++;
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
        synchronized (s) {
            long[] sorted = Arrays.copyOf(s.samples, s.sampleCount);
            Arrays.sort(sorted);
            return new ProviderHealth(provider, s.calls, s.failures, until, percentile(sorted, 50), percentile(sorted, 95));
        }
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

    /** One provider's counts; guarded by its own monitor. */
    private static final class State {
        long calls;
        long failures;
        final ArrayDeque<Instant> recent = new ArrayDeque<>();
        Instant cooldownUntil;
        final long[] samples = new long[SAMPLES];
        int sampleCount;
        int next;
    }
}
