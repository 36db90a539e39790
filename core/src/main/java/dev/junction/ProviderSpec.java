package dev.junction;

import dev.junction.error.JunctionException;
import dev.junction.internal.config.ConfigStrings;
import dev.junction.spi.ApiKey;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A parsed config string, {@code id[:model][?key=value&…]}, such as
 * {@code acedata:gemini-2.5-pro?timeout=30s}. Values are percent-decoded. {@link #toString()}
 * masks the key. Any field but the id may be {@code null}, meaning "not given here".
 *
 * @param providerId the provider id, lower case
 * @param model the model, canonical or vendor name
 * @param apiKey from {@code apiKey=}
 * @param baseUrl from {@code baseUrl=}, without a trailing slash
 * @param timeout from {@code timeout=} ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h})
 * @param maxRetries from {@code maxRetries=}
 * @param firstByteTimeout from {@code firstByteTimeout=}, same forms as {@code timeout}
 * @param idleTimeout from {@code idleTimeout=}, same forms as {@code timeout}
 * @param inlineRemoteMedia from {@code inlineRemoteMedia=} ({@code true} or {@code false})
 */
public record ProviderSpec(String providerId, String model, ApiKey apiKey, URI baseUrl, Duration timeout, Integer maxRetries,
        Duration firstByteTimeout, Duration idleTimeout, Boolean inlineRemoteMedia) {

    /** The keys a config string may carry. */
    public static final List<String> KEYS = List.of("apiKey", "baseUrl", "timeout", "maxRetries", "firstByteTimeout", "idleTimeout",
            "inlineRemoteMedia");

    /** A spec without the media setting. */
    public ProviderSpec(String providerId, String model, ApiKey apiKey, URI baseUrl, Duration timeout, Integer maxRetries,
            Duration firstByteTimeout, Duration idleTimeout) {
        this(providerId, model, apiKey, baseUrl, timeout, maxRetries, firstByteTimeout, idleTimeout, null);
    }

    /** A spec that names only a provider (and maybe a model). */
    public static ProviderSpec of(String providerId, String model) {
        return new ProviderSpec(providerId, model, null, null, null, null, null, null, null);
    }

    /**
     * Parses a config string.
     *
     * @throws JunctionException CONFIGURATION naming the faulty part and the fix; the message
     *     never repeats the API key
     */
    public static ProviderSpec parse(String configString) {
        return ConfigStrings.parse(configString);
    }
}
