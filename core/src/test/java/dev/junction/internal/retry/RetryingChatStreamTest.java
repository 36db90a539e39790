package dev.junction.internal.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.chat.ChatStreams;
import dev.junction.chat.FinishReason;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Futures;
import dev.junction.testing.StreamRecorder;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream half of the retry loop: retries before the first part, never after, with back-pressure kept. */
class RetryingChatStreamTest {
    private static final StreamPart.Start START = new StreamPart.Start("c2", "acedata", "gemini-2.5-pro", "gemini-2.5-pro", List.of());
    private static final List<StreamPart> REPLY = List.of(START, new StreamPart.TextDelta("你"),
            new StreamPart.TextDelta("好"), new StreamPart.Finish(FinishReason.STOP, "stop"));

    /** The parts with every Start's failed attempts left out, to compare with the scripted reply. */
    private static List<StreamPart> plain(List<StreamPart> parts) {
        return parts.stream().map(p -> p instanceof StreamPart.Start start ? start.withFailedAttempts(List.of()) : p).toList();
    }

    private Vertx vertx;
    private Context context;
    /** The attempts started, in order. */
    private final List<FakeAttempt> started = new CopyOnWriteArrayList<>();
    private final List<String> offContext = new CopyOnWriteArrayList<>();
    /** What {@code next} was asked: the error and the attempt number. */
    private final List<JunctionException> nextErrors = new CopyOnWriteArrayList<>();
    private final List<Integer> nextNumbers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void stop() {
        Futures.await(vertx.close());
        assertEquals(List.of(), offContext, "attempts were driven from outside the context");
    }

    @Test
    void retriesAFailureBeforeAnyPartInvisibly() {
        JunctionException unavailable = error(ErrorKind.SERVER_ERROR, 503);
        ChatStream stream = retrying(List.of(FakeAttempt.failing(List.of(), unavailable), FakeAttempt.ending(REPLY)), allow());
        StreamRecorder r = StreamRecorder.record(stream);
        settle();

        assertEquals(REPLY, plain(r.awaitEnd()));
        assertEquals(List.of(unavailable), nextErrors);
        assertSame(unavailable, nextErrors.get(0));
        assertEquals(List.of(1), nextNumbers);
        assertEquals(2, started.size());
    }

    @Test
    void failsWithTheErrorNextGivesWhenItRefusesARetry() {
        JunctionException unavailable = error(ErrorKind.SERVER_ERROR, 503);
        JunctionException refusal = JunctionException.builder(ErrorKind.SERVER_ERROR, "gave up after 1 attempt").build();
        StreamRecorder r = StreamRecorder.record(retrying(
                List.of(FakeAttempt.failing(List.of(), unavailable), FakeAttempt.ending(REPLY)),
                (e, n) -> {
                    record(e, n);
                    return Future.failedFuture(refusal);
                }));
        settle();

        assertSame(refusal, r.awaitFailure());
        assertEquals(List.of(new StreamPart.Failure(refusal)), plain(r.parts()));
        assertEquals(1, started.size());
        assertEquals(List.of(1), nextNumbers);
    }

    @Test
    void neverRetriesOnceAPartReachedTheCaller() {
        JunctionException truncated = error(ErrorKind.NETWORK, null);
        StreamRecorder r = StreamRecorder.record(retrying(
                List.of(FakeAttempt.failing(List.of(START, new StreamPart.TextDelta("你")), truncated), FakeAttempt.ending(REPLY)),
                allow()));
        settle();

        assertSame(truncated, r.awaitFailure());
        assertEquals(List.of(START, new StreamPart.TextDelta("你"), new StreamPart.Failure(truncated)), plain(r.parts()));
        assertEquals(List.of(), nextErrors);
        assertEquals(1, started.size());
    }

    @Test
    void retriesEachFailingAttemptWithItsNumberUntilOneSucceeds() {
        JunctionException e1 = error(ErrorKind.SERVER_ERROR, 503);
        JunctionException e2 = error(ErrorKind.RATE_LIMITED, 429);
        JunctionException e3 = error(ErrorKind.TIMEOUT, null);
        StreamRecorder r = StreamRecorder.record(retrying(List.of(FakeAttempt.failing(List.of(), e1),
                FakeAttempt.failing(List.of(), e2), FakeAttempt.failing(List.of(), e3), FakeAttempt.ending(REPLY)), allow()));
        settle();

        assertEquals(REPLY, plain(r.awaitEnd()));
        assertEquals(4, started.size());
        assertEquals(List.of(1, 2, 3), nextNumbers);
        assertEquals(List.of(e1, e2, e3), nextErrors);
    }

    @Test
    void retriesAnAttemptThatFailsOnlyThroughItsExceptionHandlerOnce() {
        JunctionException reset = error(ErrorKind.NETWORK, null);
        StreamRecorder r = StreamRecorder.record(retrying(
                List.of(FakeAttempt.failing(List.of(), reset).withoutFailurePart(), FakeAttempt.ending(REPLY)), allow()));
        settle();

        assertEquals(REPLY, plain(r.awaitEnd()));
        assertEquals(List.of(1), nextNumbers);
        assertEquals(2, started.size());
    }

    @Test
    void cancelWhileADelayIsPendingStartsNoFurtherAttempt() {
        Promise<Void> delay = Promise.promise();
        ChatStream stream = retrying(List.of(FakeAttempt.failing(List.of(), error(ErrorKind.SERVER_ERROR, 503)),
                FakeAttempt.ending(REPLY)), (e, n) -> {
                    record(e, n);
                    return delay.future();
                });
        StreamRecorder r = StreamRecorder.record(stream);
        settle();
        assertEquals(List.of(1), nextNumbers, "the delay is pending");

        stream.cancel();
        settle();
        delay.complete();
        settle();

        r.awaitCancelled();
        assertEquals(List.of(), plain(r.parts()));
        assertEquals(1, started.size());
    }

    @Test
    void cancelStopsTheCurrentAttemptAndDeliversNothingMore() {
        ChatStream stream = retrying(List.of(FakeAttempt.ending(REPLY)), allow());
        stream.pause();
        StreamRecorder r = StreamRecorder.record(stream);
        stream.fetch(1);
        settle();
        stream.cancel();
        stream.resume();
        settle();

        r.awaitCancelled();
        assertEquals(List.of(START), plain(r.parts()));
        assertTrue(started.get(0).cancelled);
    }

    @Test
    void keepsTheCallersDemandAcrossARetry() {
        ChatStream stream = retrying(List.of(FakeAttempt.failing(List.of(), error(ErrorKind.SERVER_ERROR, 503)),
                FakeAttempt.ending(REPLY)), allow());
        stream.pause();
        StreamRecorder r = StreamRecorder.record(stream);
        settle();
        assertEquals(List.of(), plain(r.parts()), "nothing is pushed to a paused caller");
        assertEquals(List.of(), nextNumbers, "a paused caller's retry waits for its demand");

        stream.fetch(1);
        settle();
        assertEquals(2, started.size());
        assertEquals(List.of(START), plain(r.parts()), "the failed attempt's Failure part did not use up the fetch");

        stream.fetch(1);
        settle();
        assertEquals(REPLY.subList(0, 2), plain(r.parts()));
        assertFalse(r.isTerminated());

        stream.resume();
        assertEquals(REPLY, plain(r.awaitEnd()));
    }

    @Test
    void aFailureBehindPartsTheCallerHasNotTakenYetIsFinal() {
        JunctionException truncated = error(ErrorKind.NETWORK, null);
        ChatStream stream = retrying(List.of(FakeAttempt.failing(List.of(START, new StreamPart.TextDelta("你")), truncated),
                FakeAttempt.ending(REPLY)), allow());
        stream.pause();
        StreamRecorder r = StreamRecorder.record(stream);
        settle();
        assertEquals(List.of(), plain(r.parts()));
        assertEquals(List.of(), nextErrors, "the attempt's early exception does not say whether parts precede its failure");

        stream.resume();
        settle();
        assertSame(truncated, r.awaitFailure());
        assertEquals(List.of(START, new StreamPart.TextDelta("你"), new StreamPart.Failure(truncated)), plain(r.parts()));
        assertEquals(List.of(), nextErrors);
        assertEquals(1, started.size());
    }

    @Test
    void collectsTheResponseOfTheAttemptThatSucceeded() {
        ChatResponse response = Futures.await(ChatStreams.collect(retrying(
                List.of(FakeAttempt.failing(List.of(), error(ErrorKind.SERVER_ERROR, 503)), FakeAttempt.ending(REPLY)), allow())));

        assertEquals(new ChatResponse("c2", "acedata", "gemini-2.5-pro", "gemini-2.5-pro", "你好", null, List.of(), List.of(),
                FinishReason.STOP, "stop", null, null, List.of(), List.of()), response.withFailedAttempts(List.of()));
        assertEquals(2, started.size());
        assertEquals(1, response.failedAttempts().size(), "the response lists the attempt that failed");
        assertEquals(ErrorKind.SERVER_ERROR, response.failedAttempts().get(0).kind());
        assertEquals(503, response.failedAttempts().get(0).httpStatus());
    }

    private RetryingChatStream retrying(List<FakeAttempt> attempts, BiFunction<JunctionException, Integer, Future<Void>> next) {
        ArrayDeque<FakeAttempt> script = new ArrayDeque<>(attempts);
        return new RetryingChatStream(context, () -> {
            FakeAttempt a = script.remove();
            a.offContext = offContext;
            started.add(a);
            return a;
        }, next);
    }

    private BiFunction<JunctionException, Integer, Future<Void>> allow() {
        return (e, n) -> {
            record(e, n);
            return Future.succeededFuture();
        };
    }

    private void record(JunctionException e, int n) {
        nextErrors.add(e);
        nextNumbers.add(n);
    }

    private static JunctionException error(ErrorKind kind, Integer status) {
        return JunctionException.builder(kind, "acedata: " + kind).provider("acedata").httpStatus(status).build();
    }

    /** Waits until every task queued on the context so far has run (the fakes answer synchronously). */
    private void settle() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> done.complete());
        Futures.await(done.future());
    }

    /**
     * One scripted attempt that has already received its whole reply, and hands it out as
     * StreamingCall does: parts under demand, a failure as a final Failure part then the exception,
     * the exception at once when there is no demand, a CANCELLED error on cancel.
     */
    private static final class FakeAttempt implements ChatStream {
        private final ArrayDeque<StreamPart> queue;
        private final JunctionException failure;
        private boolean failurePart = true;
        private List<String> offContext;
        private Handler<StreamPart> handler;
        private Handler<Throwable> exceptionHandler;
        private Handler<Void> endHandler;
        private long demand = Long.MAX_VALUE;
        private boolean closed;
        private boolean signalled;
        boolean cancelled;

        private FakeAttempt(List<StreamPart> parts, JunctionException failure) {
            this.queue = new ArrayDeque<>(parts);
            this.failure = failure;
            if (failure != null) {
                queue.add(new StreamPart.Failure(failure));
            }
        }

        static FakeAttempt ending(List<StreamPart> parts) {
            return new FakeAttempt(parts, null);
        }

        static FakeAttempt failing(List<StreamPart> parts, JunctionException failure) {
            return new FakeAttempt(parts, failure);
        }

        /** Fails through the exception handler alone, as a stream cut off from outside would. */
        FakeAttempt withoutFailurePart() {
            queue.removeLast();
            failurePart = false;
            return this;
        }

        private void drain() {
            checkThread();
            while (handler != null && demand > 0 && !queue.isEmpty() && !closed && !cancelled) {
                StreamPart part = queue.poll();
                if (demand != Long.MAX_VALUE) {
                    demand--;
                }
                handler.handle(part);
                if (part instanceof StreamPart.Failure f) {
                    closed = true;
                    signal(f.error());
                } else if (part instanceof StreamPart.Finish) {
                    closed = true;
                    endHandler.handle(null);
                }
            }
            if (failure != null && !cancelled && (demand == 0 || !failurePart && queue.isEmpty() && handler != null)) {
                signal(failure);
            }
        }

        private void signal(Throwable e) {
            if (exceptionHandler != null && !signalled) {
                signalled = true;
                exceptionHandler.handle(e);
            }
        }

        private void checkThread() {
            if (!Context.isOnEventLoopThread()) {
                offContext.add(Thread.currentThread().getName());
            }
        }

        @Override
        public void cancel() {
            checkThread();
            cancelled = true;
            if (!closed) {
                signal(JunctionException.builder(ErrorKind.CANCELLED, "acedata: the stream was cancelled").build());
            }
        }

        @Override
        public ChatStream exceptionHandler(Handler<Throwable> handler) {
            exceptionHandler = handler;
            return this;
        }

        @Override
        public ChatStream handler(Handler<StreamPart> handler) {
            this.handler = handler;
            drain();
            return this;
        }

        @Override
        public ChatStream pause() {
            checkThread();
            demand = 0;
            return this;
        }

        @Override
        public ChatStream resume() {
            demand = Long.MAX_VALUE;
            drain();
            return this;
        }

        @Override
        public ChatStream fetch(long amount) {
            demand = Long.MAX_VALUE - demand < amount ? Long.MAX_VALUE : demand + amount;
            drain();
            return this;
        }

        @Override
        public ChatStream endHandler(Handler<Void> handler) {
            endHandler = handler;
            return this;
        }
    }
}
