package dev.junction.cli;

import java.math.BigDecimal;

/**
 * How the tables show money and token counts. Amounts are exact: trailing zeros are stripped and
 * nothing is rounded, so a tiny cost such as {@code 0.00000342} is never shown as {@code 0}.
 */
final class Amounts {
    /** Stands for an unknown value in a table cell. */
    static final String UNKNOWN = "—";

    private Amounts() {
    }

    /**
     * The exact amount in plain notation without trailing zeros, or {@link #UNKNOWN} for {@code null}.
     * An {@linkplain CliJson#absurd absurd} value, which only a vendor's odd reply holds, is shown in
     * scientific notation ({@code 1E+10000}) rather than as thousands of digits.
     */
    static String plain(BigDecimal value) {
        if (value == null) {
            return UNKNOWN;
        }
        return CliJson.absurd(value) ? value.stripTrailingZeros().toString() : CliJson.decimal(value).toPlainString();
    }

    /** {@code $} and the exact amount, or {@link #UNKNOWN}. */
    static String usd(BigDecimal value) {
        return value == null ? UNKNOWN : "$" + plain(value);
    }

    /** A token count, or {@link #UNKNOWN} for {@code null}. */
    static String tokens(Long count) {
        return count == null ? UNKNOWN : Long.toString(count);
    }
}
