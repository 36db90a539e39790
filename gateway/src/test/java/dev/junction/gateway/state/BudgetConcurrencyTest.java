package dev.junction.gateway.state;

import static dev.junction.gateway.state.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budget bound under concurrency: 200 reserve → (call) → settle cycles at once, split across two
 * gateway instances (two Vert.x instances, two clients) sharing one Redis, and across many threads in
 * memory. A period's settled spend never passes the limit by more than the excess of actual over
 * reserved of the calls in flight when the last reservation was granted; with no excess, never.
 */
class BudgetConcurrencyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    private static final BigDecimal LIMIT = new BigDecimal("0.10");
    private static final BigDecimal RESERVE = new BigDecimal("0.004");
    private static final Budget BUDGET = Budget.daily(LIMIT);
    private static final int CYCLES = 200;
    private static final Logger LOG = LoggerFactory.getLogger(BudgetConcurrencyTest.class);
    private static TestRedis redis;

    @BeforeAll
    static void startRedis() throws IOException {
        redis = TestRedis.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.down();
    }

    @BeforeEach
    void flush() throws IOException {
        redis.flush();
    }

    /** One cycle: whether it was admitted, what it settled, and when, on one monotonic clock. */
    private record Cycle(BigDecimal actual, long reserveSentNanos, long settledNanos, BudgetExceededException refusal) {
        boolean admitted() {
            return refusal == null;
        }

        BigDecimal excess() {
            return actual.subtract(RESERVE).max(BigDecimal.ZERO);
        }
    }

    /**
     * A call's actual cost: within the reservation, or (with {@code excesses}) one call in three up to
     * $0.012 above it, enough for the settled spend to cross the limit.
     */
    private static BigDecimal actual(Random random, boolean excesses) {
        if (excesses && random.nextInt(3) == 0) {
            return RESERVE.add(BigDecimal.valueOf(1 + random.nextInt(12_000_000), 9));
        }
        return BigDecimal.valueOf(random.nextInt(4_000_001), 9);
    }

    /**
     * Runs the cycles: cycle {@code i} reserves on ledger {@code i % n}, waits a random 1–20 ms (the
     * call) through {@code later}, then settles.
     */
    private static List<Cycle> run(List<BudgetLedger> ledgers, List<BiConsumer<Long, Runnable>> later, boolean excesses) {
        Random random = new Random(42);
        List<CompletableFuture<Cycle>> cycles = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            BudgetLedger ledger = ledgers.get(i % ledgers.size());
            BiConsumer<Long, Runnable> delay = later.get(i % later.size());
            BigDecimal actual = actual(random, excesses);
            long callMs = 1 + random.nextInt(20);
            CompletableFuture<Cycle> done = new CompletableFuture<>();
            cycles.add(done);
            delay.accept(0L, () -> {
                long sent = System.nanoTime();
                ledger.reserve("shared", BUDGET, RESERVE).onComplete(ar -> {
                    if (ar.failed()) {
                        if (ar.cause() instanceof BudgetExceededException e) {
                            done.complete(new Cycle(BigDecimal.ZERO, sent, System.nanoTime(), e));
                        } else {
                            done.completeExceptionally(ar.cause());
                        }
                        return;
                    }
                    delay.accept(callMs, () -> ledger.settle(ar.result(), actual).onComplete(s -> {
                        if (s.failed()) {
                            done.completeExceptionally(s.cause());
                        } else {
                            done.complete(new Cycle(actual, sent, System.nanoTime(), null));
                        }
                    }));
                });
            });
        }
        return cycles.stream().map(c -> {
            try {
                return c.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("a cycle did not complete: " + e, e);
            }
        }).toList();
    }

    private static void checkWithinReservations(List<Cycle> cycles, Spend spend) {
        BigDecimal settled = cycles.stream().map(Cycle::actual).reduce(BigDecimal.ZERO, BigDecimal::add);
        long admitted = cycles.stream().filter(Cycle::admitted).count();
        LOG.info("within reservations: {} of {} admitted, ${} settled of ${}", admitted, CYCLES, spend.dailySettledUsd(), LIMIT);
        assertEquals(0, settled.compareTo(spend.dailySettledUsd()), "every cent settled is accounted");
        assertEquals(0, spend.dailyReservedUsd().signum(), "nothing is left held");
        assertTrue(spend.dailySettledUsd().compareTo(LIMIT) <= 0, "settled " + spend.dailySettledUsd() + " must not pass " + LIMIT);
        // Each admitted call adds at most $0.004 to settled + held, so a refusal needs 25 admitted before it.
        assertTrue(admitted >= 25, "admitted only " + admitted);
        assertTrue(admitted < CYCLES, "the budget must have run short");
        for (Cycle c : cycles) {
            if (!c.admitted()) {
                BudgetExceededException e = c.refusal();
                assertTrue(e.settledUsd().add(e.reservedUsd()).add(e.requestedUsd()).compareTo(LIMIT) > 0,
                        "refused only when the budget really was short: " + e.getMessage());
            }
        }
    }

    private static void checkWithExcesses(List<Cycle> cycles, Spend spend) {
        BigDecimal settled = cycles.stream().map(Cycle::actual).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, settled.compareTo(spend.dailySettledUsd()), "every cent settled is accounted, excesses included");
        assertEquals(0, spend.dailyReservedUsd().signum());
        // The bound: the calls in flight when the last reservation was granted are among those whose
        // settle completed after that reservation was sent.
        long lastGrant = cycles.stream().filter(Cycle::admitted).mapToLong(Cycle::reserveSentNanos).max().orElseThrow();
        BigDecimal inFlightExcess = cycles.stream().filter(c -> c.admitted() && c.settledNanos() > lastGrant).map(Cycle::excess)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal allExcess = cycles.stream().map(Cycle::excess).reduce(BigDecimal.ZERO, BigDecimal::add);
        LOG.info("with excesses: {} of {} admitted, ${} settled of ${}; excess in flight at the last grant ${}, in all ${}",
                cycles.stream().filter(Cycle::admitted).count(), CYCLES, spend.dailySettledUsd(), LIMIT, inFlightExcess, allExcess);
        assertTrue(allExcess.signum() > 0, "the variant must have excesses");
        assertTrue(spend.dailySettledUsd().compareTo(LIMIT.add(inFlightExcess)) <= 0,
                "settled " + spend.dailySettledUsd() + " must stay within " + LIMIT + " + in-flight excess " + inFlightExcess);
        for (Cycle c : cycles) {
            if (!c.admitted()) {
                BudgetExceededException e = c.refusal();
                assertTrue(e.settledUsd().add(e.reservedUsd()).add(e.requestedUsd()).compareTo(LIMIT) > 0, e.getMessage());
            }
        }
    }

    private void onRedis(boolean excesses) {
        Vertx a = Vertx.vertx();
        Vertx b = Vertx.vertx();
        RedisSettings settings = RedisSettings.of(redis.url());
        try (GatewayState first = GatewayState.redis(a, settings, CLOCK, HealthRule.DEFAULT);
                GatewayState second = GatewayState.redis(b, settings, CLOCK, HealthRule.DEFAULT)) {
            // As a gateway would be before taking traffic: connected.
            result(first.ping());
            result(second.ping());
            List<BiConsumer<Long, Runnable>> later = List.of(timer(a), timer(b));
            List<Cycle> cycles = run(List.of(first.budgets(), second.budgets()), later, excesses);
            Spend spend = result(first.budgets().spend("shared", BUDGET));
            if (excesses) {
                checkWithExcesses(cycles, spend);
            } else {
                checkWithinReservations(cycles, spend);
            }
        } finally {
            result(a.close());
            result(b.close());
        }
    }

    /** Runs on one of the instance's event loops, after {@code ms} when positive, as the server would. */
    private static BiConsumer<Long, Runnable> timer(Vertx vertx) {
        return (ms, task) -> {
            if (ms > 0) {
                vertx.setTimer(ms, id -> task.run());
            } else {
                vertx.runOnContext(v -> task.run());
            }
        };
    }

    private void inMemory(boolean excesses) {
        ScheduledExecutorService threads = Executors.newScheduledThreadPool(8);
        try (GatewayState state = GatewayState.inMemory(CLOCK, HealthRule.DEFAULT)) {
            BiConsumer<Long, Runnable> later = (ms, task) -> threads.schedule(task, ms, TimeUnit.MILLISECONDS);
            List<Cycle> cycles = run(List.of(state.budgets()), List.of(later), excesses);
            Spend spend = result(state.budgets().spend("shared", BUDGET));
            if (excesses) {
                checkWithExcesses(cycles, spend);
            } else {
                checkWithinReservations(cycles, spend);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twoInstancesOnRedisNeverSettleBeyondTheBudget() {
        onRedis(false);
    }

    @Test
    void twoInstancesOnRedisOvershootOnlyByInFlightExcess() {
        onRedis(true);
    }

    @Test
    void manyThreadsInMemoryNeverSettleBeyondTheBudget() {
        inMemory(false);
    }

    @Test
    void manyThreadsInMemoryOvershootOnlyByInFlightExcess() {
        inMemory(true);
    }
}
