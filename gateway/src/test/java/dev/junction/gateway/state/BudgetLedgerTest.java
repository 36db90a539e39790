package dev.junction.gateway.state;

import static dev.junction.gateway.state.Await.failure;
import static dev.junction.gateway.state.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Budget semantics, the same on both backends. */
class BudgetLedgerTest {
    private static TestRedis redis;
    private static Vertx vertx;
    private final List<GatewayState> states = new ArrayList<>();

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

    @BeforeEach
    void flush() throws IOException {
        redis.flush();
    }

    @AfterEach
    void close() {
        states.forEach(GatewayState::close);
    }

    private BudgetLedger ledger(String backend, Clock clock, Duration ttl) {
        GatewayState s = backend.equals("memory") ? GatewayState.inMemory(clock, HealthRule.DEFAULT, ttl)
                : GatewayState.redis(vertx, new RedisSettings(redis.url(), false, "test:", ttl), clock, HealthRule.DEFAULT);
        states.add(s);
        return s.budgets();
    }

    private BudgetLedger ledger(String backend, Clock clock) {
        return ledger(backend, clock, Duration.ofMinutes(10));
    }

    private static BigDecimal usd(String s) {
        return new BigDecimal(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void refusesBeyondTheDailyBudgetAndStartsEmptyTheNextDay(String backend) {
        MutableClock clock = MutableClock.at("2026-12-07T23:59:00Z");
        BudgetLedger ledger = ledger(backend, clock);
        Budget budget = Budget.daily(usd("5.00"));
        Reservation first = result(ledger.reserve("team-a", budget, usd("1.00")));
        Reservation held = result(ledger.reserve("team-a", budget, usd("0.03")));
        // The first call cost more than it reserved: now $4.98 settled and $0.03 held.
        result(ledger.settle(first, usd("4.98")));
        assertEquals(LocalDate.parse("2026-12-07"), held.day());
        assertFalse(held.unenforced());

        BudgetExceededException e = failure(BudgetExceededException.class, ledger.reserve("team-a", budget, usd("0.04")));
        assertEquals("team-a", e.keyName());
        assertEquals("daily", e.budget());
        assertEquals(0, usd("5").compareTo(e.limitUsd()));
        assertEquals(0, usd("4.98").compareTo(e.settledUsd()));
        assertEquals(0, usd("0.03").compareTo(e.reservedUsd()));
        assertEquals(0, usd("0.04").compareTo(e.requestedUsd()));
        assertEquals(Instant.parse("2026-12-08T00:00:00Z"), e.resetsAt());
        assertEquals("daily budget of $5.00 for key \"team-a\" would be exceeded: $4.98 settled, $0.03 reserved, this call needs up to "
                + "$0.04; it resets at 2026-12-08T00:00:00Z", e.getMessage());
        // Exactly up to the limit is allowed.
        result(ledger.settle(held, BigDecimal.ZERO));
        result(ledger.settle(result(ledger.reserve("team-a", budget, usd("0.02"))), usd("0.02")));
        failure(BudgetExceededException.class, ledger.reserve("team-a", budget, usd("0.000000001")));

        clock.advance(Duration.ofMinutes(2));
        Spend spend = result(ledger.spend("team-a", budget));
        assertEquals(0, spend.dailySettledUsd().signum());
        assertEquals(0, spend.dailyReservedUsd().signum());
        assertEquals(0, usd("5.00").compareTo(spend.monthlySettledUsd()), "December goes on");
        Reservation tomorrow = result(ledger.reserve("team-a", budget, usd("4.99")));
        assertEquals(LocalDate.parse("2026-12-08"), tomorrow.day());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void refusesBeyondTheMonthlyBudgetUntilTheFirstOfTheNextMonth(String backend) {
        MutableClock clock = MutableClock.at("2026-12-31T23:59:30Z");
        BudgetLedger ledger = ledger(backend, clock);
        Budget budget = new Budget(usd("10"), usd("1"));
        result(ledger.settle(result(ledger.reserve("team-b", budget, usd("0.9"))), usd("0.9")));
        BudgetExceededException e = failure(BudgetExceededException.class, ledger.reserve("team-b", budget, usd("0.2")));
        assertEquals("monthly", e.budget());
        assertEquals(0, usd("0.9").compareTo(e.settledUsd()));
        assertEquals(0, e.reservedUsd().signum());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), e.resetsAt());
        assertTrue(e.getMessage().startsWith("monthly budget of $1.00 for key \"team-b\""), e.getMessage());

        clock.advance(Duration.ofMinutes(1));
        Reservation r = result(ledger.reserve("team-b", budget, usd("0.2")));
        Spend spend = result(ledger.spend("team-b", budget));
        assertEquals(0, spend.monthlySettledUsd().signum());
        assertEquals(0, usd("0.2").compareTo(spend.monthlyReservedUsd()));
        assertEquals(0, usd("0.2").compareTo(spend.dailyReservedUsd()));
        assertEquals("2027-01", r.month().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void settlingReleasesTheRestAndChargesExcessInFull(String backend) {
        MutableClock clock = MutableClock.at("2026-12-07T12:00:00Z");
        BudgetLedger ledger = ledger(backend, clock);
        Budget budget = Budget.daily(usd("1"));
        Reservation r = result(ledger.reserve("k", budget, usd("0.50")));
        assertEquals(0, usd("0.5").compareTo(result(ledger.spend("k", budget)).dailyReservedUsd()));
        Settlement s = result(ledger.settle(r, usd("0.125")));
        assertFalse(s.alreadySettled());
        assertFalse(s.deferred());
        Spend spend = result(ledger.spend("k", budget));
        assertEquals(0, usd("0.125").compareTo(spend.dailySettledUsd()));
        assertEquals(0, spend.dailyReservedUsd().signum());

        // A call that cost more than it reserved: every cent is charged, and the excess shows.
        Settlement over = result(ledger.settle(result(ledger.reserve("k", budget, usd("0.10"))), usd("0.95")));
        assertEquals(0, usd("0.95").compareTo(over.actualUsd()));
        assertEquals(0, usd("1.075").compareTo(result(ledger.spend("k", budget)).dailySettledUsd()));
        BudgetExceededException e = failure(BudgetExceededException.class, ledger.reserve("k", budget, usd("0.01")));
        assertEquals(0, usd("1.075").compareTo(e.settledUsd()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void settlingTwiceIsANoOp(String backend) {
        BudgetLedger ledger = ledger(backend, MutableClock.at("2026-12-07T12:00:00Z"));
        Reservation r = result(ledger.reserve("k", Budget.NONE, usd("0.3")));
        assertFalse(result(ledger.settle(r, usd("0.2"))).alreadySettled());
        Settlement again = result(ledger.settle(r, usd("0.2")));
        assertTrue(again.alreadySettled());
        Spend spend = result(ledger.spend("k", Budget.NONE));
        assertEquals(0, usd("0.2").compareTo(spend.dailySettledUsd()));
        assertEquals(0, usd("0.2").compareTo(spend.monthlySettledUsd()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void roundsAmountsUpToTheNanoDollar(String backend) {
        BudgetLedger ledger = ledger(backend, MutableClock.at("2026-12-07T12:00:00Z"));
        Reservation r = result(ledger.reserve("k", Budget.NONE, usd("0.0000000001")));
        assertEquals(0, usd("0.000000001").compareTo(r.amountUsd()));
        assertEquals(0, usd("0.000000002").compareTo(result(ledger.settle(r, usd("0.0000000011"))).actualUsd()));
        assertEquals(0, usd("0.000000002").compareTo(result(ledger.spend("k", Budget.NONE)).dailySettledUsd()));
        failure(IllegalArgumentException.class, ledger.reserve("k", Budget.NONE, usd("-0.01")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void anUnsettledReservationExpiresAfterItsTtlAndALateSettleStillCharges(String backend) {
        MutableClock clock = MutableClock.at("2026-12-07T12:00:00Z");
        BudgetLedger ledger = ledger(backend, clock, Duration.ofMinutes(1));
        Budget budget = Budget.daily(usd("1"));
        Reservation crashed = result(ledger.reserve("k", budget, usd("0.8")));
        failure(BudgetExceededException.class, ledger.reserve("k", budget, usd("0.3")));
        clock.advance(Duration.ofSeconds(59));
        failure(BudgetExceededException.class, ledger.reserve("k", budget, usd("0.3")));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, result(ledger.spend("k", budget)).dailyReservedUsd().signum());
        result(ledger.reserve("k", budget, usd("0.3")));
        // The call did run: its cost is charged even though its hold is gone.
        result(ledger.settle(crashed, usd("0.6")));
        Spend spend = result(ledger.spend("k", budget));
        assertEquals(0, usd("0.6").compareTo(spend.dailySettledUsd()));
        assertEquals(0, usd("0.3").compareTo(spend.dailyReservedUsd()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void chargesTheDayTheCallWasReservedIn(String backend) {
        MutableClock clock = MutableClock.at("2026-12-07T23:59:59Z");
        BudgetLedger ledger = ledger(backend, clock);
        Reservation r = result(ledger.reserve("k", Budget.NONE, usd("0.5")));
        clock.advance(Duration.ofSeconds(2));
        result(ledger.settle(r, usd("0.4")));
        assertEquals(0, result(ledger.spend("k", Budget.NONE)).dailySettledUsd().signum());
        clock.advance(Duration.ofDays(-1));
        assertEquals(0, usd("0.4").compareTo(result(ledger.spend("k", Budget.NONE)).dailySettledUsd()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void keysDoNotShareBudgets(String backend) {
        BudgetLedger ledger = ledger(backend, MutableClock.at("2026-12-07T12:00:00Z"));
        Budget budget = Budget.daily(usd("1"));
        result(ledger.reserve("a", budget, usd("1")));
        result(ledger.reserve("b", budget, usd("1")));
        failure(BudgetExceededException.class, ledger.reserve("a", budget, usd("0.01")));
    }

    @Test
    void redisReleasesAnUnsettledReservationOnTheRealClock() {
        BudgetLedger ledger = ledger("redis", Clock.systemUTC(), Duration.ofMillis(300));
        Budget budget = Budget.daily(usd("1"));
        result(ledger.reserve("k", budget, usd("1")));
        failure(BudgetExceededException.class, ledger.reserve("k", budget, usd("0.5")));
        Await.until(Duration.ofSeconds(5), "the hold expires", () -> result(ledger.spend("k", budget)).dailyReservedUsd().signum() == 0);
        result(ledger.reserve("k", budget, usd("0.5")));
    }
}
