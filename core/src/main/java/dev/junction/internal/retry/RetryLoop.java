package dev.junction.internal.retry;

import dev.junction.catalog.HealthStore;
import dev.junction.chat.ChatResponse;
import dev.junction.error.Attempt;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.async.Cancellation;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The one retry loop: repeats one provider's failed attempts as its {@link RetryPolicy} says, within
 * the provider's {@link RetryBudget}, waiting on the {@link Scheduler}. Used for chat calls here, and
 * by {@link RetryingChatStream} for streams through {@link #next}.
 */
public final class RetryLoop {
    private final String provider;
    private final RetryPolicy policy;
    private final RetryBudget budget;
    private final Scheduler scheduler;
    private final LongSupplier nanoTime;
    private final HealthStore health;

    /**
     * A loop over the calls of provider {@code provider}, timing attempts with {@code nanoTime} and
     * recording each outcome in {@code health}.
     */
    public RetryLoop(String provider, RetryPolicy policy, RetryBudget budget, Scheduler scheduler, LongSupplier nanoTime,
            HealthStore health) {
        this.provider = provider;
        this.policy = policy;
        this.budget = budget;
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        this.health = health;
    }

    /**
     * Runs a call: the first attempt at once, each retry after its delay. A response lists the
     * attempts that failed before it; the final error lists every attempt.
     */
    public Future<ChatResponse> chat(Supplier<Future<ChatResponse>> attempt) {
        return chat(attempt, AttemptWatch.NONE);
    }

    /** As {@link #chat(Supplier)}, telling {@code watch} of each attempt. */
    public Future<ChatResponse> chat(Supplier<Future<ChatResponse>> attempt, AttemptWatch watch) {
        return chat(attempt, watch, Cancellation.NEVER);
    }

    /**
     * As {@link #chat(Supplier, AttemptWatch)}, until {@code cancellation} completes: then no attempt
     * starts, a pending retry's wait ends, and the call fails with kind CANCELLED. The attempt in
     * flight is the supplier's to stop (it is given the same future).
     */
    public Future<ChatResponse> chat(Supplier<Future<ChatResponse>> attempt, AttemptWatch watch, Future<Void> cancellation) {
        budget.recordCall();
        return run(attempt, new ArrayList<>(), watch, cancellation);
    }

    /** Counts a call made outside {@link #chat}, such as a stream's first attempt. */
    public void recordCall() {
        budget.recordCall();
    }

    // Attempts run one after another, each started from the previous one's completion, so the list
    // is never touched by two threads at once.
    private Future<ChatResponse> run(Supplier<Future<ChatResponse>> attempt, List<Attempt> failed, AttemptWatch watch,
            Future<Void> cancellation) {
        if (Cancellation.cancelled(cancellation)) {
            return Future.failedFuture(cancelled(null, failed));
        }
        long started = nanoTime.getAsLong();
        watch.started(provider);
        return attempt.get()
                .map(response -> {
                    Duration took = Duration.ofNanos(nanoTime.getAsLong() - started);
                    health.recordSuccess(provider, took);
                    if (AttemptLog.enabled()) {
                        AttemptLog.answered(provider, failed.size() + 1, took);
                    }
                    watch.answered();
                    return failed.isEmpty() ? response : response.withFailedAttempts(failed);
                })
                .recover(e -> {
                    JunctionException error = asJunction(e);
                    Duration took = Duration.ofNanos(nanoTime.getAsLong() - started);
                    if (Cancellation.cancelled(cancellation)) {
                        // The caller gave up: that says nothing of the provider's health, and nothing follows.
                        JunctionException stop = cancelled(error, failed);
                        failed.add(new Attempt(provider, ErrorKind.CANCELLED, null, took, Duration.ZERO));
                        if (AttemptLog.enabled()) {
                            AttemptLog.failed(provider, failed.size(), stop, took, "stop: cancelled by the caller");
                        }
                        watch.failed(stop, null);
                        return Future.failedFuture(stop.toBuilder().attempts(failed).build());
                    }
                    health.recordFailure(provider, error);
                    Attempt tried = new Attempt(provider, error.kind(), error.httpStatus().isPresent() ? error.httpStatus().getAsInt() : null,
                            took, Duration.ZERO);
                    Verdict verdict = decide(error, failed.size() + 1, took);
                    if (verdict instanceof Verdict.Retry retry) {
                        failed.add(tried.withWaitedAfter(retry.delay()));
                        watch.failed(error, retry.delay());
                        return scheduler.after(retry.delay(), cancellation).compose(v -> run(attempt, failed, watch, cancellation),
                                waitEnded -> Future.failedFuture(Cancellation.cancelled(cancellation) ? cancelled(null, failed) : waitEnded));
                    }
                    failed.add(tried);
                    watch.failed(error, null);
                    return Future.failedFuture(((Verdict.Stop) verdict).error().toBuilder().attempts(failed).build());
                });
    }

    /**
     * What follows the failure of attempt {@code attemptsMade} (from 1): a future that completes when
     * the next attempt may start, or fails with the call's error when there is none.
     */
    public Future<Void> next(JunctionException error, int attemptsMade) {
        return next(error, attemptsMade, AttemptWatch.NONE);
    }

    /** As {@link #next(JunctionException, int)}, telling {@code watch} how the attempt ended and what follows. */
    public Future<Void> next(JunctionException error, int attemptsMade, AttemptWatch watch) {
        health.recordFailure(provider, error);
        Verdict verdict = decide(error, attemptsMade, null);
        if (verdict instanceof Verdict.Retry retry) {
            watch.failed(error, retry.delay());
            return scheduler.after(retry.delay());
        }
        watch.failed(error, null);
        return Future.failedFuture(((Verdict.Stop) verdict).error());
    }

    /**
     * The policy's verdict, turned into a stop when the provider's retry budget is spent, and
     * logged with the attempt it follows ({@code took} is {@code null} when unknown).
     */
    private Verdict decide(JunctionException error, int attemptsMade, Duration took) {
        Verdict verdict = policy.judge(error, attemptsMade - 1);
        boolean budgetSpent = verdict instanceof Verdict.Retry && !budget.tryRetry();
        if (budgetSpent) {
            verdict = new Verdict.Stop(budgetSpent(error));
        }
        if (AttemptLog.enabled()) {
            String decision = verdict instanceof Verdict.Retry retry
                    ? "retry " + attemptsMade + " of " + policy.maxRetries() + " after " + retry.delay().toMillis() + " ms"
                    : "stop: " + (budgetSpent ? "the retry budget is spent" : policy.whyStopped(error, attemptsMade - 1));
            AttemptLog.failed(provider, attemptsMade, error, took, decision);
        }
        return verdict;
    }

    private static JunctionException budgetSpent(JunctionException e) {
        return e.toBuilder()
                .message(e.getMessage() + "; not retried: " + (e.provider() == null ? "the provider" : e.provider())
                        + "'s retry budget is spent (retries are held to " + (int) (RetryBudget.PERCENT_CAN_RETRY * 100)
                        + " % of calls over " + RetryBudget.WINDOW_SECONDS + " s, plus " + RetryBudget.MIN_RETRIES_PER_SECOND
                        + " a second)")
                .hint("the provider is failing often; try another provider or later")
                .cause(e)
                .build();
    }

    /** The call's error once its caller cancelled, listing the attempts made; {@code cause} is the attempt's own failure, or {@code null}. */
    private JunctionException cancelled(JunctionException cause, List<Attempt> failed) {
        if (cause != null && cause.kind() == ErrorKind.CANCELLED) {
            return cause.toBuilder().attempts(failed).build();
        }
        JunctionException.Builder error = Cancellation.error(provider).toBuilder().attempts(failed);
        return (cause == null ? error : error.cause(cause)).build();
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
