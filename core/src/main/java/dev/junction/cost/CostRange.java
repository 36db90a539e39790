package dev.junction.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An estimated amount as a range: the least the call plausibly costs, the best guess and the most.
 * Exact decimals, not rounded.
 *
 * @param low the low end
 * @param expected the best single guess
 * @param high the high end
 */
public record CostRange(BigDecimal low, BigDecimal expected, BigDecimal high) {

    /** Checks {@code low <= expected <= high}. */
    public CostRange {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(high, "high");
        if (low.compareTo(expected) > 0 || expected.compareTo(high) > 0) {
            throw new IllegalArgumentException("need low <= expected <= high, got " + low + " / " + expected + " / " + high);
        }
    }
}
