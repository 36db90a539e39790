package dev.junction.internal.retry;

import dev.junction.chat.ChatResponse;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * The one retry loop: repeats one provider's failed attempts as its {@link RetryPolicy} says, within
 * the provider's {@link RetryBudget}, waiting on the {@link Scheduler}. Used for chat calls here, and
 * by {@link RetryingChatStream} for streams through {@link #next}.
 */
public final class RetryLoop {
    private final RetryPolicy policy;
    private final RetryBudget budget;
    private final Scheduler scheduler;

    /** A loop over one provider's calls. */
    public RetryLoop(RetryPolicy policy, RetryBudget budget, Scheduler scheduler) {
        this.policy = policy;
        this.budget = budget;
        this.scheduler = scheduler;
    }

    /** Runs a call: the first attempt at once, each retry after its delay; fails with the last verdict's error. */
    public Future<ChatResponse> chat(Supplier<Future<ChatResponse>> attempt) {
        budget.recordCall();
        return run(attempt, 1);
    }

    /** Counts a call made outside {@link #chat}, such as a stream's first attempt. */
    public void recordCall() {
        budget.recordCall();
    }

    private Future<ChatResponse> run(Supplier<Future<ChatResponse>> attempt, int attemptNumber) {
        return attempt.get().recover(e -> next(asJunction(e), attemptNumber).compose(v -> run(attempt, attemptNumber + 1)));
    }

    /**
     * What follows the failure of attempt {@code attemptsMade} (from 1): a future that completes when
     * the next attempt may start, or fails with the call's error when there is none.
     */
    public Future<Void> next(JunctionException error, int attemptsMade) {
        Verdict verdict = policy.judge(error, attemptsMade - 1);
        if (verdict instanceof Verdict.Stop stop) {
            return Future.failedFuture(stop.error());
        }
        if (!budget.tryRetry()) {
            return Future.failedFuture(budgetSpent(error));
        }
        return scheduler.after(((Verdict.Retry) verdict).delay());
    }

    private static JunctionException budgetSpent(JunctionException e) {
        return JunctionException.builder(e.kind(), e.getMessage() + "; not retried: " + (e.provider() == null ? "the provider" : e.provider())
                        + "'s retry budget is spent (retries are held to " + (int) (RetryBudget.PERCENT_CAN_RETRY * 100)
                        + " % of calls over " + RetryBudget.WINDOW_SECONDS + " s, plus " + RetryBudget.MIN_RETRIES_PER_SECOND
                        + " a second)")
                .provider(e.provider())
                .httpStatus(e.httpStatus().isPresent() ? e.httpStatus().getAsInt() : null)
                .vendorCode(e.vendorCode().orElse(null))
                .traceId(e.traceId().orElse(null))
                .retryable(e.retryable())
                .hint("the provider is failing often; try another provider or later")
                .cause(e)
                .build();
    }

    private static JunctionException asJunction(Throwable e) {
        if (e instanceof JunctionException je) {
            return je;
        }
        // Providers fail only with JunctionException; anything else is a bug, reported and never retried.
        return JunctionException.builder(ErrorKind.PROTOCOL, "the call failed unexpectedly (" + e.getClass().getSimpleName() + ")")
                .cause(e)
                .retryable(false)
                .build();
    }
}
