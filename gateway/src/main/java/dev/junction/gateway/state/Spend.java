package dev.junction.gateway.state;

import java.math.BigDecimal;

/**
 * A key's spend in the current UTC day and month: settled costs, and budget held by reservations
 * not yet settled or expired.
 *
 * @param dailySettledUsd settled today
 * @param dailyReservedUsd held today
 * @param monthlySettledUsd settled this month
 * @param monthlyReservedUsd held this month
 */
public record Spend(BigDecimal dailySettledUsd, BigDecimal dailyReservedUsd, BigDecimal monthlySettledUsd, BigDecimal monthlyReservedUsd) {
}
