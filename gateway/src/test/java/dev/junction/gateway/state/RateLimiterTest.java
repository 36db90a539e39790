package dev.junction.gateway.state;

import static dev.junction.gateway.state.Await.failure;
import static dev.junction.gateway.state.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rate limits over the sliding window, the same on both backends, and shared on Redis. */
class RateLimiterTest {
    private static TestRedis redis;
    private static Vertx vertx;
    private final List<GatewayState> states = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws IOException {
        redis = TestRedis.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        result(vertx.close());
        redis.down();
    }

    @BeforeEach
    void flush() throws IOException {
        redis.flush();
    }

    @AfterEach
    void close() {
        states.forEach(GatewayState::close);
    }

    private RateLimiter limiter(String backend, Clock clock) {
        GatewayState s = backend.equals("memory") ? GatewayState.inMemory(clock, HealthRule.DEFAULT)
                : GatewayState.redis(vertx, RedisSettings.of(redis.url()), clock, HealthRule.DEFAULT);
        states.add(s);
        return s.rateLimits();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void refusesTheRequestOverTheLimitUntilTheOldestLeavesTheWindow(String backend) {
        MutableClock clock = MutableClock.at("2026-12-07T12:00:00.500Z");
        RateLimiter limiter = limiter(backend, clock);
        RateLimit limit = new RateLimit(3, null);
        result(limiter.admit("k", limit));
        result(limiter.admit("k", limit));
        clock.advance(Duration.ofSeconds(30));
        result(limiter.admit("k", limit));
        clock.advance(Duration.ofMillis(500));
        RateLimitExceededException e = failure(RateLimitExceededException.class, limiter.admit("k", limit));
        assertEquals("k", e.keyName());
        assertEquals(RateLimitExceededException.REQUESTS_PER_MINUTE, e.which());
        assertEquals(3, e.limit());
        // The two at 12:00:00.5 leave the window once second 12:00:00 is 61 buckets old, at 12:01:01.
        assertEquals(Duration.ofSeconds(30), e.retryAfter());
        assertEquals("requests_per_minute limit of 3 for key \"k\" reached; retry in 30 s", e.getMessage());

        // Sliding, not fixed: just before, still refused; then the two old ones are gone, the one at :30.5 is not.
        clock.advance(Duration.ofMillis(29_900));
        assertEquals(Duration.ofMillis(100), failure(RateLimitExceededException.class, limiter.admit("k", limit)).retryAfter());
        clock.advance(Duration.ofMillis(100));
        result(limiter.admit("k", limit));
        result(limiter.admit("k", limit));
        RateLimitExceededException again = failure(RateLimitExceededException.class, limiter.admit("k", limit));
        assertEquals(Duration.ofSeconds(30), again.retryAfter(), "refused requests are not counted");
        result(limiter.admit("other", limit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void refusesOnceTheTokensRecordedReachTheLimit(String backend) {
        MutableClock clock = MutableClock.at("2026-12-07T12:00:00Z");
        RateLimiter limiter = limiter(backend, clock);
        RateLimit limit = new RateLimit(null, 100L);
        result(limiter.admit("k", limit));
        limiter.recordTokens("k", limit, 60);
        clock.advance(Duration.ofSeconds(10));
        result(limiter.admit("k", limit));
        limiter.recordTokens("k", limit, 50);
        // Recording is fire-and-forget: on Redis it lands shortly after.
        AtomicReference<RateLimitExceededException> refused = new AtomicReference<>();
        Await.until(Duration.ofSeconds(5), "the tokens are counted", () -> {
            refused.set(limiter.admit("k", limit).transform(ar -> io.vertx.core.Future.succeededFuture(
                    ar.cause() instanceof RateLimitExceededException e ? e : null)).toCompletionStage().toCompletableFuture().join());
            return refused.get() != null;
        });
        RateLimitExceededException e = refused.get();
        assertEquals(RateLimitExceededException.TOKENS_PER_MINUTE, e.which());
        assertEquals(100, e.limit());
        // Dropping the 60 of 12:00:00 brings the total under 100: at 12:01:01.
        assertEquals(Duration.ofSeconds(51), e.retryAfter());
        clock.advance(Duration.ofSeconds(51));
        result(limiter.admit("k", limit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void noLimitAdmitsEverything(String backend) {
        RateLimiter limiter = limiter(backend, MutableClock.at("2026-12-07T12:00:00Z"));
        for (int i = 0; i < 100; i++) {
            result(limiter.admit("k", RateLimit.NONE));
        }
        limiter.recordTokens("k", RateLimit.NONE, 1_000_000);
        result(limiter.admit("k", new RateLimit(1, 10L)));
    }

    @Test
    void twoInstancesShareOneLimit() {
        MutableClock clock = MutableClock.at("2026-12-07T12:00:00Z");
        Vertx other = Vertx.vertx();
        try (GatewayState b = GatewayState.redis(other, RedisSettings.of(redis.url()), clock, HealthRule.DEFAULT)) {
            RateLimiter a = limiter("redis", clock);
            RateLimit limit = new RateLimit(3, null);
            result(a.admit("k", limit));
            result(b.rateLimits().admit("k", limit));
            result(a.admit("k", limit));
            failure(RateLimitExceededException.class, b.rateLimits().admit("k", limit));
            failure(RateLimitExceededException.class, a.admit("k", limit));
        } finally {
            result(other.close());
        }
    }
}
