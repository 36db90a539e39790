package dev.junction.internal.retry;

import dev.junction.spi.ProviderSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Makes each chat model's {@link RetryLoop}: one {@link RetryBudget} per provider id, shared by all
 * its chat models, one scheduler, one source of jitter. Closing it abandons every pending delay.
 */
public final class RetryLoops implements AutoCloseable {
    private final Scheduler scheduler;
    private final AutoCloseable ownScheduler;
    private final RandomGenerator random;
    private final LongSupplier nanoTime;
    private final Map<String, RetryBudget> budgets = new ConcurrentHashMap<>();
    private final Map<String, LatencyWindow> latencies = new ConcurrentHashMap<>();

    /**
     * Loops waiting on {@code scheduler}, drawing jitter from {@code random} and timing the budget
     * with {@code nanoTime}.
     *
     * @param owned whether closing this closes the scheduler too
     */
    public RetryLoops(Scheduler scheduler, boolean owned, RandomGenerator random, LongSupplier nanoTime) {
        this.scheduler = scheduler;
        this.ownScheduler = owned && scheduler instanceof AutoCloseable closeable ? closeable : null;
        this.random = random;
        this.nanoTime = nanoTime;
    }

    /** The loop for one chat model of provider {@code providerId}, configured by its settings. */
    public RetryLoop forProvider(String providerId, ProviderSettings settings) {
        RetryBudget budget = budgets.computeIfAbsent(providerId, id -> new RetryBudget(nanoTime));
        LatencyWindow latency = latencies.computeIfAbsent(providerId, id -> new LatencyWindow());
        return new RetryLoop(providerId, new RetryPolicy(RetryOptions.of(settings), random), budget, scheduler, nanoTime, latency);
    }

    /** The median time to answer of a provider's recent successful calls, or empty when none is known. */
    public Optional<Duration> medianLatency(String providerId) {
        LatencyWindow window = latencies.get(providerId);
        return window == null ? Optional.empty() : window.median();
    }

    @Override
    public void close() {
        if (ownScheduler != null) {
            try {
                ownScheduler.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the retry scheduler failed", e);
            }
        }
    }
}
