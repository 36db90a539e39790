package dev.junction.cost;

import java.util.Objects;

/**
 * Prices that replace a row's base rates for every token of a call whose prompt is longer than a
 * threshold, as Gemini charges more for prompts over 200k tokens.
 *
 * @param aboveInputTokens the tier applies when the call's input tokens exceed this; positive
 * @param rates the prices in this tier
 */
public record PriceTier(long aboveInputTokens, TokenRates rates) {

    /** Checks the threshold is positive and the rates present. */
    public PriceTier {
        if (aboveInputTokens <= 0) {
            throw new IllegalArgumentException("aboveInputTokens must be positive, got " + aboveInputTokens);
        }
        Objects.requireNonNull(rates, "rates");
    }
}
