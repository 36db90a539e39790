package dev.junction.internal.cost;

import dev.junction.chat.Usage;
import dev.junction.cost.Charge;
import dev.junction.cost.Cost;
import dev.junction.cost.Price;
import dev.junction.cost.PriceTier;
import dev.junction.cost.TokenRates;
import java.math.BigDecimal;

/** Turns reported token usage and a price row into a {@link Cost}. */
public final class CostCalculator {
    private CostCalculator() {
    }

    /**
     * Prices a call. The tier is chosen by the input tokens. Input tokens split into cached, audio
     * and the rest; output tokens into reasoning, image and the rest; each part at its own rate,
     * or the ordinary input or output rate when the row sets none.
     *
     * <p>Reasoning and image tokens are not added again: OpenAI-compatible vendors, these three
     * included, report them as parts of {@code completion_tokens}. A part larger than what is left
     * of its whole (a vendor reporting more reasoning than output tokens) is capped, so the total
     * never exceeds what the reported totals cost.
     *
     * @return the cost, or {@code null} when the usage lacks input or output counts
     */
    public static Cost cost(Usage usage, Price price) {
        if (usage == null || !usage.isReported()) {
            return null;
        }
        long in = usage.inputTokens();
        long cached = capped(usage.cachedTokens(), in);
        long audio = capped(usage.audioInputTokens(), in - cached);
        long out = usage.outputTokens();
        long reasoningTokens = capped(usage.reasoningTokens(), out);
        long imageTokens = capped(usage.imageTokens(), out - reasoningTokens);
        return cost(price, in, cached, audio, out, reasoningTokens, imageTokens);
    }

    /**
     * Prices token counts directly, for estimates. The parts must not exceed their wholes.
     *
     * @throws IllegalArgumentException for a negative count or a part larger than its whole
     */
    public static Cost cost(Price price, long inputTokens, long cachedTokens, long audioTokens,
            long outputTokens, long reasoningTokens, long imageTokens) {
        if (Math.min(Math.min(inputTokens, cachedTokens), Math.min(audioTokens, outputTokens)) < 0
                || Math.min(reasoningTokens, imageTokens) < 0
                || cachedTokens + audioTokens > inputTokens || reasoningTokens + imageTokens > outputTokens) {
            throw new IllegalArgumentException("token counts must be non-negative and parts no larger than their wholes");
        }
        PriceTier tier = price.tierFor(inputTokens);
        TokenRates rates = tier == null ? price.rates() : tier.rates();
        BigDecimal perCredit = price.creditsPerUsd();
        Charge cached = charge(cachedTokens, rates.cachedInputRate(), perCredit);
        Charge audio = charge(audioTokens, rates.audioInputRate(), perCredit);
        Charge plainInput = charge(inputTokens - cachedTokens - audioTokens, rates.inputPerMillion(), perCredit);
        Charge reasoning = charge(reasoningTokens, rates.reasoningOutputRate(), perCredit);
        Charge image = charge(imageTokens, rates.imageOutputRate(), perCredit);
        Charge plainOutput = charge(outputTokens - reasoningTokens - imageTokens, rates.outputPerMillion(), perCredit);
        Charge input = sum(inputTokens, perCredit, plainInput, cached, audio);
        Charge output = sum(outputTokens, perCredit, plainOutput, reasoning, image);
        Charge total = sum(inputTokens + outputTokens, perCredit, input, output);
        return new Cost(total, input, cached, audio, output, reasoning, image, tier, price);
    }

    private static long capped(Long part, long whole) {
        return part == null ? 0 : Math.max(0, Math.min(part, whole));
    }

    private static Charge charge(long tokens, BigDecimal pricePerMillion, BigDecimal creditsPerUsd) {
        if (tokens == 0) {
            // Most parts of most calls are zero (no cached, audio, reasoning or image tokens): the same
            // zero the arithmetic below gives, scale included, without computing it.
            BigDecimal usd = zero(pricePerMillion.scale() + 6);
            return new Charge(0, usd, creditsPerUsd == null ? null : BigDecimal.valueOf(0, usd.scale() + creditsPerUsd.scale()));
        }
        BigDecimal usd = BigDecimal.valueOf(tokens).multiply(pricePerMillion).movePointLeft(6);
        return new Charge(tokens, usd, creditsPerUsd == null ? null : usd.multiply(creditsPerUsd));
    }

    /** Zero at {@code scale}, as {@code movePointLeft} leaves it: never a negative scale. BigDecimal caches the small ones. */
    private static BigDecimal zero(int scale) {
        return BigDecimal.valueOf(0, Math.max(0, scale));
    }

    private static Charge sum(long tokens, BigDecimal creditsPerUsd, Charge first, Charge second) {
        return sum(tokens, creditsPerUsd, first, second, null);
    }

    /** The sum of two or three parts ({@code third} may be null), as {@code ZERO.add(…)} of each would give it, scale included. */
    private static Charge sum(long tokens, BigDecimal creditsPerUsd, Charge first, Charge second, Charge third) {
        BigDecimal usd = plus(plus(first.usd().scale() >= 0 ? first.usd() : BigDecimal.ZERO.add(first.usd()), second.usd()),
                third == null ? null : third.usd());
        return new Charge(tokens, usd, creditsPerUsd == null ? null : usd.multiply(creditsPerUsd));
    }

    /** {@code sum + part}; adding a zero changes nothing but the scale, which becomes the larger of the two. */
    private static BigDecimal plus(BigDecimal sum, BigDecimal part) {
        return part == null || part.signum() == 0 && part.scale() <= sum.scale() ? sum : sum.add(part);
    }
}
