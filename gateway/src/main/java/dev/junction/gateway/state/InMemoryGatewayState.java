package dev.junction.gateway.state;

import dev.junction.HealthStores;
import dev.junction.catalog.HealthStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;

/** State kept in this process, for a single instance; the same semantics as Redis's. */
final class InMemoryGatewayState implements GatewayState {
    private final InMemoryBudgetLedger budgets;
    private final InMemoryRateLimiter rateLimits;
    private final HealthStore health;

    InMemoryGatewayState(Clock clock, HealthRule rule, Duration reservationTtl) {
        this.budgets = new InMemoryBudgetLedger(clock, reservationTtl);
        this.rateLimits = new InMemoryRateLimiter(clock);
        this.health = HealthStores.inMemory(clock, rule.failures(), rule.window(), rule.cooldown());
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
        return Future.succeededFuture();
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public void close() {
        // Nothing to release: no timers, no connections.
    }
}
