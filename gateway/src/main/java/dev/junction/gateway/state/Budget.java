package dev.junction.gateway.state;

import java.math.BigDecimal;

/**
 * A virtual key's spending limits in USD, per UTC calendar day and per UTC calendar month.
 *
 * @param dailyUsd the most the key may spend in one UTC day, or {@code null} for no daily limit
 * @param monthlyUsd the most the key may spend in one UTC month, or {@code null} for no monthly limit
 */
public record Budget(BigDecimal dailyUsd, BigDecimal monthlyUsd) {

    /** No limit at all: every reservation passes, and spend is still recorded. */
    public static final Budget NONE = new Budget(null, null);

    /**
     * Checks the limits are not negative.
     *
     * @throws IllegalArgumentException when a limit is negative
     */
    public Budget {
        if (dailyUsd != null && dailyUsd.signum() < 0 || monthlyUsd != null && monthlyUsd.signum() < 0) {
            throw new IllegalArgumentException("a budget cannot be negative: daily " + dailyUsd + ", monthly " + monthlyUsd);
        }
    }

    /** A daily limit only. */
    public static Budget daily(BigDecimal usd) {
        return new Budget(usd, null);
    }

    /** A monthly limit only. */
    public static Budget monthly(BigDecimal usd) {
        return new Budget(null, usd);
    }

    /** Whether neither limit is set. */
    public boolean isNone() {
        return dailyUsd == null && monthlyUsd == null;
    }
}
