package dev.junction.cost;

import java.math.BigDecimal;

/**
 * What one completed call cost, with its breakdown.
 *
 * <p>Rounding: none. Every figure is tokens × price ÷ 1,000,000 (and × credits per dollar), which
 * is an exact {@link BigDecimal}, so the figures are as precise as the price table and the parts
 * add up to the total exactly. Round only for display; the command line strips trailing zeros and
 * never rounds. The scale is the price's plus six, so print with {@link BigDecimal#toPlainString()}
 * ({@code toString()} may give {@code 2.85E-7}) and compare with {@code compareTo}, not {@code equals}.
 *
 * <p>{@code input} includes {@code cachedInput} and {@code audioInput}; {@code output} includes
 * {@code reasoning} and {@code imageOutput} ("of which" lines, never added twice).
 *
 * @param total everything
 * @param input every input token
 * @param cachedInput of which served from the vendor's cache
 * @param audioInput of which audio
 * @param output every output token, reasoning and images included
 * @param reasoning of which reasoning
 * @param imageOutput of which generated images
 * @param tier the price tier applied, or {@code null} for the base rates
 * @param price the price row used, for provenance
 */
public record Cost(
        Charge total,
        Charge input,
        Charge cachedInput,
        Charge audioInput,
        Charge output,
        Charge reasoning,
        Charge imageOutput,
        PriceTier tier,
        Price price) {

    /** The total in US dollars. */
    public BigDecimal usd() {
        return total.usd();
    }

    /** The total in vendor credits, or {@code null} when the vendor bills in money. */
    public BigDecimal credits() {
        return total.credits();
    }

    /** The input tokens' share in US dollars. */
    public BigDecimal inputUsd() {
        return input.usd();
    }

    /** The output tokens' share in US dollars, reasoning and image tokens included. */
    public BigDecimal outputUsd() {
        return output.usd();
    }
}
