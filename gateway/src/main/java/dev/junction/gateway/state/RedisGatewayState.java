package dev.junction.gateway.state;

import dev.junction.catalog.HealthStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Clock;

/**
 * State shared through Redis. One timer per instance, every {@value #REFRESH_MS} ms, refreshes the
 * cached health cooldowns and writes settlements deferred during an outage; the client reconnects by
 * itself, so nothing needs a restart when Redis comes back.
 */
final class RedisGatewayState implements GatewayState {
    static final long REFRESH_MS = 500;

    private final Vertx vertx;
    private final RedisLink link;
    private final RedisBudgetLedger budgets;
    private final RedisRateLimiter rateLimits;
    private final RedisHealthStore health;
    private final long timer;

    RedisGatewayState(Vertx vertx, RedisSettings settings, Clock clock, HealthRule rule) {
        this.vertx = vertx;
        this.link = new RedisLink(vertx, settings);
        this.budgets = new RedisBudgetLedger(link, settings, clock);
        this.rateLimits = new RedisRateLimiter(link, settings.keyPrefix(), clock);
        this.health = new RedisHealthStore(link, settings.keyPrefix(), clock, rule);
        // Opens the first connection now, so that the first call does not pay for it (and an
        // unreachable Redis is logged at start).
        ping();
        this.timer = vertx.setPeriodic(REFRESH_MS, id -> {
            health.refresh();
            budgets.flushDeferred();
        });
    }

    @Override
    public BudgetLedger budgets() {
        return budgets;
    }

    @Override
    public RateLimiter rateLimits() {
        return rateLimits;
    }

    @Override
    public HealthStore health() {
        return health;
    }

    @Override
    public Future<Void> ping() {
        return link.send(Request.cmd(Command.PING)).mapEmpty();
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
        link.close();
    }

    /** Settlements waiting for Redis, for tests and metrics. */
    int deferredSettlements() {
        return budgets.deferredCount();
    }
}
