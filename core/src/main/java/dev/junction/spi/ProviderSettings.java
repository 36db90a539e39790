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
 * @param timeout the total time one call may take
 * @param maxRetries how many times a retryable failure may be repeated (accepted now; retries arrive later)
 */
public record ProviderSettings(String providerId, ApiKey apiKey, URI baseUrl, Duration timeout, int maxRetries) {

    /** The total call timeout when none is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /** Checks the values and fills defaults. */
    public ProviderSettings {
        Objects.requireNonNull(providerId, "providerId");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
    }

    /** Settings with nothing configured. */
    public static ProviderSettings defaults(String providerId) {
        return new ProviderSettings(providerId, null, null, DEFAULT_TIMEOUT, 2);
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
