package dev.junction.catalog;

import dev.junction.error.JunctionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where provider health is kept: each attempt's outcome, and the cooldowns they lead to. Junction
 * keeps it in memory by default; a gateway running several instances can keep it elsewhere (such
 * as Redis) through {@code Junction.builder().healthStore(…)}. Implementations are thread-safe and
 * fast: they are called on every attempt, on event-loop threads, so they must not block.
 */
public interface HealthStore {

    /** Records an attempt that answered, and how long it took. */
    void recordSuccess(String provider, Duration timeToAnswer);

    /** Records an attempt that failed; a failing provider may be put in a cooldown. */
    void recordFailure(String provider, JunctionException error);

    /** Until when the provider is cooling down, or empty when it is not (or no longer). */
    Optional<Instant> cooldownUntil(String provider);

    /** The provider's current figures; for a provider never seen, zeros and nulls. */
    ProviderHealth snapshot(String provider);
}
