package dev.junction.testing;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Runs calls {@code 0..calls-1} with a fixed number in flight (a closed loop: each completion starts
 * the next call), recording each call's outcome, its latency on {@link System#nanoTime()}, and the
 * threads the completions ran on.
 *
 * @param <T> what a call yields
 */
public final class ClosedLoopLoad<T> {
    private final int calls;
    private final IntFunction<Future<T>> call;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;
    private final AtomicReferenceArray<AsyncResult<T>> outcomes;
    // Written by each call's completion before it counts down, read after await: the latch orders them.
    private final long[] latencies;
    private final Set<Thread> completionThreads = ConcurrentHashMap.newKeySet();
    private final long started;
    private final AtomicLong lastCompletion = new AtomicLong();

    private ClosedLoopLoad(int calls, IntFunction<Future<T>> call) {
        this.calls = calls;
        this.call = call;
        this.done = new CountDownLatch(calls);
        this.outcomes = new AtomicReferenceArray<>(calls);
        this.latencies = new long[calls];
        this.started = System.nanoTime();
    }

    /** Starts {@code concurrency} calls at once; each one's completion starts the next until all have started. */
    public static <T> ClosedLoopLoad<T> start(int calls, int concurrency, IntFunction<Future<T>> call) {
        ClosedLoopLoad<T> load = new ClosedLoopLoad<>(calls, call);
        for (int i = 0; i < concurrency; i++) {
            load.launchNext();
        }
        return load;
    }

    private void launchNext() {
        int n = next.getAndIncrement();
        if (n >= calls) {
            return;
        }
        long t0 = System.nanoTime();
        Future<T> future;
        try {
            future = call.apply(n);
        } catch (RuntimeException e) {
            future = Future.failedFuture(e);
        }
        future.onComplete(outcome -> {
            long now = System.nanoTime();
            latencies[n] = now - t0;
            outcomes.set(n, outcome);
            completionThreads.add(Thread.currentThread());
            lastCompletion.accumulateAndGet(now, Math::max);
            done.countDown();
            launchNext();
        });
    }

    /** Waits until every call has completed; {@code false} when the bound passed first. */
    public boolean await(Duration bound) throws InterruptedException {
        return done.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Calls not completed yet. */
    public long remaining() {
        return done.getCount();
    }

    /** The outcome of call {@code n}; {@code null} while it runs. Read after {@link #await}. */
    public AsyncResult<T> outcome(int n) {
        return outcomes.get(n);
    }

    /** The first {@code max} calls without an outcome. */
    public List<Integer> outstanding(int max) {
        List<Integer> out = new ArrayList<>();
        for (int n = 0; n < calls && out.size() < max; n++) {
            if (outcomes.get(n) == null) {
                out.add(n);
            }
        }
        return out;
    }

    /** Each call's latency in nanoseconds, sorted. Read after {@link #await}. */
    public long[] sortedLatencies() {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** From the start to the last completion. Read after {@link #await}. */
    public Duration elapsed() {
        return Duration.ofNanos(lastCompletion.get() - started);
    }

    /** The threads the completions ran on. */
    public Set<Thread> completionThreads() {
        return Set.copyOf(completionThreads);
    }
}
