package dev.junction.gateway.state;

import io.vertx.core.Future;

/**
 * Per-key rate limits over a sliding 60-second window kept in 1-second buckets: a request is
 * admitted when fewer than {@code requestsPerMinute} were admitted, and fewer than
 * {@code tokensPerMinute} tokens recorded, in the last 60 s.
 */
public interface RateLimiter {

    /**
     * Admits and counts one request, or refuses it without counting it.
     *
     * @return a future that fails with {@link RateLimitExceededException} when a limit is reached
     */
    Future<Void> admit(String keyName, RateLimit limit);

    /**
     * Records tokens a call used, for the tokens-per-minute limit. Fire-and-forget: failures are
     * logged, never thrown.
     */
    void recordTokens(String keyName, RateLimit limit, long tokens);
}
