package dev.junction.cost;

import java.math.BigDecimal;

/**
 * What one completed call cost, computed exactly in {@link BigDecimal} with no rounding: token
 * counts times per-million prices are exact decimals, so the figures are as precise as the
 * price table. Round only for display.
 *
 * @param usd total in US dollars
 * @param credits total in vendor credits, or {@code null} when the vendor does not bill in credits
 * @param inputUsd the input tokens' share
 * @param outputUsd the output tokens' share, reasoning and image tokens included
 * @param price the price row used, for provenance
 */
public record Cost(BigDecimal usd, BigDecimal credits, BigDecimal inputUsd, BigDecimal outputUsd, Price price) {
}
