package dev.junction.internal.retry;

import dev.junction.catalog.HealthStore;
import dev.junction.spi.ProviderSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Makes each chat model's {@link RetryLoop}: one {@link RetryBudget} per provider id, shared by all
 * its chat models, one scheduler, one source of jitter, one health store. Closing it abandons every
 * pending delay.
 */
public final class RetryLoops implements AutoCloseable {
    private final Scheduler scheduler;
    private final AutoCloseable ownScheduler;
    private final RandomGenerator random;
    private final LongSupplier nanoTime;
    private final Map<String, RetryBudget> budgets = new ConcurrentHashMap<>();
    private final HealthStore health;

    /**
     * Loops waiting on {@code scheduler}, drawing jitter from {@code random} and timing the budget
     * with {@code nanoTime}.
     *
     * @param owned whether closing this closes the scheduler too
     */
    public RetryLoops(Scheduler scheduler, boolean owned, RandomGenerator random, LongSupplier nanoTime, HealthStore health) {
        this.scheduler = scheduler;
        this.ownScheduler = owned && scheduler instanceof AutoCloseable closeable ? closeable : null;
        this.random = random;
        this.nanoTime = nanoTime;
        this.health = health;
    }

    /** The loop for one chat model of provider {@code providerId}, configured by its settings. */
    public RetryLoop forProvider(String providerId, ProviderSettings settings) {
        RetryBudget budget = budgets.computeIfAbsent(providerId, id -> new RetryBudget(nanoTime));
        return new RetryLoop(providerId, new RetryPolicy(RetryOptions.of(settings), random), budget, scheduler, nanoTime, health);
    }

    /** Where every attempt's outcome is recorded. */
    public HealthStore health() {
        return health;
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
