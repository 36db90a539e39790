package dev.junction;

import dev.junction.catalog.HealthStore;
import dev.junction.internal.retry.LocalHealth;
import java.time.Clock;
import java.time.Duration;

/**
 * Ready-made {@link HealthStore}s. A store kept elsewhere (a gateway's Redis) usually wraps one of
 * these for what it does not share, such as answer times, and to fall back on when it cannot reach
 * its backend.
 */
public final class HealthStores {
    private HealthStores() {
    }

    /**
     * Health in this process, Junction's default: {@code failures} retryable failures within
     * {@code window} cool a provider down for {@code cooldown}; a rate limit with a Retry-After
     * cools it down for that delay at once.
     *
     * @throws IllegalArgumentException when {@code failures} is below 1 or a duration is not positive
     */
    public static HealthStore inMemory(Clock clock, int failures, Duration window, Duration cooldown) {
        return new LocalHealth(clock, failures, window, cooldown);
    }

    /** Health in this process under the default rule: 3 retryable failures within 60 s cool a provider down for 30 s. */
    public static HealthStore inMemory() {
        return LocalHealth.defaults(Clock.systemUTC());
    }
}
