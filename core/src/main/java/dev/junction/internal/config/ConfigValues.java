package dev.junction.internal.config;

import dev.junction.spi.ApiKey;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a config string says, before the environment and the defaults are applied. Any field but
 * the id may be {@code null}, meaning "not given here". {@link #toString()} masks the key.
 *
 * @param providerId the provider id, lower case
 * @param model the model, canonical or vendor name
 * @param apiKey from {@code apiKey=}
 * @param baseUrl from {@code baseUrl=}, without a trailing slash
 * @param timeout from {@code timeout=}
 * @param maxRetries from {@code maxRetries=}
 * @param firstByteTimeout from {@code firstByteTimeout=}
 * @param idleTimeout from {@code idleTimeout=}
 * @param inlineRemoteMedia from {@code inlineRemoteMedia=}
 * @param maxRetryDelay from {@code maxRetryDelay=}
 * @param retryOnTimeout from {@code retryOnTimeout=}
 * @param connectTimeout from {@code connectTimeout=}
 */
public record ConfigValues(String providerId, String model, ApiKey apiKey, URI baseUrl, Duration timeout, Integer maxRetries,
        Duration firstByteTimeout, Duration idleTimeout, Boolean inlineRemoteMedia, Duration maxRetryDelay,
        Boolean retryOnTimeout, Duration connectTimeout) {

    /** The keys a config string may carry. */
    public static final List<String> KEYS = List.of("apiKey", "baseUrl", "timeout", "maxRetries", "firstByteTimeout", "idleTimeout",
            "inlineRemoteMedia", "maxRetryDelay", "retryOnTimeout", "connectTimeout");

    /** Checks the id is present. */
    public ConfigValues {
        Objects.requireNonNull(providerId, "providerId");
    }

    /** A config string that names only a provider. */
    public static ConfigValues of(String providerId) {
        return new ConfigValues(providerId, null, null, null, null, null, null, null, null, null, null, null);
    }
}
