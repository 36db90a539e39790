package dev.junction.internal.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Futures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The loop's own decisions: the budget, and abandoning a delay when Junction closes. */
class RetryLoopTest {
    private static final JunctionException OVERLOADED = JunctionException.builder(ErrorKind.SERVER_ERROR, "v: overloaded")
            .provider("v").httpStatus(503).build();

    @Test
    void failsAtOnceSayingSoWhenTheBudgetIsSpent() {
        RetryBudget budget = new RetryBudget(() -> 0L);
        while (budget.tryRetry()) {
            // spend the floor of 100 retries
        }
        RetryLoop loop = new RetryLoop("v", new RetryPolicy(new RetryOptions(2, Duration.ofSeconds(60), true), new SplittableRandom(1)),
                budget, delay -> Future.succeededFuture(), () -> 0L, LocalHealth.defaults(Clock.systemUTC()));
        JunctionException e = Futures.failure(loop.next(OVERLOADED, 1));
        assertEquals(ErrorKind.SERVER_ERROR, e.kind());
        assertEquals(503, e.httpStatus().getAsInt());
        assertTrue(e.getMessage().startsWith("v: overloaded; not retried: v's retry budget is spent"), e.getMessage());
        assertSame(OVERLOADED, e.getCause());
    }

    @Test
    void passesTheErrorOnWhenNoRetryIsDue() {
        RetryLoop loop = new RetryLoop("v", new RetryPolicy(new RetryOptions(0, Duration.ofSeconds(60), true), new SplittableRandom(1)),
                new RetryBudget(() -> 0L), delay -> {
                    throw new AssertionError("no delay without a retry");
                }, () -> 0L, LocalHealth.defaults(Clock.systemUTC()));
        assertSame(OVERLOADED, Futures.failure(loop.next(OVERLOADED, 1)));
    }

    @Test
    void closingTheSchedulerFailsAPendingDelay() {
        Vertx vertx = Vertx.vertx();
        try {
            VertxScheduler scheduler = new VertxScheduler(() -> vertx);
            Future<Void> pending = scheduler.after(Duration.ofMinutes(10));
            assertTrue(scheduler.after(Duration.ZERO).succeeded(), "no wait is no timer");
            scheduler.close();
            JunctionException e = Futures.failure(pending);
            assertEquals(ErrorKind.NETWORK, e.kind());
            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertEquals(ErrorKind.NETWORK, Futures.failure(scheduler.after(Duration.ofSeconds(1))).kind(), "and refuses new ones");
        } finally {
            vertx.close();
        }
    }
}
