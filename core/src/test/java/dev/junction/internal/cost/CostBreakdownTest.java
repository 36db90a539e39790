package dev.junction.internal.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
import dev.junction.cost.Price;
import dev.junction.cost.PriceTier;
import dev.junction.cost.TokenRates;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The breakdown of a cost: optional rates, tiers, credits, and parts never counted twice. */
class CostBreakdownTest {
    /** Google's list price for gemini-2.5-pro as VENDORS.md quotes it: $1.25/$10, over 200k prompts $2.50/$15. */
    private static final Price GOOGLE = new Price("google", "gemini-2.5-pro", "gemini-2.5-pro", "USD",
            TokenRates.of(new BigDecimal("1.25"), new BigDecimal("10")),
            List.of(new PriceTier(200_000, TokenRates.of(new BigDecimal("2.50"), new BigDecimal("15")))),
            null, "VENDORS.md", null);
    /** Every optional rate set, billed in credits. */
    private static final Price DETAILED = new Price("v", "m", "m", "USD",
            new TokenRates(new BigDecimal("1"), new BigDecimal("4"), new BigDecimal("0.25"), new BigDecimal("30"),
                    new BigDecimal("3.5"), new BigDecimal("2")),
            List.of(), new BigDecimal("200"), "test", null);

    private static Usage usage(long in, long out, Long reasoning, Long image, Long cached, Long audio) {
        return new Usage(in, out, reasoning, image, cached, audio, null, null);
    }

    private static void assertExactly(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected).stripTrailingZeros(), actual.stripTrailingZeros(), actual.toPlainString());
    }

    @Test
    void usesTheBaseRatesUpToTheTierThresholdInclusive() {
        Cost cost = CostCalculator.cost(usage(200_000, 1_000, null, null, null, null), GOOGLE);
        assertNull(cost.tier());
        // 200,000 × 1.25 / 1e6 + 1,000 × 10 / 1e6
        assertExactly("0.25", cost.inputUsd());
        assertExactly("0.01", cost.outputUsd());
        assertExactly("0.26", cost.usd());
    }

    @Test
    void billsEveryTokenAtTheTierPricesAboveTheThreshold() {
        Cost cost = CostCalculator.cost(usage(200_001, 1_000, null, null, null, null), GOOGLE);
        assertSame(GOOGLE.tiers().get(0), cost.tier());
        // 200,001 × 2.50 / 1e6 + 1,000 × 15 / 1e6
        assertExactly("0.5000025", cost.inputUsd());
        assertExactly("0.015", cost.outputUsd());
        assertExactly("0.5150025", cost.usd());
        assertNull(cost.credits(), "Google bills in money");
    }

    @Test
    void picksTheHighestTierBelowTheInput() {
        Price stepped = new Price("v", "m", "m", "USD", TokenRates.of(BigDecimal.ONE, BigDecimal.ONE),
                List.of(new PriceTier(1_000_000, TokenRates.of(BigDecimal.TEN, BigDecimal.TEN)),
                        new PriceTier(100, TokenRates.of(new BigDecimal("2"), new BigDecimal("2")))),
                null, "test", null);
        assertEquals(100, stepped.tiers().get(0).aboveInputTokens(), "tiers are sorted");
        assertExactly("0.002", CostCalculator.cost(usage(1_000, 0, null, null, null, null), stepped).usd());
        assertExactly("20.00001", CostCalculator.cost(usage(2_000_000, 1, null, null, null, null), stepped).usd());
    }

    @Test
    void pricesReasoningAtItsOwnRateWithoutCountingItTwice() {
        // 1,000 output tokens of which 600 reasoning: 400 × 4 + 600 × 3.5, not 1,000 × 4 + 600 × 3.5.
        Cost cost = CostCalculator.cost(usage(0, 1_000, 600L, null, null, null), DETAILED);
        assertExactly("0.0016", cost.output().usd().subtract(cost.reasoning().usd()));
        assertExactly("0.0021", cost.reasoning().usd());
        assertExactly("0.0037", cost.outputUsd());
        assertEquals(600, cost.reasoning().tokens());
        assertEquals(1_000, cost.output().tokens());
        assertExactly("0.74", cost.credits());
    }

    @Test
    void reasoningWithoutItsOwnRateCostsTheOutputRate() {
        Price flat = new Price("acedata", "gemini-2.5-pro", "gemini-2.5-pro", "USD", new BigDecimal("1.25"), new BigDecimal("10"),
                null, "test", null);
        // acedata's documented stream: 8 prompt, 527 completion of which 519 reasoning.
        Cost cost = CostCalculator.cost(usage(8, 527, 519L, null, 0L, 0L), flat);
        assertExactly("0.00527", cost.outputUsd());
        assertExactly("0.00519", cost.reasoning().usd());
        assertExactly("0.00001", cost.inputUsd());
        assertExactly("0.00528", cost.usd());
    }

    @Test
    void splitsInputIntoCachedAudioAndTheRest() {
        // 10,000 input: 4,000 cached at 0.25, 1,000 audio at 2, 5,000 plain at 1.
        Cost cost = CostCalculator.cost(usage(10_000, 0, null, null, 4_000L, 1_000L), DETAILED);
        assertExactly("0.001", cost.cachedInput().usd());
        assertExactly("0.002", cost.audioInput().usd());
        assertExactly("0.008", cost.inputUsd());
        assertExactly("1.6", cost.input().credits());
        assertExactly("0.2", cost.cachedInput().credits());
    }

    @Test
    void pricesImageTokensAtTheImageRate() {
        // yisu's documented image reply: 1,404 completion tokens, all of them image tokens.
        Cost cost = CostCalculator.cost(usage(14, 1_404, 0L, 1_404L, null, null), DETAILED);
        assertExactly("0.04212", cost.imageOutput().usd());
        assertExactly("0.04212", cost.outputUsd());
        assertExactly("0.000014", cost.inputUsd());
    }

    @Test
    void capsPartsThatExceedTheirWhole() {
        // A vendor reporting more reasoning than output: the total never exceeds what the output costs at most.
        Cost cost = CostCalculator.cost(usage(0, 100, 150L, 50L, null, null), DETAILED);
        assertEquals(100, cost.reasoning().tokens());
        assertEquals(0, cost.imageOutput().tokens());
        assertExactly("0.00035", cost.outputUsd());
    }

    @Test
    void creditsOfThePartsAddUpToTheTotalExactly() {
        Cost cost = CostCalculator.cost(usage(12_345, 6_789, 1_111L, 222L, 333L, 44L), DETAILED);
        assertExactly(cost.credits().toPlainString(), cost.input().credits().add(cost.output().credits()));
        assertExactly(cost.usd().multiply(new BigDecimal("200")).toPlainString(), cost.credits());
        assertEquals(12_345 + 6_789, cost.total().tokens());
    }

    @Test
    void refusesCountsThatDoNotAddUp() {
        assertThrows(IllegalArgumentException.class, () -> CostCalculator.cost(DETAILED, 10, 8, 8, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> CostCalculator.cost(DETAILED, 10, 0, 0, 5, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> CostCalculator.cost(DETAILED, -1, 0, 0, 0, 0, 0));
    }

    @Test
    void refusesTwoTiersWithOneThreshold() {
        TokenRates r = TokenRates.of(BigDecimal.ONE, BigDecimal.ONE);
        assertThrows(IllegalArgumentException.class, () -> new Price("v", "m", "m", "USD", r,
                List.of(new PriceTier(5, r), new PriceTier(5, r)), null, "t", null));
        assertThrows(IllegalArgumentException.class, () -> new PriceTier(0, r));
        assertThrows(IllegalArgumentException.class, () -> TokenRates.of(BigDecimal.ONE, new BigDecimal("-0.01")));
    }
}
