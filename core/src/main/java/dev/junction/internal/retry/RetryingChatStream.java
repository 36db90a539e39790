package dev.junction.internal.retry;

import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import dev.junction.cost.CostRange;
import dev.junction.error.Attempt;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * A stream over one or more attempts: it forwards the parts of the current attempt to the caller;
 * when an attempt fails before any of its parts has reached the caller, it asks {@code next} whether
 * to try again, and if so starts a new attempt once the returned future completes, invisibly to the
 * caller. Once a part has reached the caller it never retries: a later failure is the caller's.
 *
 * <p>Parts an attempt produced while the caller had no demand: this stream buffers none. Parts pass
 * only under the caller's demand, forwarded to the attempt, and an attempt's {@link StreamPart.Failure}
 * queues behind the parts it produced. So an attempt is retried only when its failure is the first
 * thing it yields; a failure behind produced but undelivered parts is final, and those parts reach
 * the caller first. The outcome thus does not depend on how fast the caller reads; the price is that
 * for a paused caller the retry (or the final failure) is decided when it next asks for parts, when
 * that Failure comes through: an attempt's early exception cannot tell whether parts precede it.
 *
 * <p>The first attempt starts at construction, as a {@link ChatStream} starts at once. Attempts are
 * expected on the same context and to honour the {@link ChatStream} contract. All state lives on
 * the given context; public methods may be called from any thread and hop onto it.
 */
public final class RetryingChatStream implements ChatStream {
    private final Context context;
    private final Supplier<ChatStream> attempt;
    private final BiFunction<JunctionException, Integer, Future<Void>> next;
    /** Told of every part and failure the caller gets; {@link AttemptWatch#NONE} when no listener watches. */
    private final AttemptWatch watch;
    /** The route's quote per provider, put on the answering attempt's start part. */
    private final Function<String, CostRange> quotes;
    private boolean watchToldOfFailure;
    private Handler<StreamPart> handler;
    private Handler<Throwable> exceptionHandler;
    private Handler<Void> endHandler;
    /** The caller's demand; every attempt is given the same, so both count down together. */
    private long demand = Long.MAX_VALUE;
    /** The attempt whose parts are forwarded; {@code null} between attempts and after the end. */
    private ChatStream current;
    private int attemptsMade;
    /** The attempts that failed so far, told to the caller on the next attempt's Start part. */
    private final List<Attempt> failed = new ArrayList<>();
    private long attemptStarted;
    private long failedAt;
    /** Whether a part of the current attempt reached the caller: from then on a failure is final. */
    private boolean committed;
    /** A final failure of this stream's own (refused retry) still to be delivered as a part. */
    private JunctionException pendingFailure;
    private boolean closed;
    private boolean ended;
    private boolean exceptionSignalled;
    /** Volatile: set at once by {@link #cancel()} from any thread, so no part is delivered after it returns. */
    private volatile boolean cancelled;

    /**
     * Starts the first attempt.
     *
     * @param context where the state lives and the handlers are called
     * @param attempt starts one attempt; never throws: its failures come through the stream it returns
     * @param next given the failure of attempt {@code attemptsMade} (1 for the first) that no part
     *     had left yet; completes to start the next attempt, or fails with the stream's final error
     *     (a failure that is not a JunctionException, or a throw, keeps the attempt's own error)
     */
    public RetryingChatStream(Context context, Supplier<ChatStream> attempt,
            BiFunction<JunctionException, Integer, Future<Void>> next) {
        this(context, attempt, next, AttemptWatch.NONE);
    }

    /** As the other constructor, telling {@code watch} of every part delivered and of the stream's failure. */
    public RetryingChatStream(Context context, Supplier<ChatStream> attempt,
            BiFunction<JunctionException, Integer, Future<Void>> next, AttemptWatch watch) {
        this(context, attempt, next, watch, provider -> null);
    }

    /**
     * As the other constructors, and the start part of the answering attempt carries
     * {@code quotes.apply(provider)}: the quote a route made for that provider, or {@code null}.
     */
    public RetryingChatStream(Context context, Supplier<ChatStream> attempt,
            BiFunction<JunctionException, Integer, Future<Void>> next, AttemptWatch watch,
            Function<String, CostRange> quotes) {
        this.quotes = Objects.requireNonNull(quotes, "quotes");
        this.context = Objects.requireNonNull(context, "context");
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.next = Objects.requireNonNull(next, "next");
        this.watch = Objects.requireNonNull(watch, "watch");
        onContext(this::startAttempt);
    }

    private void startAttempt() {
        long now = System.nanoTime();
        if (!failed.isEmpty()) {
            int last = failed.size() - 1;
            failed.set(last, failed.get(last).withWaitedAfter(Duration.ofNanos(now - failedAt)));
        }
        attemptStarted = now;
        ChatStream s = attempt.get();
        attemptsMade++;
        current = s;
        committed = false;
        // The demand carries over: the new attempt owes the caller exactly what the last one did.
        if (demand != Long.MAX_VALUE) {
            s.pause();
            if (demand > 0) {
                s.fetch(demand);
            }
        }
        s.exceptionHandler(e -> onAttemptError(s, e));
        s.endHandler(v -> onAttemptEnd(s));
        attachHandler(s);
    }

    /** Parts flow from an attempt only while the caller has a handler, as they would from the attempt itself. */
    private void attachHandler(ChatStream s) {
        s.handler(handler == null ? null : part -> onPart(s, part));
    }

    private void onPart(ChatStream s, StreamPart part) {
        if (s != current || cancelled || closed) {
            return;
        }
        if (part instanceof StreamPart.Failure failure && !committed) {
            onAttemptFailed(failure.error());
            return;
        }
        committed = true;
        deliver(part instanceof StreamPart.Start start ? started(start) : part);
    }

    /** The start part with the attempts that failed before it and the quote that preceded it. */
    private StreamPart.Start started(StreamPart.Start start) {
        StreamPart.Start out = failed.isEmpty() ? start : start.withFailedAttempts(failed);
        CostRange quoted = start.provider() == null ? null : quotes.apply(start.provider());
        return quoted == null ? out : out.withQuotedUsd(quoted);
    }

    private void onAttemptError(ChatStream s, Throwable error) {
        if (s != current || cancelled || closed) {
            return;
        }
        JunctionException e = asJunction(error);
        if (committed) {
            // With no demand the attempt tells of its failure at once, and so do we; its Failure part follows.
            signal(e);
        } else if (handler != null && demand > 0) {
            // With demand, a Failure part would have come first: this attempt failed without one.
            onAttemptFailed(e);
        }
        // Else wait: the attempt may hold undelivered parts; its Failure part, on demand, decides.
    }

    private void onAttemptEnd(ChatStream s) {
        if (s != current || cancelled || closed) {
            return;
        }
        closed = true;
        ended = true;
        current = null;
        if (endHandler != null) {
            endHandler.handle(null);
        }
    }

    private void onAttemptFailed(JunctionException error) {
        // Late callbacks of the failed attempt (its exception after its Failure part) are ignored from here.
        current = null;
        failedAt = System.nanoTime();
        failed.add(new Attempt(Objects.requireNonNullElse(error.provider(), "?"), error.kind(),
                error.httpStatus().isPresent() ? error.httpStatus().getAsInt() : null, Duration.ofNanos(failedAt - attemptStarted),
                Duration.ZERO));
        Future<Void> decision;
        try {
            decision = next.apply(error, attemptsMade);
        } catch (RuntimeException e) {
            decision = Future.failedFuture(e);
        }
        decision.onComplete(ar -> onContext(() -> {
            if (cancelled || closed) {
                return;
            }
            if (ar.succeeded()) {
                startAttempt();
            } else {
                pendingFailure = ar.cause() instanceof JunctionException je ? je : error;
                flushFailure();
            }
        }));
    }

    /** Delivers a final failure of our own as StreamingCall does: the part under demand, the exception at once. */
    private void flushFailure() {
        if (pendingFailure == null || cancelled || closed) {
            return;
        }
        if (handler != null && demand > 0) {
            JunctionException e = pendingFailure;
            pendingFailure = null;
            deliver(new StreamPart.Failure(e));
        } else if (demand == 0) {
            signal(pendingFailure);
        }
    }

    private void deliver(StreamPart part) {
        if (demand != Long.MAX_VALUE) {
            demand--;
        }
        watch.part(part);
        handler.handle(part);
        if (part instanceof StreamPart.Failure failure) {
            closed = true;
            signal(failure.error());
        }
    }

    private void signal(JunctionException error) {
        if (!watchToldOfFailure) {
            watchToldOfFailure = true;
            watch.streamFailed(error);
        }
        if (exceptionHandler != null && !exceptionSignalled) {
            exceptionSignalled = true;
            exceptionHandler.handle(error);
        }
    }

    private JunctionException asJunction(Throwable error) {
        return error instanceof JunctionException je ? je
                : JunctionException.builder(ErrorKind.PROTOCOL, "the stream could not be read ("
                        + error.getClass().getSimpleName() + ")").cause(error).build();
    }

    /** Runs at once when already on the context's event loop, else queued (the same check as StreamingCall). */
    private void onContext(Runnable action) {
        if (Context.isOnEventLoopThread() && Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    /** Cancels the current attempt, or the pending retry: no further attempt starts. */
    @Override
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        onContext(() -> {
            if (current != null) {
                // Its own cancelled error is ignored (we are cancelled): ours below is the one the caller gets.
                current.cancel();
                current = null;
            }
            if (!closed) {
                closed = true;
                // Tell whoever waits (ChatStreams.collect) that nothing more will come, as StreamingCall does.
                signal(JunctionException.builder(ErrorKind.CANCELLED, "the stream was cancelled").retryable(false).build());
            }
        });
    }

    @Override
    public ChatStream exceptionHandler(Handler<Throwable> handler) {
        onContext(() -> exceptionHandler = handler);
        return this;
    }

    @Override
    public ChatStream handler(Handler<StreamPart> handler) {
        onContext(() -> {
            this.handler = handler;
            if (current != null) {
                attachHandler(current);
            }
            flushFailure();
        });
        return this;
    }

    /** Stops the flow; the demand, kept across attempts, drops to zero. */
    @Override
    public ChatStream pause() {
        return changeDemand(d -> 0, ChatStream::pause);
    }

    /** Lets parts flow, from this attempt and any later one. */
    @Override
    public ChatStream resume() {
        return changeDemand(d -> Long.MAX_VALUE, ChatStream::resume);
    }

    /** Asks for {@code amount} more parts; parts of a failed attempt that was retried do not use them up. */
    @Override
    public ChatStream fetch(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("fetch(" + amount + "): the amount must not be negative");
        }
        return changeDemand(d -> Long.MAX_VALUE - d < amount ? Long.MAX_VALUE : d + amount, s -> s.fetch(amount));
    }

    /** Changes our demand and the current attempt's alike, so that both count down together. */
    private ChatStream changeDemand(LongUnaryOperator change, Consumer<ChatStream> forward) {
        onContext(() -> {
            demand = change.applyAsLong(demand);
            flushFailure();
            if (current != null) {
                forward.accept(current);
            }
        });
        return this;
    }

    @Override
    public ChatStream endHandler(Handler<Void> handler) {
        onContext(() -> {
            endHandler = handler;
            if (ended && handler != null) {
                handler.handle(null);
            }
        });
        return this;
    }
}
