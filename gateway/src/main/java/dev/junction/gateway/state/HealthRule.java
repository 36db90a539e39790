package dev.junction.gateway.state;

import java.time.Duration;
import java.util.Objects;

/**
 * When a provider cools down: {@code failures} retryable failures within {@code window} (counted
 * across all instances when shared) take it out of routes for {@code cooldown}.
 *
 * @param failures retryable failures that trigger a cooldown, at least 1
 * @param window how far back failures count, positive
 * @param cooldown how long the provider is skipped, positive
 */
public record HealthRule(int failures, Duration window, Duration cooldown) {

    /** Junction's default: 3 retryable failures within 60 s cool a provider down for 30 s. */
    public static final HealthRule DEFAULT = new HealthRule(3, Duration.ofSeconds(60), Duration.ofSeconds(30));

    /**
     * Checks the rule can be applied.
     *
     * @throws IllegalArgumentException when {@code failures} is below 1 or a duration is not positive
     */
    public HealthRule {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(cooldown, "cooldown");
        if (failures < 1 || window.isNegative() || window.isZero() || cooldown.isNegative() || cooldown.isZero()) {
            throw new IllegalArgumentException("a cooldown needs at least 1 failure and a positive window and duration");
        }
    }
}
