package dev.junction.spi;

import dev.junction.error.JunctionException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The resolved settings of one provider instance: config string values with the environment
 * fallbacks and defaults applied. Made by {@link #builder(String)}; {@link #toString()} never
 * shows the key.
 */
public final class ProviderSettings {

    /** The total call timeout when none is configured: thinking models can take minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** The time to first byte of a stream when none is configured. */
    public static final Duration DEFAULT_FIRST_BYTE_TIMEOUT = Duration.ofSeconds(60);
    /** The longest silence within a stream when none is configured. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** How many times a retryable failure may be repeated when nothing is configured. */
    public static final int DEFAULT_MAX_RETRIES = 2;
    /** The longest delay a server may ask for before a retry when nothing is configured. */
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(60);

    private final String providerId;
    private final ApiKey apiKey;
    private final URI baseUrl;
    private final Duration timeout;
    private final int maxRetries;
    private final Duration firstByteTimeout;
    private final Duration idleTimeout;
    private final boolean inlineRemoteMedia;
    private final Duration maxRetryDelay;
    private final boolean retryOnTimeout;
    private final Duration connectTimeout;
    private final List<String> apiKeyEnvFallbacks;

    private ProviderSettings(Builder b) {
        this.providerId = b.providerId;
        this.apiKey = b.apiKey;
        this.baseUrl = b.baseUrl;
        this.timeout = positive(b.timeout, DEFAULT_TIMEOUT, "timeout");
        this.firstByteTimeout = positive(b.firstByteTimeout, DEFAULT_FIRST_BYTE_TIMEOUT, "firstByteTimeout");
        this.idleTimeout = positive(b.idleTimeout, DEFAULT_IDLE_TIMEOUT, "idleTimeout");
        if (b.maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        this.maxRetries = b.maxRetries;
        this.inlineRemoteMedia = b.inlineRemoteMedia;
        this.maxRetryDelay = positive(b.maxRetryDelay, DEFAULT_MAX_RETRY_DELAY, "maxRetryDelay");
        this.retryOnTimeout = b.retryOnTimeout;
        this.connectTimeout = b.connectTimeout == null ? null : positive(b.connectTimeout, null, "connectTimeout");
        this.apiKeyEnvFallbacks = List.copyOf(b.apiKeyEnvFallbacks);
    }

    /** Starts settings for a provider id; every other field has its default. */
    public static Builder builder(String providerId) {
        return new Builder(providerId);
    }

    /** Settings with nothing configured. */
    public static ProviderSettings defaults(String providerId) {
        return builder(providerId).build();
    }

    /** The provider id. */
    public String providerId() {
        return providerId;
    }

    /** The key, or {@code null} when none was given anywhere. */
    public ApiKey apiKey() {
        return apiKey;
    }

    /**
     * The key, for code about to call the vendor.
     *
     * @throws JunctionException CONFIGURATION when none was given, naming the environment variable to set
     */
    public ApiKey requireApiKey() {
        if (apiKey == null) {
            throw JunctionException.configuration(providerId, "no API key for " + providerId,
                    "set the environment variable " + apiKeyEnvVarsText() + " or add apiKey=… to the config string");
        }
        return apiKey;
    }

    /** The base URL override without a trailing slash, or {@code null} for the vendor's default. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The total time one call may take, streamed or not. */
    public Duration timeout() {
        return timeout;
    }

    /** How many times a retryable failure may be repeated (retries, not counting the first attempt). */
    public int maxRetries() {
        return maxRetries;
    }

    /** For streams, how long the vendor may take to send the first chunk of its answer. */
    public Duration firstByteTimeout() {
        return firstByteTimeout;
    }

    /** For streams, the longest silence allowed between two chunks; time spent paused by the consumer does not count. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * Whether Junction downloads media URLs itself and sends the bytes inline, for vendors that
     * take only inline data; the download never carries the vendor's key.
     */
    public boolean inlineRemoteMedia() {
        return inlineRemoteMedia;
    }

    /** The longest delay a server may ask for (Retry-After); a longer one fails the call at once. */
    public Duration maxRetryDelay() {
        return maxRetryDelay;
    }

    /**
     * Whether a call that timed out before the first byte is repeated. The vendor may have done the
     * work already, so a repeat can bill twice.
     */
    public boolean retryOnTimeout() {
        return retryOnTimeout;
    }

    /** How long opening a connection may take, or {@code null} for Junction's (10 s unless the builder says otherwise). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The environment variable that supplies this provider's key, such as {@code EXAMPLE_API_KEY}. */
    public String apiKeyEnvVar() {
        return envVar(providerId, "API_KEY");
    }

    /**
     * Further variables read, in order, when {@link #apiKeyEnvVar()} is unset (a vendor profile's
     * {@code apiKeyEnvFallbacks}, such as {@code GEMINI_API_KEY}); empty for most providers.
     */
    public List<String> apiKeyEnvFallbacks() {
        return apiKeyEnvFallbacks;
    }

    /** Every variable that may supply the key, in the order they are read. */
    public List<String> apiKeyEnvVars() {
        List<String> all = new ArrayList<>();
        all.add(apiKeyEnvVar());
        all.addAll(apiKeyEnvFallbacks);
        return List.copyOf(all);
    }

    /** The key variables for a message: {@code GOOGLE_API_KEY}, or {@code GOOGLE_API_KEY (or GEMINI_API_KEY)}. */
    public String apiKeyEnvVarsText() {
        return apiKeyEnvFallbacks.isEmpty() ? apiKeyEnvVar()
                : apiKeyEnvVar() + " (or " + String.join(", or ", apiKeyEnvFallbacks) + ")";
    }

    /** The environment variable that overrides this provider's base URL. */
    public String baseUrlEnvVar() {
        return envVar(providerId, "BASE_URL");
    }

    /** {@code <ID>_<SUFFIX>}, with the id upper-cased and every non-alphanumeric turned into {@code _}. */
    public static String envVar(String providerId, String suffix) {
        return providerId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_" + suffix;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    @Override
    public String toString() {
        return "ProviderSettings[" + providerId + " apiKey=" + (apiKey == null ? "none" : apiKey) + " baseUrl=" + baseUrl
                + " timeout=" + timeout + " maxRetries=" + maxRetries + " firstByteTimeout=" + firstByteTimeout
                + " idleTimeout=" + idleTimeout + " inlineRemoteMedia=" + inlineRemoteMedia + " maxRetryDelay=" + maxRetryDelay
                + " retryOnTimeout=" + retryOnTimeout + " connectTimeout=" + connectTimeout + "]";
    }

    /** Collects settings; a field left unset keeps its default. */
    public static final class Builder {
        private final String providerId;
        private ApiKey apiKey;
        private URI baseUrl;
        private Duration timeout;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration firstByteTimeout;
        private Duration idleTimeout;
        private boolean inlineRemoteMedia;
        private Duration maxRetryDelay;
        private boolean retryOnTimeout = true;
        private Duration connectTimeout;
        private List<String> apiKeyEnvFallbacks = List.of();

        private Builder(String providerId) {
            this.providerId = Objects.requireNonNull(providerId, "providerId");
        }

        /** The key; {@code null} for none. */
        public Builder apiKey(ApiKey apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** A base URL override without a trailing slash; {@code null} for the vendor's default. */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The total time one call may take; {@code null} for {@link #DEFAULT_TIMEOUT}. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Retries of a retryable failure; {@link #DEFAULT_MAX_RETRIES} unless set. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The time to a stream's first chunk; {@code null} for {@link #DEFAULT_FIRST_BYTE_TIMEOUT}. */
        public Builder firstByteTimeout(Duration firstByteTimeout) {
            this.firstByteTimeout = firstByteTimeout;
            return this;
        }

        /** The longest silence within a stream; {@code null} for {@link #DEFAULT_IDLE_TIMEOUT}. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Whether Junction downloads media URLs and inlines them; off unless set. */
        public Builder inlineRemoteMedia(boolean inlineRemoteMedia) {
            this.inlineRemoteMedia = inlineRemoteMedia;
            return this;
        }

        /** The longest server-requested retry delay; {@code null} for {@link #DEFAULT_MAX_RETRY_DELAY}. */
        public Builder maxRetryDelay(Duration maxRetryDelay) {
            this.maxRetryDelay = maxRetryDelay;
            return this;
        }

        /** Whether a timeout before the first byte is retried; on unless set. */
        public Builder retryOnTimeout(boolean retryOnTimeout) {
            this.retryOnTimeout = retryOnTimeout;
            return this;
        }

        /** How long opening a connection may take; {@code null} for Junction's own. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Variables read for the key after {@code <ID>_API_KEY}, in order; none unless set. */
        public Builder apiKeyEnvFallbacks(List<String> variables) {
            this.apiKeyEnvFallbacks = List.copyOf(variables);
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException for a duration that is not positive or a negative retry count
         */
        public ProviderSettings build() {
            return new ProviderSettings(this);
        }
    }
}
