package dev.junction.gateway.state;

import io.vertx.core.Future;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits shared through Redis by {@code admit.lua}: per key, a hash of 1-second request buckets
 * ({@code <prefix>rate:{<name>}:requests}) and one of token buckets ({@code …:tokens}), each living
 * 62 s after its last write. While Redis is unreachable, each instance limits on its own with an
 * {@link InMemoryRateLimiter}: a key then gets up to its limit per instance, which beats refusing
 * every call or letting all through.
 */
final class RedisRateLimiter implements RateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final String TTL_MS = String.valueOf(Duration.ofSeconds(SlidingWindow.BUCKETS + 1).toMillis());

    private final RedisLink link;
    private final Clock clock;
    private final String prefix;
    private final InMemoryRateLimiter fallback;
    private final AtomicBoolean reportedError = new AtomicBoolean();

    RedisRateLimiter(RedisLink link, String prefix, Clock clock) {
        this.link = link;
        this.clock = clock;
        this.prefix = prefix;
        this.fallback = new InMemoryRateLimiter(clock);
    }

    @Override
    public Future<Void> admit(String keyName, RateLimit limit) {
        if (limit.isNone()) {
            return Future.succeededFuture();
        }
        List<String> args = List.of(String.valueOf(clock.millis()), limit.requestsPerMinute() == null ? "-1" : limit.requestsPerMinute().toString(),
                limit.tokensPerMinute() == null ? "-1" : limit.tokensPerMinute().toString(), TTL_MS);
        return link.eval(LuaScript.ADMIT, List.of(key(keyName, "requests"), key(keyName, "tokens")), args).transform(ar -> {
            if (ar.failed()) {
                return RedisLink.unreachable(ar.cause()) ? fallback.admit(keyName, limit) : Future.failedFuture(ar.cause());
            }
            Response r = ar.result();
            if (r.get(0).toInteger() == 1) {
                return Future.succeededFuture();
            }
            boolean requests = r.get(1).toInteger() == 1;
            return Future.failedFuture(new RateLimitExceededException(keyName,
                    requests ? RateLimitExceededException.REQUESTS_PER_MINUTE : RateLimitExceededException.TOKENS_PER_MINUTE,
                    requests ? limit.requestsPerMinute() : limit.tokensPerMinute(), Duration.ofMillis(r.get(2).toLong())));
        });
    }

    @Override
    public void recordTokens(String keyName, RateLimit limit, long tokens) {
        if (limit.tokensPerMinute() == null || tokens <= 0) {
            return;
        }
        link.eval(LuaScript.RECORD_TOKENS, List.of(key(keyName, "tokens")), List.of(String.valueOf(clock.millis()), String.valueOf(tokens), TTL_MS))
                .onFailure(e -> {
                    if (RedisLink.unreachable(e)) {
                        // RedisLink has logged the outage once; the tokens count here meanwhile.
                        fallback.recordTokens(keyName, limit, tokens);
                    } else if (!reportedError.getAndSet(true)) {
                        LOG.warn("Recording tokens in Redis at {} failed (logged once): {}", link.endpoint(), RedisLink.describe(e));
                    }
                });
    }

    private String key(String keyName, String what) {
        return prefix + "rate:{" + keyName + "}:" + what;
    }
}
