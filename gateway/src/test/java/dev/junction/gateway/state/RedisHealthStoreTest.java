package dev.junction.gateway.state;

import static dev.junction.gateway.state.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.catalog.HealthStore;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provider health shared between two instances through Redis. */
class RedisHealthStoreTest {
    private static final HealthRule RULE = new HealthRule(3, Duration.ofMinutes(1), Duration.ofSeconds(30));
    private static TestRedis redis;
    private static Vertx vertxA;
    private static Vertx vertxB;
    private final List<GatewayState> states = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws IOException {
        redis = TestRedis.start();
        vertxA = Vertx.vertx();
        vertxB = Vertx.vertx();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        result(vertxA.close());
        result(vertxB.close());
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

    private HealthStore health(Vertx vertx) {
        GatewayState s = GatewayState.redis(vertx, RedisSettings.of(redis.url()), Clock.systemUTC(), RULE);
        states.add(s);
        return s.health();
    }

    private static JunctionException failure(ErrorKind kind, Duration retryAfter) {
        return JunctionException.builder(kind, "failed").provider("p").retryAfter(retryAfter).build();
    }

    @Test
    void aThresholdReachedOnOneInstanceCoolsTheProviderDownOnTheOther() {
        HealthStore a = health(vertxA);
        HealthStore b = health(vertxB);
        assertTrue(b.cooldownUntil("p").isEmpty());
        // From the first failure on: the scripts run on pooled connections, so the threshold may be
        // reached by the second failure's script if it runs after the third's.
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        a.recordFailure("p", failure(ErrorKind.SERVER_ERROR, null));
        a.recordFailure("p", failure(ErrorKind.TIMEOUT, null));
        assertTrue(a.cooldownUntil("p").isEmpty(), "two failures are under the threshold");
        a.recordFailure("p", failure(ErrorKind.NETWORK, null));
        assertTrue(a.cooldownUntil("p").isPresent(), "the local store answers at once");
        Await.until(Duration.ofSeconds(5), "B sees the cooldown", () -> b.cooldownUntil("p").isPresent());
        Instant until = b.cooldownUntil("p").orElseThrow();
        assertTrue(!until.isBefore(before.plus(RULE.cooldown())) && !until.isAfter(Instant.now().plus(RULE.cooldown())), until.toString());
        assertEquals(until, b.snapshot("p").cooldownUntil());
        assertEquals(0, b.snapshot("p").failures(), "counts stay per instance; only cooldowns are shared");
    }

    @Test
    void failuresOfSeveralInstancesCountTogether() {
        HealthStore a = health(vertxA);
        HealthStore b = health(vertxB);
        a.recordFailure("p", failure(ErrorKind.SERVER_ERROR, null));
        b.recordFailure("p", failure(ErrorKind.SERVER_ERROR, null));
        a.recordFailure("p", failure(ErrorKind.SERVER_ERROR, null));
        Await.until(Duration.ofSeconds(5), "both see the cooldown", () -> a.cooldownUntil("p").isPresent() && b.cooldownUntil("p").isPresent());
    }

    @Test
    void aRetryAfterCoolsTheProviderDownForThatLongEverywhere() {
        HealthStore a = health(vertxA);
        HealthStore b = health(vertxB);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        a.recordFailure("p", failure(ErrorKind.RATE_LIMITED, Duration.ofSeconds(90)));
        Await.until(Duration.ofSeconds(5), "B sees the Retry-After", () -> b.cooldownUntil("p").isPresent());
        Instant until = b.cooldownUntil("p").orElseThrow();
        assertTrue(!until.isBefore(before.plusSeconds(90)) && !until.isAfter(Instant.now().plusSeconds(90)), until.toString());
    }
}
