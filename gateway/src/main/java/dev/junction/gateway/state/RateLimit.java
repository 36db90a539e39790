package dev.junction.gateway.state;

/**
 * A virtual key's rate limits over a sliding 60-second window.
 *
 * @param requestsPerMinute the most requests admitted in any 60 s, or {@code null} for no limit
 * @param tokensPerMinute the most tokens (as recorded after each call) in any 60 s before further
 *     requests are refused, or {@code null} for no limit
 */
public record RateLimit(Integer requestsPerMinute, Long tokensPerMinute) {

    /** No limit. */
    public static final RateLimit NONE = new RateLimit(null, null);

    /**
     * Checks the limits are positive.
     *
     * @throws IllegalArgumentException when a limit is below 1
     */
    public RateLimit {
        if (requestsPerMinute != null && requestsPerMinute < 1 || tokensPerMinute != null && tokensPerMinute < 1) {
            throw new IllegalArgumentException("a rate limit must be at least 1: " + requestsPerMinute + " rpm, " + tokensPerMinute + " tpm");
        }
    }

    /** Whether neither limit is set. */
    public boolean isNone() {
        return requestsPerMinute == null && tokensPerMinute == null;
    }
}
