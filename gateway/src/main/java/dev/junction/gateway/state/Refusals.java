package dev.junction.gateway.state;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** The budget check both ledgers make, so that they refuse alike and say so alike. */
final class Refusals {
    private Refusals() {
    }

    /**
     * The refusal when {@code settled + reserved + amount} would pass the limit, or {@code null} when
     * it stays within it or there is no limit.
     */
    static BudgetExceededException check(String keyName, String which, BigDecimal limitUsd, long settled, long reserved, long amount,
            Instant resetsAt) {
        if (limitUsd == null || settled + reserved + amount <= limitNanos(limitUsd)) {
            return null;
        }
        return exceeded(keyName, which, limitUsd, settled, reserved, amount, resetsAt);
    }

    static BudgetExceededException exceeded(String keyName, String which, BigDecimal limitUsd, long settled, long reserved, long amount,
            Instant resetsAt) {
        return new BudgetExceededException(keyName, which, limitUsd, Usd.fromNanos(settled), Usd.fromNanos(reserved),
                Usd.fromNanos(amount), resetsAt);
    }

    /** A limit in nano-dollars, rounded down: a budget is never passed by a rounding. */
    static long limitNanos(BigDecimal limitUsd) {
        return limitUsd.movePointRight(9).setScale(0, RoundingMode.FLOOR).min(BigDecimal.valueOf(Usd.MAX_NANOS)).longValueExact();
    }

    static Spend spend(long daySettled, long dayReserved, long monthSettled, long monthReserved) {
        return new Spend(Usd.fromNanos(daySettled), Usd.fromNanos(dayReserved), Usd.fromNanos(monthSettled), Usd.fromNanos(monthReserved));
    }
}
