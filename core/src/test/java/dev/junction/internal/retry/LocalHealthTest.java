package dev.junction.internal.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.catalog.ProviderHealth;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cooldowns and answer times, on a clock moved by hand. */
class LocalHealthTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final LocalHealth health = LocalHealth.defaults(clock);

    private static JunctionException overloaded() {
        return JunctionException.builder(ErrorKind.SERVER_ERROR, "overloaded").httpStatus(503).build();
    }

    @Test
    void coolsDownAfterThreeRetryableFailuresWithinAMinute() {
        health.recordFailure("v", overloaded());
        clock.advance(Duration.ofSeconds(20));
        health.recordFailure("v", overloaded());
        assertEquals(Optional.empty(), health.cooldownUntil("v"), "two failures are not enough");
        clock.advance(Duration.ofSeconds(20));
        health.recordFailure("v", overloaded());
        assertEquals(Optional.of(T0.plusSeconds(70)), health.cooldownUntil("v"), "30 s from the third failure");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), health.cooldownUntil("v"), "the cooldown has ended");
    }

    @Test
    void forgetsFailuresOlderThanTheWindow() {
        health.recordFailure("v", overloaded());
        health.recordFailure("v", overloaded());
        clock.advance(Duration.ofSeconds(61));
        health.recordFailure("v", overloaded());
        assertEquals(Optional.empty(), health.cooldownUntil("v"));
    }

    @Test
    void keyAndBillingErrorsSayNothingAboutHealth() {
        for (int i = 0; i < 5; i++) {
            health.recordFailure("v", JunctionException.builder(ErrorKind.AUTHENTICATION, "bad key").httpStatus(401).build());
        }
        assertEquals(Optional.empty(), health.cooldownUntil("v"));
        assertEquals(5, health.snapshot("v").failures());
    }

    @Test
    void aRateLimitWithRetryAfterCoolsDownForThatDelayAtOnce() {
        health.recordFailure("v", JunctionException.builder(ErrorKind.RATE_LIMITED, "slow").httpStatus(429)
                .retryAfter(Duration.ofSeconds(45)).build());
        assertEquals(Optional.of(T0.plusSeconds(45)), health.cooldownUntil("v"));
    }

    @Test
    void snapshotsCountsAndAnswerTimes() {
        for (int ms = 1; ms <= 20; ms++) {
            health.recordSuccess("v", Duration.ofMillis(ms * 10L));
        }
        health.recordFailure("v", overloaded());
        ProviderHealth h = health.snapshot("v");
        assertEquals(21, h.calls());
        assertEquals(1, h.failures());
        assertNull(h.cooldownUntil());
        assertEquals(Duration.ofMillis(100), h.medianTimeToAnswer());
        assertEquals(Duration.ofMillis(190), h.p95TimeToAnswer());
        ProviderHealth unseen = health.snapshot("other");
        assertEquals(0, unseen.calls());
        assertNull(unseen.medianTimeToAnswer());
    }

    @Test
    void refusesARuleThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new LocalHealth(clock, 0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertTrue(new LocalHealth(clock, 1, Duration.ofSeconds(1), Duration.ofSeconds(1)).cooldownUntil("v").isEmpty());
    }
}
