package dev.junction.gateway.state;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limits in this process: one {@link SlidingWindow} of requests and one of tokens per key,
 * checked and counted under the key's lock. It is also the Redis limiter's fallback.
 */
final class InMemoryRateLimiter implements RateLimiter {
    private final Clock clock;
    private final Map<String, Windows> windows = new ConcurrentHashMap<>();

    InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Future<Void> admit(String keyName, RateLimit limit) {
        if (limit.isNone()) {
            return Future.succeededFuture();
        }
        long now = clock.millis();
        Windows w = windows.computeIfAbsent(keyName, k -> new Windows());
        synchronized (w) {
            if (limit.tokensPerMinute() != null && w.tokens.total(now) >= limit.tokensPerMinute()) {
                return Future.failedFuture(new RateLimitExceededException(keyName, RateLimitExceededException.TOKENS_PER_MINUTE,
                        limit.tokensPerMinute(), Duration.ofMillis(w.tokens.retryAfterMs(now, limit.tokensPerMinute()))));
            }
            if (limit.requestsPerMinute() != null) {
                if (w.requests.total(now) >= limit.requestsPerMinute()) {
                    return Future.failedFuture(new RateLimitExceededException(keyName, RateLimitExceededException.REQUESTS_PER_MINUTE,
                            limit.requestsPerMinute(), Duration.ofMillis(w.requests.retryAfterMs(now, limit.requestsPerMinute()))));
                }
                w.requests.add(now, 1);
            }
        }
        return Future.succeededFuture();
    }

    @Override
    public void recordTokens(String keyName, RateLimit limit, long tokens) {
        if (limit.tokensPerMinute() == null || tokens <= 0) {
            return;
        }
        long now = clock.millis();
        Windows w = windows.computeIfAbsent(keyName, k -> new Windows());
        synchronized (w) {
            w.tokens.add(now, tokens);
        }
    }

    /** One key's windows; guarded by its monitor. */
    private static final class Windows {
        final SlidingWindow requests = new SlidingWindow();
        final SlidingWindow tokens = new SlidingWindow();
    }
}
