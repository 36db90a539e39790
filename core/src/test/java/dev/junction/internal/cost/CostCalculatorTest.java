package dev.junction.internal.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
import dev.junction.cost.Price;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Exact decimal cost from token counts and per-million prices. */
class CostCalculatorTest {
    private static final Price PRICE = new Price("acedata", "gemini-2.5-pro", "gemini-2.5-pro", "USD",
            new BigDecimal("0.80"), new BigDecimal("4.80"), new BigDecimal("200"), "test", null);

    private static Usage usage(Long in, Long out, Long reasoning) {
        return new Usage(in, out, reasoning, null, null, null, null, null);
    }

    private static void assertExactly(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected).stripTrailingZeros(), actual.stripTrailingZeros(), actual.toPlainString());
    }

    @Test
    void computesExactUsdAndCredits() {
        Cost cost = CostCalculator.cost(usage(12L, 86L, null), PRICE);
        assertExactly("0.0000096", cost.inputUsd());
        assertExactly("0.0004128", cost.outputUsd());
        assertExactly("0.0004224", cost.usd());
        assertExactly("0.08448", cost.credits());
        assertSame(PRICE, cost.price());
    }

    @Test
    void doesNotCountReasoningTokensTwice() {
        Cost cost = CostCalculator.cost(usage(12L, 932L, 921L), PRICE);
        // 932 × 4.80 / 1e6: the 921 reasoning tokens are already inside completion_tokens.
        assertExactly("0.0044736", cost.outputUsd());
        assertExactly("0.0044832", cost.usd());
    }

    @Test
    void leavesCreditsNullForAVendorBillingInMoney() {
        Price money = new Price("yisu", "m", "m", "USD", BigDecimal.ONE, BigDecimal.ONE, null, null, null);
        Cost cost = CostCalculator.cost(usage(1_000_000L, 0L, null), money);
        assertExactly("1", cost.usd());
        assertNull(cost.credits());
    }

    @Test
    void costsZeroTokensAtZero() {
        assertEquals(0, CostCalculator.cost(usage(0L, 0L, null), PRICE).usd().signum());
    }

    @Test
    void returnsNullWhenUsageIsMissingOrPartial() {
        assertNull(CostCalculator.cost(null, PRICE));
        assertNull(CostCalculator.cost(Usage.NONE, PRICE));
        assertNull(CostCalculator.cost(usage(12L, null, null), PRICE));
        assertNull(CostCalculator.cost(usage(null, 86L, null), PRICE));
    }

    /**
     * Zero-token parts skip the arithmetic (it ran on every call); they must still give the very
     * numbers it gave, scale included, since the scale shows in printed amounts.
     */
    @Test
    void zeroPartsKeepTheScaleTheArithmeticGives() {
        for (String rate : new String[] {"1E+1", "3", "0.80", "0.000000125"}) {
            for (String credits : new String[] {null, "200", "1E+2", "0.5"}) {
                Price price = new Price("p", "m", "m", "USD", new BigDecimal(rate), new BigDecimal(rate).add(BigDecimal.ONE),
                        credits == null ? null : new BigDecimal(credits), "test", null);
                for (long[] counts : new long[][] {{0, 0}, {12, 0}, {0, 86}, {12, 86}}) {
                    Cost cost = CostCalculator.cost(usage(counts[0], counts[1], null), price);
                    BigDecimal in = plain(counts[0], price.rates().inputPerMillion());
                    BigDecimal out = plain(counts[1], price.rates().outputPerMillion());
                    BigDecimal zeroIn = plain(0, price.rates().inputPerMillion());
                    BigDecimal zeroOut = plain(0, price.rates().outputPerMillion());
                    String where = rate + " / " + credits + " / " + counts[0] + "," + counts[1];
                    assertEquals(BigDecimal.ZERO.add(in).add(zeroIn).add(zeroIn), cost.inputUsd(), where);
                    assertEquals(BigDecimal.ZERO.add(out).add(zeroOut).add(zeroOut), cost.outputUsd(), where);
                    assertEquals(BigDecimal.ZERO.add(cost.inputUsd()).add(cost.outputUsd()), cost.usd(), where);
                    assertEquals(zeroIn, cost.cachedInput().usd(), where);
                    if (credits != null) {
                        assertEquals(zeroIn.multiply(new BigDecimal(credits)), cost.cachedInput().credits(), where);
                        assertEquals(cost.usd().multiply(new BigDecimal(credits)), cost.credits(), where);
                    }
                }
            }
        }
    }

    /** The arithmetic as written for every part. */
    private static BigDecimal plain(long tokens, BigDecimal perMillion) {
        return BigDecimal.valueOf(tokens).multiply(perMillion).movePointLeft(6);
    }
}
