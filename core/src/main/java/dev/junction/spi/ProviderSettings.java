package dev.junction.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The resolved settings of one provider instance: config string values with the environment
 * fallbacks applied. {@link #toString()} never shows the key.
 *
 * @param providerId the provider id
 * @param apiKey the key, or {@code null} when none was given anywhere
 * @param baseUrl the base URL override without a trailing slash, or {@code null} for the vendor's default
 * @param timeout the total time one call may take, streamed or not
 * @param maxRetries how many times a retryable failure may be repeated (accepted now; retries arrive later)
 * @param firstByteTimeout for streams, how long the vendor may take to send the first chunk of its answer
 * @param idleTimeout for streams, the longest silence allowed between two chunks (time spent paused by the consumer does not count)
 * @param inlineRemoteMedia whether Junction downloads media URLs itself and sends the bytes inline, for vendors
 *     that take only inline data; the download never carries the vendor's key
 */
public record ProviderSettings(String providerId, ApiKey apiKey, URI baseUrl, Duration timeout, int maxRetries,
        Duration firstByteTimeout, Duration idleTimeout, boolean inlineRemoteMedia) {

    /** The total call timeout when none is configured: thinking models can take minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** The time to first byte of a stream when none is configured. */
    public static final Duration DEFAULT_FIRST_BYTE_TIMEOUT = Duration.ofSeconds(60);
    /** The longest silence within a stream when none is configured. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    /** Checks the values and fills defaults. */
    public ProviderSettings {
        Objects.requireNonNull(providerId, "providerId");
        timeout = positive(timeout, DEFAULT_TIMEOUT, "timeout");
        firstByteTimeout = positive(firstByteTimeout, DEFAULT_FIRST_BYTE_TIMEOUT, "firstByteTimeout");
        idleTimeout = positive(idleTimeout, DEFAULT_IDLE_TIMEOUT, "idleTimeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
    }

    /** Settings that leave media URLs to the vendor. */
    public ProviderSettings(String providerId, ApiKey apiKey, URI baseUrl, Duration timeout, int maxRetries,
            Duration firstByteTimeout, Duration idleTimeout) {
        this(providerId, apiKey, baseUrl, timeout, maxRetries, firstByteTimeout, idleTimeout, false);
    }

    /** Settings with the stream timeouts at their defaults. */
    public ProviderSettings(String providerId, ApiKey apiKey, URI baseUrl, Duration timeout, int maxRetries) {
        this(providerId, apiKey, baseUrl, timeout, maxRetries, null, null);
    }

    /** Settings with nothing configured. */
    public static ProviderSettings defaults(String providerId) {
        return new ProviderSettings(providerId, null, null, DEFAULT_TIMEOUT, 2);
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /** The environment variable that supplies this provider's key, such as {@code ACEDATA_API_KEY}. */
    public String apiKeyEnvVar() {
        return envVar(providerId, "API_KEY");
    }

    /** The environment variable that overrides this provider's base URL. */
    public String baseUrlEnvVar() {
        return envVar(providerId, "BASE_URL");
    }

    /** {@code <ID>_<SUFFIX>}, with the id upper-cased and every non-alphanumeric turned into {@code _}. */
    public static String envVar(String providerId, String suffix) {
        return providerId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_" + suffix;
    }
}
