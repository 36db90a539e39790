package dev.junction.internal.retry;

import dev.junction.spi.ProviderSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How one provider's calls are retried.
 *
 * @param maxRetries how many times a retryable failure may be repeated
 * @param maxRetryDelay the longest delay a server may ask for; a longer one fails the call at once
 * @param retryOnTimeout whether a call that timed out before the first byte is repeated (the
 *     vendor may have done, and billed, the work)
 */
public record RetryOptions(int maxRetries, Duration maxRetryDelay, boolean retryOnTimeout) {
    /** The first backoff step; each retry doubles it. */
    public static final Duration BASE_DELAY = Duration.ofMillis(500);
    /** The longest backoff step. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    /** Checks the values. */
    public RetryOptions {
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
    }

    /** The options a provider's settings give. */
    public static RetryOptions of(ProviderSettings settings) {
        return new RetryOptions(settings.maxRetries(), settings.maxRetryDelay(), settings.retryOnTimeout());
    }
}
