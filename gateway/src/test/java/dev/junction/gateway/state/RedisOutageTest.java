package dev.junction.gateway.state;

import static dev.junction.gateway.state.Await.failure;
import static dev.junction.gateway.state.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis going away and coming back on the same port, with no restart of the gateway: budgets fail
 * closed (or open), rate limits and health fall back to the instance, and everything is shared again
 * by itself.
 */
class RedisOutageTest {
    private static final Budget BUDGET = Budget.daily(new BigDecimal("1.00"));
    /** Well under the 5 s command timeout: an unreachable Redis must fail calls at once. */
    private static final Duration FAST = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(RedisOutageTest.class);
    private static TestRedis redis;
    private static Vertx vertx;

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

    private static <T> Future<T> timed(Future<T> f, long startNanos) {
        return f.andThen(ar -> {
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            assertTrue(took.compareTo(FAST) < 0, "took " + took.toMillis() + " ms while Redis is down");
        });
    }

    @Test
    void failsClosedOrOpenWhileDownAndRecoversWhenRedisIsBack() throws IOException {
        Clock clock = Clock.systemUTC();
        RedisSettings closedSettings = new RedisSettings(redis.url(), false, "outage:", null);
        RedisSettings openSettings = new RedisSettings(redis.url(), true, "outage:", null);
        HealthRule rule = new HealthRule(2, Duration.ofMinutes(1), Duration.ofMinutes(5));
        try (GatewayState closed = GatewayState.redis(vertx, closedSettings, clock, rule);
                GatewayState open = GatewayState.redis(vertx, openSettings, clock, rule);
                GatewayState withPassword = GatewayState.redis(vertx, RedisSettings.of("redis://gw:s3cret@127.0.0.1:" + redis.port()), clock, rule)) {
            assertTrue(closed.shared());
            result(closed.ping());
            result(closed.budgets().settle(result(closed.budgets().reserve("k", BUDGET, new BigDecimal("0.25"))), new BigDecimal("0.25")));

            redis.down();

            // Fail closed: refused, quickly, saying where Redis is and how to fail open.
            long downAt = System.nanoTime();
            StateUnavailableException e = failure(StateUnavailableException.class,
                    timed(closed.budgets().reserve("k", BUDGET, new BigDecimal("0.01")), downAt));
            LOG.info("fail-closed refusal {} ms after redis-server stopped: {}", (System.nanoTime() - downAt) / 1_000_000, e.getMessage());
            assertTrue(e.getMessage().startsWith("the budget store (Redis at 127.0.0.1:" + redis.port() + ") is unreachable: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("the call was refused so budgets cannot be overshot; set redis.budgets_fail_open to let calls "
                    + "through unaccounted"), e.getMessage());
            failure(StateUnavailableException.class, closed.budgets().spend("k", BUDGET));
            failure(Throwable.class, closed.ping());
            StateUnavailableException secret = failure(StateUnavailableException.class,
                    withPassword.budgets().reserve("k", BUDGET, new BigDecimal("0.01")));
            assertFalse(secret.getMessage().contains("s3cret"), secret.getMessage());
            assertFalse(withPassword.toString().contains("s3cret"));

            // Fail open: let through, marked, and its cost kept until Redis is back.
            Reservation unenforced = result(timed(open.budgets().reserve("k", BUDGET, new BigDecimal("5.00")), System.nanoTime()));
            assertTrue(unenforced.unenforced());
            Settlement deferred = result(open.budgets().settle(unenforced, new BigDecimal("0.40")));
            assertTrue(deferred.deferred());
            assertEquals(1, ((RedisGatewayState) open).deferredSettlements());
            Reservation settledAfter = result(open.budgets().reserve("k", BUDGET, new BigDecimal("0.10")));
            assertTrue(settledAfter.unenforced());

            // Rate limits: each instance limits on its own meanwhile.
            RateLimit limit = new RateLimit(2, null);
            result(timed(open.rateLimits().admit("k", limit), System.nanoTime()));
            result(open.rateLimits().admit("k", limit));
            failure(RateLimitExceededException.class, open.rateLimits().admit("k", limit));
            open.rateLimits().recordTokens("k", new RateLimit(null, 10L), 5);

            // Health: the local store still cools a failing provider down.
            JunctionException boom = JunctionException.builder(ErrorKind.SERVER_ERROR, "boom").provider("p").build();
            open.health().recordFailure("p", boom);
            open.health().recordFailure("p", boom);
            assertTrue(open.health().cooldownUntil("p").isPresent());
            assertTrue(open.health().snapshot("p").cooldownUntil() != null);

            redis.up();
            long upAt = System.nanoTime();

            // Recovery, no restart: the same clients reconnect.
            Await.until(Duration.ofSeconds(10), "reserve succeeds again", () -> closed.budgets().reserve("k", BUDGET, new BigDecimal("0.01"))
                    .map(r -> true).otherwise(false).toCompletionStage().toCompletableFuture().join());
            LOG.info("reserve succeeded again {} ms after redis-server restarted", (System.nanoTime() - upAt) / 1_000_000);
            // The cost kept during the outage is written (Redis came back empty, so it is all the spend there is, besides the 0.01 held).
            Await.until(Duration.ofSeconds(10), "the deferred cost is written", () -> ((RedisGatewayState) open).deferredSettlements() == 0);
            // A call let through during the outage and finished after it is charged directly.
            assertFalse(result(open.budgets().settle(settledAfter, new BigDecimal("0.05"))).deferred());
            Spend spend = result(closed.budgets().spend("k", BUDGET));
            assertEquals(0, new BigDecimal("0.45").compareTo(spend.dailySettledUsd()));
            assertEquals(0, new BigDecimal("0.01").compareTo(spend.dailyReservedUsd()));
            result(open.ping());
            // Shared again: the first instance's requests count for the second.
            result(open.rateLimits().admit("k2", new RateLimit(1, null)));
            failure(RateLimitExceededException.class, closed.rateLimits().admit("k2", new RateLimit(1, null)));
        }
    }
}
