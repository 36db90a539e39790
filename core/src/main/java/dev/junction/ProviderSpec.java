package dev.junction;

import dev.junction.internal.config.ConfigStrings;
import dev.junction.internal.config.ConfigValues;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A parsed config string, {@code id[:model][?key=value&…]}, such as
 * {@code example:gemini-2.5-pro?timeout=30s}, as it reads before the environment and the defaults
 * apply. The key itself is never exposed, only whether the string carries one. Any field but the id
 * and {@code hasApiKey} may be {@code null}, meaning "not given here".
 *
 * @param providerId the provider id, lower case
 * @param model the model, canonical or vendor name
 * @param hasApiKey whether the string carries {@code apiKey=}
 * @param baseUrl from {@code baseUrl=}, without a trailing slash
 * @param timeout from {@code timeout=} ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h})
 * @param maxRetries from {@code maxRetries=}
 * @param firstByteTimeout from {@code firstByteTimeout=}, same forms as {@code timeout}
 * @param idleTimeout from {@code idleTimeout=}, same forms as {@code timeout}
 * @param inlineRemoteMedia from {@code inlineRemoteMedia=} ({@code true} or {@code false})
 * @param maxRetryDelay from {@code maxRetryDelay=}, same forms as {@code timeout}
 * @param retryOnTimeout from {@code retryOnTimeout=} ({@code true} or {@code false})
 * @param connectTimeout from {@code connectTimeout=}, same forms as {@code timeout}
 */
public record ProviderSpec(String providerId, String model, boolean hasApiKey, URI baseUrl, Duration timeout,
        Integer maxRetries, Duration firstByteTimeout, Duration idleTimeout, Boolean inlineRemoteMedia, Duration maxRetryDelay,
        Boolean retryOnTimeout, Duration connectTimeout) {

    /** The keys a config string may carry. */
    public static final List<String> KEYS = ConfigValues.KEYS;

    /**
     * Parses a config string.
     *
     * @throws dev.junction.error.JunctionException CONFIGURATION naming the faulty part and the
     *     fix; the message never repeats the API key
     */
    public static ProviderSpec parse(String configString) {
        ConfigValues v = ConfigStrings.parse(configString);
        return new ProviderSpec(v.providerId(), v.model(), v.apiKey() != null, v.baseUrl(), v.timeout(), v.maxRetries(),
                v.firstByteTimeout(), v.idleTimeout(), v.inlineRemoteMedia(), v.maxRetryDelay(), v.retryOnTimeout(),
                v.connectTimeout());
    }
}
