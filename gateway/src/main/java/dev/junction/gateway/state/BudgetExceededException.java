package dev.junction.gateway.state;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reservation refused because it would take a key past one of its budgets; nothing was held.
 * The figures are those the atomic check saw.
 */
public final class BudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String keyName;
    private final String budget;
    private final BigDecimal limitUsd;
    private final BigDecimal settledUsd;
    private final BigDecimal reservedUsd;
    private final BigDecimal requestedUsd;
    private final Instant resetsAt;

    /**
     * Creates the exception and its message.
     *
     * @param budget {@code "daily"} or {@code "monthly"}
     */
    public BudgetExceededException(String keyName, String budget, BigDecimal limitUsd, BigDecimal settledUsd, BigDecimal reservedUsd,
            BigDecimal requestedUsd, Instant resetsAt) {
        super(budget + " budget of " + Usd.format(limitUsd) + " for key \"" + keyName + "\" would be exceeded: " + Usd.format(settledUsd)
                + " settled, " + Usd.format(reservedUsd) + " reserved, this call needs up to " + Usd.format(requestedUsd)
                + "; it resets at " + resetsAt);
        this.keyName = keyName;
        this.budget = budget;
        this.limitUsd = limitUsd;
        this.settledUsd = settledUsd;
        this.reservedUsd = reservedUsd;
        this.requestedUsd = requestedUsd;
        this.resetsAt = resetsAt;
    }

    /** The virtual key's name. */
    public String keyName() {
        return keyName;
    }

    /** Which budget: {@code "daily"} or {@code "monthly"}. */
    public String budget() {
        return budget;
    }

    /** The budget's limit. */
    public BigDecimal limitUsd() {
        return limitUsd;
    }

    /** Spend already settled in the period. */
    public BigDecimal settledUsd() {
        return settledUsd;
    }

    /** Budget held by calls in flight. */
    public BigDecimal reservedUsd() {
        return reservedUsd;
    }

    /** What this call asked to hold. */
    public BigDecimal requestedUsd() {
        return requestedUsd;
    }

    /** When the period ends: the next UTC midnight, or the first of the next month. */
    public Instant resetsAt() {
        return resetsAt;
    }
}
