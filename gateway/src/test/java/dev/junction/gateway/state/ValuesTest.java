package dev.junction.gateway.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The value records' defaults and checks, and amounts in nano-dollars. */
class ValuesTest {

    @Test
    void redisSettingsFillDefaultsAndNeverShowThePassword() {
        RedisSettings s = RedisSettings.of("redis://gw:s3cret@redis.internal:6380/2");
        assertEquals("junction:", s.keyPrefix());
        assertEquals(Duration.ofMinutes(10), s.reservationTtl());
        assertFalse(s.budgetsFailOpen());
        assertEquals("redis.internal:6380", s.endpoint());
        assertEquals("localhost:6379", RedisSettings.of("redis://localhost").endpoint());
        assertEquals("the configured URL", RedisSettings.of("not a url with s3cret").endpoint());
        assertFalse(s.toString().contains("s3cret"), s.toString());
        assertThrows(IllegalArgumentException.class, () -> new RedisSettings("redis://h", false, null, Duration.ZERO));
    }

    @Test
    void limitsAreChecked() {
        assertTrue(Budget.NONE.isNone());
        assertFalse(Budget.daily(BigDecimal.ONE).isNone());
        assertThrows(IllegalArgumentException.class, () -> Budget.monthly(new BigDecimal("-1")));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, null));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(null, 0L));
        assertThrows(IllegalArgumentException.class, () -> new HealthRule(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertEquals(new HealthRule(3, Duration.ofSeconds(60), Duration.ofSeconds(30)), HealthRule.DEFAULT);
    }

    @Test
    void amountsRoundUpToTheNanoDollarAndStayExact() {
        assertEquals(1, Usd.toNanos(new BigDecimal("0.0000000001"), "x"));
        assertEquals(4_000_000, Usd.toNanos(new BigDecimal("0.004"), "x"));
        assertEquals(Usd.MAX_NANOS, Usd.toNanos(BigDecimal.valueOf(Usd.MAX_NANOS, 9), "x"));
        assertThrows(IllegalArgumentException.class, () -> Usd.toNanos(new BigDecimal("10000000"), "x"));
        assertEquals("$5.00", Usd.format(new BigDecimal("5")));
        assertEquals("$0.004", Usd.format(new BigDecimal("0.0040")));
        // A limit is rounded down, so that rounding never lets a call pass it.
        assertEquals(1, Refusals.limitNanos(new BigDecimal("0.0000000019")));
    }
}
