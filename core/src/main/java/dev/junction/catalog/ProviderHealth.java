package dev.junction.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of how one provider has been answering in this process (or, with a shared
 * {@link HealthStore}, across the processes that share it).
 *
 * @param provider the provider id
 * @param calls attempts recorded, successful or not
 * @param failures attempts that failed
 * @param cooldownUntil until when routes skip the provider, or {@code null} when it is not cooling down
 * @param medianTimeToAnswer the median time to answer of its recent successful attempts, or {@code null} when none
 * @param p95TimeToAnswer the 95th percentile of the same, or {@code null} when none
 */
public record ProviderHealth(String provider, long calls, long failures, Instant cooldownUntil, Duration medianTimeToAnswer,
        Duration p95TimeToAnswer) {

    /** Checks the provider is named. */
    public ProviderHealth {
        Objects.requireNonNull(provider, "provider");
    }
}
