package dev.junction.gateway.state;

import io.vertx.core.Future;
import io.vertx.redis.client.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Budgets in Redis: each reserve, settle and read is one Lua script (see {@code reserve.lua}), so
 * instances never race. Keys, with the key name in a hash tag so that one key's keys share a
 * cluster slot: {@code <prefix>budget:{<name>}:d:<yyyy-mm-dd>} (hash: settled, reserved, one field
 * per hold; TTL 2 days), its {@code …:held} sorted set (hold id → expiry), the same for
 * {@code :m:<yyyy-mm>} (TTL 32 days), and {@code …:settled:<id>} markers (TTL 2 × reservation TTL + 1 min).
 */
final class RedisBudgetLedger implements BudgetLedger {
    private static final Logger LOG = LoggerFactory.getLogger(RedisBudgetLedger.class);
    private static final long DAY_TTL_MS = Duration.ofDays(2).toMillis();
    private static final long MONTH_TTL_MS = Duration.ofDays(32).toMillis();
    /** Deferred settlements kept while Redis is away; past this, costs are only logged. */
    private static final int MAX_DEFERRED = 100_000;
    private static final long FAIL_OPEN_LOG_INTERVAL_MS = 10_000;

    private final RedisLink link;
    private final Clock clock;
    private final Duration ttl;
    private final long markerTtlMs;
    private final String prefix;
    private final boolean failOpen;
    private final Queue<Deferred> deferred = new ConcurrentLinkedQueue<>();
    private final AtomicInteger deferredCount = new AtomicInteger();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicLong lastFailOpenLog = new AtomicLong(Long.MIN_VALUE);

    RedisBudgetLedger(RedisLink link, RedisSettings settings, Clock clock) {
        this.link = link;
        this.clock = clock;
        this.ttl = settings.reservationTtl();
        this.markerTtlMs = InMemoryBudgetLedger.settledMemory(ttl).toMillis();
        this.prefix = settings.keyPrefix();
        this.failOpen = settings.budgetsFailOpen();
    }

    @Override
    public Future<Reservation> reserve(String keyName, Budget budget, BigDecimal amountUsd) {
        long amount;
        try {
            amount = Usd.toNanos(amountUsd, "a reservation");
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        Instant now = clock.instant();
        LocalDate day = Periods.day(now);
        YearMonth month = Periods.month(now);
        String id = UUID.randomUUID().toString();
        Instant expiresAt = now.plus(ttl);
        List<String> args = List.of(String.valueOf(now.toEpochMilli()), String.valueOf(expiresAt.toEpochMilli()), id, String.valueOf(amount),
                limit(budget.dailyUsd()), limit(budget.monthlyUsd()), String.valueOf(DAY_TTL_MS), String.valueOf(MONTH_TTL_MS));
        return link.eval(LuaScript.RESERVE, keys(keyName, day, month), args).transform(ar -> {
            if (ar.succeeded()) {
                Response r = ar.result();
                if (r.get(0).toInteger() == 1) {
                    return Future.succeededFuture(new Reservation(keyName, id, Usd.fromNanos(amount), day, month, expiresAt, false));
                }
                boolean daily = r.get(1).toInteger() == 1;
                return Future.failedFuture(Refusals.exceeded(keyName, daily ? "daily" : "monthly", daily ? budget.dailyUsd() : budget.monthlyUsd(),
                        r.get(2).toLong(), r.get(3).toLong(), amount, daily ? Periods.dayEnd(day) : Periods.monthEnd(month)));
            }
            if (!RedisLink.unreachable(ar.cause())) {
                return Future.failedFuture(ar.cause());
            }
            if (!failOpen) {
                return Future.failedFuture(unavailable(ar.cause(),
                        "the call was refused so budgets cannot be overshot; set redis.budgets_fail_open to let calls through unaccounted"));
            }
            logFailOpen(keyName, amountUsd, ar.cause());
            return Future.succeededFuture(new Reservation(keyName, id, Usd.fromNanos(amount), day, month, expiresAt, true));
        });
    }

    @Override
    public Future<Settlement> settle(Reservation reservation, BigDecimal actualUsd) {
        long actual;
        try {
            actual = Usd.toNanos(actualUsd, "an actual cost");
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        Deferred d = new Deferred(reservation, actual);
        return write(d).transform(ar -> {
            if (ar.succeeded()) {
                return Future.succeededFuture(settlement(d, ar.result()));
            }
            if (!RedisLink.unreachable(ar.cause())) {
                return Future.failedFuture(ar.cause());
            }
            defer(d, ar.cause());
            return Future.succeededFuture(new Settlement(reservation.keyName(), reservation.id(), reservation.amountUsd(),
                    Usd.fromNanos(actual), false, true));
        });
    }

    @Override
    public Future<Spend> spend(String keyName, Budget budget) {
        Instant now = clock.instant();
        return link.eval(LuaScript.SPEND, keys(keyName, Periods.day(now), Periods.month(now)), List.of(String.valueOf(now.toEpochMilli())))
                .transform(ar -> {
                    if (ar.failed()) {
                        return Future.failedFuture(RedisLink.unreachable(ar.cause()) ? unavailable(ar.cause(), "spend cannot be read") : ar.cause());
                    }
                    Response r = ar.result();
                    return Future.succeededFuture(Refusals.spend(r.get(0).toLong(), r.get(1).toLong(), r.get(2).toLong(), r.get(3).toLong()));
                });
    }

    /** Settlements waiting for Redis to come back. */
    int deferredCount() {
        return deferredCount.get();
    }

    /**
     * Writes deferred settlements, oldest first, stopping at the first failure; called periodically.
     * Settling is idempotent, so a write that reached Redis but whose answer was lost is harmless to
     * repeat.
     */
    void flushDeferred() {
        if (deferred.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        flushNext();
    }

    private void flushNext() {
        Deferred d = deferred.peek();
        if (d == null) {
            flushing.set(false);
            return;
        }
        write(d).onComplete(ar -> {
            if (ar.succeeded()) {
                deferred.remove(d);
                deferredCount.decrementAndGet();
                LOG.info("Recorded the deferred cost ${} of reservation {} for key \"{}\" now that Redis at {} is back",
                        Usd.fromNanos(d.actual).toPlainString(), d.reservation.id(), d.reservation.keyName(), link.endpoint());
                flushNext();
            } else {
                flushing.set(false);
            }
        });
    }

    private Future<Response> write(Deferred d) {
        Reservation r = d.reservation;
        List<String> keys = new ArrayList<>(keys(r.keyName(), r.day(), r.month()));
        keys.add(base(r.keyName()) + ":settled:" + r.id());
        List<String> args = List.of(String.valueOf(clock.millis()), r.id(), String.valueOf(d.actual), String.valueOf(DAY_TTL_MS),
                String.valueOf(MONTH_TTL_MS), String.valueOf(markerTtlMs));
        return link.eval(LuaScript.SETTLE, keys, args);
    }

    private static Settlement settlement(Deferred d, Response r) {
        Reservation res = d.reservation;
        return new Settlement(res.keyName(), res.id(), res.amountUsd(), Usd.fromNanos(d.actual), r.get(0).toInteger() == 0, false);
    }

    private void defer(Deferred d, Throwable cause) {
        String cost = Usd.fromNanos(d.actual).toPlainString();
        if (deferredCount.incrementAndGet() > MAX_DEFERRED) {
            deferredCount.decrementAndGet();
            LOG.error("Could not record the cost ${} of reservation {} for key \"{}\" (Redis at {} unreachable: {}), and {} costs already "
                    + "wait: this one is only in this log", cost, d.reservation.id(), d.reservation.keyName(), link.endpoint(), RedisLink.describe(cause),
                    MAX_DEFERRED);
            return;
        }
        deferred.add(d);
        LOG.warn("Could not record the cost ${} of reservation {} for key \"{}\" (Redis at {} unreachable: {}); kept to write when it is back",
                cost, d.reservation.id(), d.reservation.keyName(), link.endpoint(), RedisLink.describe(cause));
    }

    private void logFailOpen(String keyName, BigDecimal amountUsd, Throwable cause) {
        long now = System.currentTimeMillis();
        long last = lastFailOpenLog.get();
        // One line per interval: a busy gateway would otherwise log every call of the outage.
        if (now - last >= FAIL_OPEN_LOG_INTERVAL_MS && lastFailOpenLog.compareAndSet(last, now)) {
            LOG.warn("Budgets are not enforced: Redis at {} is unreachable ({}) and budgets fail open; let through a call of key \"{}\" "
                    + "needing up to ${} (further ones are not logged for {} s)", link.endpoint(), RedisLink.describe(cause), keyName,
                    amountUsd.toPlainString(), FAIL_OPEN_LOG_INTERVAL_MS / 1000);
        }
    }

    private StateUnavailableException unavailable(Throwable cause, String consequence) {
        return new StateUnavailableException("the budget store (Redis at " + link.endpoint() + ") is unreachable: " + RedisLink.describe(cause)
                + "; " + consequence, cause);
    }

    private List<String> keys(String keyName, LocalDate day, YearMonth month) {
        String d = base(keyName) + ":d:" + day;
        String m = base(keyName) + ":m:" + month;
        return List.of(d, d + ":held", m, m + ":held");
    }

    private String base(String keyName) {
        return prefix + "budget:{" + keyName + "}";
    }

    private static String limit(BigDecimal usd) {
        return usd == null ? "-1" : String.valueOf(Refusals.limitNanos(usd));
    }

    /** A settlement to write: the reservation and its actual cost in nano-dollars. */
    private record Deferred(Reservation reservation, long actual) {
    }
}
