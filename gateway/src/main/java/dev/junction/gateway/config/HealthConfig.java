package dev.junction.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The cooldown rule ({@code health:} in the file): after {@code failures} retryable failures within
 * {@code window}, routes skip a provider for {@code cooldown}. Junction's own default, 3 within
 * 60 s for 30 s, applies without it.
 *
 * @param failures failures that start a cooldown, at least 1
 * @param window the time they must fall within
 * @param cooldown how long the provider is skipped
 */
public record HealthConfig(int failures, Duration window, Duration cooldown) {

    /** Checks the durations are present. */
    public HealthConfig {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(cooldown, "cooldown");
    }

    /** Junction's default: 3 failures within 60 s, for 30 s. */
    public static HealthConfig defaults() {
        return new HealthConfig(3, Duration.ofSeconds(60), Duration.ofSeconds(30));
    }
}
