package dev.junction.gateway.state;

import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Budgets in this process, with the same semantics as Redis's: each key's check-and-hold runs under
 * that key's lock (keys never wait on each other), amounts are nano-dollars, reservations expire
 * after the TTL, and settlements are remembered for {@link #settledMemory} to make settling
 * idempotent.
 */
final class InMemoryBudgetLedger implements BudgetLedger {
    private final Clock clock;
    private final Duration ttl;
    private final Duration settledMemory;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    InMemoryBudgetLedger(Clock clock, Duration reservationTtl) {
        this.clock = clock;
        this.ttl = reservationTtl;
        this.settledMemory = settledMemory(reservationTtl);
    }

    /**
     * How long a settlement is remembered: past its reservation's expiry, with room for a settle
     * that arrives late, so that a repeated settle is still recognised.
     */
    static Duration settledMemory(Duration reservationTtl) {
        return reservationTtl.multipliedBy(2).plusMinutes(1);
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
        Account a = accounts.computeIfAbsent(keyName, k -> new Account());
        String id = UUID.randomUUID().toString();
        synchronized (a) {
            a.purge(now, day, month);
            long[] d = a.days.computeIfAbsent(day, k -> new long[2]);
            long[] m = a.months.computeIfAbsent(month, k -> new long[2]);
            BudgetExceededException refusal = Refusals.check(keyName, "daily", budget.dailyUsd(), d[0], d[1], amount, Periods.dayEnd(day));
            if (refusal == null) {
                refusal = Refusals.check(keyName, "monthly", budget.monthlyUsd(), m[0], m[1], amount, Periods.monthEnd(month));
            }
            if (refusal != null) {
                return Future.failedFuture(refusal);
            }
            d[1] += amount;
            m[1] += amount;
            Instant expiresAt = now.plus(ttl);
            a.held.put(id, new Held(amount, day, month, expiresAt));
            return Future.succeededFuture(new Reservation(keyName, id, Usd.fromNanos(amount), day, month, expiresAt, false));
        }
    }

    @Override
    public Future<Settlement> settle(Reservation r, BigDecimal actualUsd) {
        long actual;
        try {
            actual = Usd.toNanos(actualUsd, "an actual cost");
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        Instant now = clock.instant();
        Account a = accounts.computeIfAbsent(r.keyName(), k -> new Account());
        synchronized (a) {
            a.purge(now, Periods.day(now), Periods.month(now));
            if (a.settled.putIfAbsent(r.id(), now.plus(settledMemory)) != null) {
                return Future.succeededFuture(new Settlement(r.keyName(), r.id(), r.amountUsd(), Usd.fromNanos(actual), true, false));
            }
            Held h = a.held.remove(r.id());
            long[] d = a.days.computeIfAbsent(r.day(), k -> new long[2]);
            long[] m = a.months.computeIfAbsent(r.month(), k -> new long[2]);
            if (h != null) {
                d[1] -= h.nanos;
                m[1] -= h.nanos;
            }
            d[0] += actual;
            m[0] += actual;
        }
        return Future.succeededFuture(new Settlement(r.keyName(), r.id(), r.amountUsd(), Usd.fromNanos(actual), false, false));
    }

    @Override
    public Future<Spend> spend(String keyName, Budget budget) {
        Instant now = clock.instant();
        LocalDate day = Periods.day(now);
        YearMonth month = Periods.month(now);
        Account a = accounts.get(keyName);
        if (a == null) {
            return Future.succeededFuture(Refusals.spend(0, 0, 0, 0));
        }
        synchronized (a) {
            a.purge(now, day, month);
            long[] d = a.days.getOrDefault(day, new long[2]);
            long[] m = a.months.getOrDefault(month, new long[2]);
            return Future.succeededFuture(Refusals.spend(d[0], d[1], m[0], m[1]));
        }
    }

    /** A held amount and the periods it is held in. */
    private record Held(long nanos, LocalDate day, YearMonth month, Instant expiresAt) {
    }

    /** One key's periods ({settled, reserved} in nano-dollars), holds and recent settlements; guarded by its monitor. */
    private static final class Account {
        final Map<LocalDate, long[]> days = new HashMap<>();
        final Map<YearMonth, long[]> months = new HashMap<>();
        /** In order of expiry, since every hold lives the same TTL from its (non-decreasing) start. */
        final LinkedHashMap<String, Held> held = new LinkedHashMap<>();
        /** Settled ids and when to forget them, likewise in order. */
        final LinkedHashMap<String, Instant> settled = new LinkedHashMap<>();

        void purge(Instant now, LocalDate today, YearMonth thisMonth) {
            for (Iterator<Held> it = held.values().iterator(); it.hasNext();) {
                Held h = it.next();
                if (h.expiresAt.isAfter(now)) {
                    break;
                }
                it.remove();
                days.get(h.day)[1] -= h.nanos;
                months.get(h.month)[1] -= h.nanos;
            }
            for (Iterator<Instant> it = settled.values().iterator(); it.hasNext() && !it.next().isAfter(now);) {
                it.remove();
            }
            // Like Redis's TTLs (a day's key lives ~2 days, a month's ~32 days): old periods go, unless
            // something is still held in them.
            days.entrySet().removeIf(e -> e.getKey().isBefore(today.minusDays(1)) && e.getValue()[1] == 0);
            months.entrySet().removeIf(e -> e.getKey().isBefore(thisMonth.minusMonths(1)) && e.getValue()[1] == 0);
        }
    }
}
