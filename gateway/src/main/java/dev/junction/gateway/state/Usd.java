package dev.junction.gateway.state;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * USD amounts as integer nano-dollars, the unit budgets are kept in: Redis's Lua numbers are
 * doubles, exact for integers up to 2^53, so nano-dollars stay exact up to about $9 million per key
 * and period, while decimal fractions of a dollar would not.
 */
final class Usd {
    /** The largest amount kept exactly: 2^53 nano-dollars. */
    static final long MAX_NANOS = 1L << 53;

    private Usd() {
    }

    /**
     * The amount in nano-dollars, rounded up so that no fraction of a cost goes unaccounted.
     *
     * @throws IllegalArgumentException when negative or above {@link #MAX_NANOS}
     */
    static long toNanos(BigDecimal usd, String what) {
        if (usd.signum() < 0) {
            throw new IllegalArgumentException(what + " cannot be negative: " + usd);
        }
        BigDecimal nanos = usd.movePointRight(9).setScale(0, RoundingMode.CEILING);
        if (nanos.compareTo(BigDecimal.valueOf(MAX_NANOS)) > 0) {
            throw new IllegalArgumentException(what + " is beyond what budgets keep exactly ($9,007,199): " + usd);
        }
        return nanos.longValueExact();
    }

    /** Nano-dollars back to dollars, without trailing zeros beyond the cents. */
    static BigDecimal fromNanos(long nanos) {
        BigDecimal usd = BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
        return usd.scale() < 2 ? usd.setScale(2) : usd;
    }

    /** As in messages: {@code $5.00}, {@code $0.004}. */
    static String format(BigDecimal usd) {
        BigDecimal v = usd.stripTrailingZeros();
        return "$" + (v.scale() < 2 ? v.setScale(2) : v).toPlainString();
    }
}
