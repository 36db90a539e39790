package dev.junction.cost;

import java.math.BigDecimal;

/**
 * One line of a cost breakdown: so many tokens, what they cost in dollars and, where the vendor
 * bills in credits, in credits.
 *
 * @param tokens the tokens charged on this line
 * @param usd their cost in US dollars, exact
 * @param credits their cost in vendor credits, exact, or {@code null} when the vendor bills in money
 */
public record Charge(long tokens, BigDecimal usd, BigDecimal credits) {
}
