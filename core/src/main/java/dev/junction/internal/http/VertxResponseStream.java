package dev.junction.internal.http;

import dev.junction.error.JunctionException;
import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import dev.junction.spi.HttpResponseStream;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.streams.ReadStream;
import java.time.Duration;

/**
 * A streamed response: the Vert.x response with an idle timer (armed only while the consumer
 * wants data, so time spent paused does not count) and the call's total deadline. Used on the
 * response's context only.
 *
 * <p>A chunk does not re-arm the idle timer: it only notes the time. When the timer fires it
 * fails the call if the stream has been quiet for the whole idle timeout, and otherwise sets itself
 * again for the rest of it. A busy stream thus costs one timer per idle timeout, not a cancel and
 * a new timer per chunk.
 */
final class VertxResponseStream implements HttpResponseStream, ReadStream<Buffer> {
    private final Vertx vertx;
    private final HttpCall call;
    private final HttpClientResponse response;
    private final long cap;
    private final Duration idle;
    private final Duration firstByte;
    private final long firstByteDeadlineNanos;
    private final long totalTimer;
    private boolean gotFirstChunk;
    private long idleTimer = -1;
    /** When the last chunk came (or the consumer last asked for more), on the {@link System#nanoTime()} clock. */
    private long lastActivityNanos;
    private boolean wanting;
    private boolean done;
    private Handler<Throwable> exceptionHandler;

    /**
     * @param firstByte the first-byte limit, which also covers the wait from the response head to
     *     the first body chunk (proxies send the head at once; the model's first token comes later)
     * @param firstByteDeadlineNanos when the first chunk is due, on the {@link System#nanoTime()} clock
     */
    VertxResponseStream(Vertx vertx, HttpCall call, HttpClientResponse response, long cap, Duration idle,
            Duration firstByte, long firstByteDeadlineNanos, long deadlineNanos) {
        this.vertx = vertx;
        this.call = call;
        this.response = response;
        this.cap = cap;
        this.idle = idle;
        this.firstByte = firstByte;
        this.firstByteDeadlineNanos = firstByteDeadlineNanos;
        long remainingMillis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        this.totalTimer = vertx.setTimer(remainingMillis, id -> fail(TransportErrors.afterReplyBegan(
                TransportErrors.timeout(call, "did not finish answering", call.timeout(), "timeout"))));
        response.exceptionHandler(error -> fail(TransportErrors.afterReplyBegan(TransportErrors.network(call, error))));
    }

    @Override
    public int status() {
        return response.statusCode();
    }

    @Override
    public MultiMap headers() {
        return response.headers();
    }

    @Override
    public ReadStream<Buffer> body() {
        return this;
    }

    @Override
    public Future<HttpReply> readAll() {
        Promise<HttpReply> whole = Promise.promise();
        // The total timer must still win as TIMEOUT, not as the reset it causes.
        exceptionHandler = whole::tryFail;
        BodyCollector.collect(call, response, cap, whole);
        whole.future().onComplete(ignored -> stopTimers());
        whole.future().onSuccess(reply -> ExchangeLog.streamBody(call, reply));
        response.resume();
        return whole.future();
    }

    @Override
    public void cancel() {
        if (!done) {
            done = true;
            stopTimers();
            response.request().reset();
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            response.handler(null);
        } else {
            response.handler(chunk -> {
                if (!done) {
                    if (gotFirstChunk) {
                        lastActivityNanos = System.nanoTime();
                    } else {
                        gotFirstChunk = true;
                        armIdle(); // from the first-byte timer to the idle timer
                    }
                    handler.handle(chunk);
                }
            });
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        wanting = false;
        cancelIdle();
        response.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        wanting = true;
        armIdle();
        response.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        wanting = true;
        armIdle();
        response.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        response.endHandler(end -> {
            if (!done) {
                done = true;
                stopTimers();
                if (endHandler != null) {
                    endHandler.handle(null);
                }
            }
        });
        return this;
    }

    private void fail(JunctionException error) {
        if (done) {
            return;
        }
        done = true;
        stopTimers();
        response.request().reset();
        if (exceptionHandler != null) {
            exceptionHandler.handle(error);
        }
    }

    private void armIdle() {
        cancelIdle();
        if (!wanting || done) {
            return;
        }
        if (gotFirstChunk) {
            lastActivityNanos = System.nanoTime();
            setIdleTimer(idle.toNanos());
        } else {
            long left = Math.max(1, (firstByteDeadlineNanos - System.nanoTime()) / 1_000_000);
            idleTimer = vertx.setTimer(left,
                    id -> fail(TransportErrors.timeout(call, "did not start answering", firstByte, "firstByteTimeout")));
        }
    }

    /** Sets the idle timer to fire in {@code nanos}; on firing, fails the call or waits out the rest of the quiet. */
    private void setIdleTimer(long nanos) {
        idleTimer = vertx.setTimer(Math.max(1, (nanos + 999_999) / 1_000_000), id -> {
            if (idleTimer != id) {
                return; // cancelled after it was already queued to run
            }
            idleTimer = -1;
            if (!wanting || done) {
                return;
            }
            long quiet = System.nanoTime() - lastActivityNanos;
            if (quiet >= idle.toNanos()) {
                fail(TransportErrors.afterReplyBegan(TransportErrors.timeout(call, "sent nothing", idle, "idleTimeout")));
            } else {
                setIdleTimer(idle.toNanos() - quiet);
            }
        });
    }

    private void cancelIdle() {
        if (idleTimer >= 0) {
            vertx.cancelTimer(idleTimer);
            idleTimer = -1;
        }
    }

    private void stopTimers() {
        cancelIdle();
        vertx.cancelTimer(totalTimer);
    }
}
