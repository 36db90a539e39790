package dev.junction.cost;

import dev.junction.chat.Usage;
import java.math.BigDecimal;

/** Turns reported token usage and a price row into a {@link Cost}. */
public final class CostCalculator {
    private CostCalculator() {
    }

    /**
     * Computes input tokens × input price + output tokens × output price.
     *
     * <p>Reasoning and image tokens are not added again: OpenAI-compatible vendors, these three
     * included, report them as parts of {@code completion_tokens}.
     *
     * @return the cost, or {@code null} when the usage lacks input or output counts
     */
    public static Cost cost(Usage usage, Price price) {
        if (usage == null || !usage.isReported()) {
            return null;
        }
        BigDecimal inputUsd = perMillion(usage.inputTokens(), price.inputPerMillion());
        BigDecimal outputUsd = perMillion(usage.outputTokens(), price.outputPerMillion());
        BigDecimal usd = inputUsd.add(outputUsd);
        BigDecimal credits = price.creditsPerUsd() == null ? null : usd.multiply(price.creditsPerUsd());
        return new Cost(usd, credits, inputUsd, outputUsd, price);
    }

    private static BigDecimal perMillion(long tokens, BigDecimal pricePerMillion) {
        return BigDecimal.valueOf(tokens).multiply(pricePerMillion).movePointLeft(6);
    }
}
