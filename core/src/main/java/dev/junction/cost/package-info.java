/**
 * Prices and costs as values: a {@link dev.junction.cost.Price} row with its tiers and provenance,
 * the {@link dev.junction.cost.PriceBook} of every known row, and the exact
 * {@link dev.junction.cost.Cost} of a completed call with its breakdown. Amounts are exact
 * {@link java.math.BigDecimal}s in US dollars and, where a vendor bills in them, credits; nothing is
 * rounded. How a request is estimated and quoted before sending lives in {@code dev.junction.quote}.
 */
package dev.junction.cost;
