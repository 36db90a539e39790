package dev.junction.gateway.state;

import dev.junction.catalog.HealthStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/**
 * The gateway's state: budgets, rate limits and provider health, kept in this process
 * ({@link #inMemory}) or shared by every instance through Redis ({@link #redis}).
 */
public interface GatewayState extends AutoCloseable {

    /** The budget ledger. */
    BudgetLedger budgets();

    /** The rate limiter. */
    RateLimiter rateLimits();

    /** Provider health, for {@code Junction.builder().healthStore(…)}. */
    HealthStore health();

    /** Succeeds when the backing store answers (at once in memory); for readiness checks. */
    Future<Void> ping();

    /** Whether the state is shared with other instances (Redis). */
    boolean shared();

    /** Stops timers and closes connections; the state is unusable after. */
    @Override
    void close();

    /** State in this process only, for a single instance. */
    static GatewayState inMemory(Clock clock, HealthRule rule) {
        return inMemory(clock, rule, RedisSettings.DEFAULT_RESERVATION_TTL);
    }

    /** State in this process only, with unsettled reservations released after {@code reservationTtl}. */
    static GatewayState inMemory(Clock clock, HealthRule rule, Duration reservationTtl) {
        return new InMemoryGatewayState(clock, rule, reservationTtl);
    }

    /**
     * State shared through Redis. It does not wait for Redis: when Redis is unreachable, now or
     * later, budgets fail closed (or open, per {@code settings}), rate limits and health fall back
     * to this process, and everything picks Redis up again by itself.
     */
    static GatewayState redis(Vertx vertx, RedisSettings settings, Clock clock, HealthRule rule) {
        return new RedisGatewayState(vertx, settings, clock, rule);
    }
}
