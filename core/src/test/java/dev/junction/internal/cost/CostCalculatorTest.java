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
}
