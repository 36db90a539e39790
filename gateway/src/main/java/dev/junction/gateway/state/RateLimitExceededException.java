package dev.junction.gateway.state;

import java.time.Duration;

/** A request refused by a key's rate limit; it was not counted. */
public final class RateLimitExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The requests-per-minute limit's name. */
    public static final String REQUESTS_PER_MINUTE = "requests_per_minute";
    /** The tokens-per-minute limit's name. */
    public static final String TOKENS_PER_MINUTE = "tokens_per_minute";

    private final String keyName;
    private final String which;
    private final long limit;
    private final Duration retryAfter;

    /**
     * Creates the exception and its message.
     *
     * @param which {@link #REQUESTS_PER_MINUTE} or {@link #TOKENS_PER_MINUTE}
     */
    public RateLimitExceededException(String keyName, String which, long limit, Duration retryAfter) {
        super(which + " limit of " + limit + " for key \"" + keyName + "\" reached; retry in " + seconds(retryAfter) + " s");
        this.keyName = keyName;
        this.which = which;
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    private static long seconds(Duration d) {
        // Rounded up: a client retrying after the stated delay must not be refused again.
        return (d.toMillis() + 999) / 1000;
    }

    /** The virtual key's name. */
    public String keyName() {
        return keyName;
    }

    /** Which limit: {@code "requests_per_minute"} or {@code "tokens_per_minute"}. */
    public String which() {
        return which;
    }

    /** The limit reached. */
    public long limit() {
        return limit;
    }

    /** How long until the request would be admitted, other traffic aside. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
