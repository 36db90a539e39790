package dev.junction.internal.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Retries held to 20 % of calls over 10 s, plus 10 a second, on a fake clock. */
class RetryBudgetTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final RetryBudget budget = new RetryBudget(nanos::get);

    private int retriesAllowed() {
        int n = 0;
        while (budget.tryRetry()) {
            n++;
            if (n > 100_000) {
                throw new AssertionError("the budget never ran out");
            }
        }
        return n;
    }

    @Test
    void allowsTheFloorWithoutCalls() {
        assertEquals(100, retriesAllowed());
        assertFalse(budget.tryRetry());
    }

    @Test
    void addsTwentyPercentOfTheCalls() {
        for (int i = 0; i < 1000; i++) {
            budget.recordCall();
        }
        assertEquals(300, retriesAllowed());
    }

    @Test
    void recoversAsTheWindowMovesOn() {
        assertEquals(100, retriesAllowed());
        nanos.addAndGet(9_000_000_000L);
        assertFalse(budget.tryRetry(), "after 9 s the spent retries are still in the window");
        nanos.addAndGet(1_000_000_000L);
        assertTrue(budget.tryRetry(), "after 10 s they have left it");
    }
}
