package dev.junction.internal.openai.stream;

import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.sse.SseParser;
import dev.junction.spi.HttpResponseStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One streamed chat call: SSE bytes in, {@link StreamPart}s out, with back-pressure. Parts wait in
 * a small queue (at most one network chunk's worth) while the consumer has no demand, and the
 * socket is paused meanwhile. All state lives on one Vert.x context; public methods hop onto it.
 */
public final class StreamingCall implements ChatStream {
    private final Context context;
    private final String provider;
    private final int maxEventBytes;
    private final ArrayDeque<StreamPart> queue = new ArrayDeque<>();
    /** Made once: a {@code queue::add} per event would be one more allocation per part. */
    private final Consumer<StreamPart> enqueue = queue::add;
    private final Promise<Void> abandoned = Promise.promise();
    private Handler<StreamPart> handler;
    private Handler<Throwable> exceptionHandler;
    private Handler<Void> endHandler;
    private long demand = Long.MAX_VALUE;
    private HttpResponseStream http;
    private SseParser parser;
    private ChunkMapper mapper;
    private boolean upstreamPaused = true;
    private boolean done;
    private boolean terminalQueued;
    private boolean closed;
    private boolean failed;
    /** Volatile: set at once by {@link #cancel()} from any thread, so no part is delivered after it returns. */
    private volatile boolean cancelled;
    private boolean draining;
    private boolean exceptionSignalled;
    private JunctionException failure;

    public StreamingCall(Context context, String provider, int maxEventBytes) {
        this.context = context;
        this.provider = provider;
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * Follows the opening of the HTTP exchange.
     *
     * @param mappers builds the chunk mapper once the response headers are known
     * @param errorReply turns a non-2xx reply into its error
     * @param wholeReply reads a 2xx reply that is not an event stream (a vendor that ignored
     *     {@code "stream": true}, or answered with a JSON error) as the non-streaming call would
     */
    public void follow(Future<HttpResponseStream> opening, Function<HttpResponseStream, ChunkMapper> mappers,
            Function<HttpResponseStream, Future<JunctionException>> errorReply,
            Function<HttpResponseStream, Future<ChatResponse>> wholeReply) {
        opening.onComplete(ar -> onContext(() -> {
            if (ar.failed()) {
                fail(ar.cause());
                return;
            }
            HttpResponseStream response = ar.result();
            if (cancelled) {
                response.cancel();
                return;
            }
            http = response;
            if (response.status() < 200 || response.status() >= 300) {
                errorReply.apply(response).onComplete(e -> onContext(() -> fail(e.succeeded() ? e.result() : e.cause())));
            } else if (!isEventStream(response)) {
                wholeReply.apply(response).onComplete(r -> onContext(() -> {
                    if (r.succeeded()) {
                        emitWhole(r.result());
                    } else {
                        fail(r.cause());
                    }
                }));
            } else {
                open(response, mappers.apply(response));
            }
        }));
    }

    /** A missing Content-Type is taken for an event stream; a declared other type is not. */
    private static boolean isEventStream(HttpResponseStream response) {
        String type = response.headers().get("Content-Type");
        return type == null || type.toLowerCase(java.util.Locale.ROOT).contains("text/event-stream");
    }

    /** Replays a whole reply as the parts a stream of it would have given. */
    private void emitWhole(ChatResponse reply) {
        if (terminalQueued || cancelled) {
            return;
        }
        queue.add(new StreamPart.Start(reply.id(), reply.provider(), reply.model(), reply.vendorModel(), List.of()));
        if (reply.reasoning() != null) {
            queue.add(new StreamPart.ReasoningDelta(reply.reasoning()));
        }
        if (!reply.text().isEmpty()) {
            queue.add(new StreamPart.TextDelta(reply.text()));
        }
        reply.images().forEach(image -> queue.add(new StreamPart.ImageOutput(image)));
        reply.warnings().forEach(w -> queue.add(new StreamPart.Warning(w)));
        reply.toolCalls().forEach(call -> queue.add(new StreamPart.ToolCallDone(call)));
        if (reply.usage().rawJson() != null) {
            queue.add(new StreamPart.UsageReport(reply.usage(), reply.cost()));
        }
        queue.add(new StreamPart.Finish(reply.finishReason(), reply.rawFinishReason()));
        terminalQueued = true;
        done = true;
        drain();
    }

    /** Completes when the caller cancels, so that the transport can drop a request still waiting for its head. */
    public Future<Void> abandoned() {
        return abandoned.future();
    }

    /** Fails the call before anything was sent. */
    public void failBeforeSending(Throwable error) {
        onContext(() -> fail(error));
    }

    private void open(HttpResponseStream response, ChunkMapper chunkMapper) {
        http = response;
        mapper = chunkMapper;
        parser = new SseParser(maxEventBytes, (type, data, offset, length, id) -> {
            // The bytes go to the mapper as they are: a plain text delta is never decoded whole.
            if (!done && !terminalQueued && mapper.onData(data, offset, length, enqueue)) {
                finishNormally();
            }
        });
        response.body().handler(this::onChunk);
        response.body().endHandler(end -> onEnd());
        response.body().exceptionHandler(this::onUpstreamError);
        drain();
    }

    private void onChunk(Buffer chunk) {
        if (terminalQueued || cancelled) {
            return;
        }
        try {
            parser.feed(chunk);
        } catch (SseParser.EventTooLargeException e) {
            fail(JunctionException.builder(ErrorKind.PROTOCOL, provider + " streamed an event larger than "
                            + e.limit() + " bytes; the stream was closed")
                    .provider(provider).retryable(false)
                    .hint("if the vendor really sends such events (large inline images), raise the event limit")
                    .build());
        } catch (RuntimeException e) {
            fail(e);
        }
        drain();
    }

    private void onEnd() {
        if (terminalQueued || cancelled) {
            return;
        }
        try {
            parser.end();
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        if (!terminalQueued && !done) {
            if (mapper.sawFinish()) {
                finishNormally();
            } else {
                fail(truncated(parser.endedMidEvent() ? "in the middle of an event" : "before the reply finished", null));
            }
        }
        drain();
    }

    private void onUpstreamError(Throwable error) {
        if (terminalQueued || cancelled) {
            return;
        }
        boolean network = !(error instanceof JunctionException je) || je.kind() == ErrorKind.NETWORK;
        if (network && mapper.sawFinish()) {
            // Everything arrived; only the goodbye was lost.
            finishNormally();
        } else {
            fail(network ? truncated("(" + error.getMessage() + ")", error) : error);
        }
        drain();
    }

    private JunctionException truncated(String how, Throwable cause) {
        return JunctionException.builder(ErrorKind.NETWORK, provider + ": stream truncated: the connection closed " + how)
                .provider(provider).cause(cause)
                .hint("retry; the partial reply is not billed by every vendor, so check usage before retrying in a loop")
                .build();
    }

    private void finishNormally() {
        done = true;
        try {
            mapper.finish(queue::add);
            terminalQueued = true;
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Throwable error) {
        if (terminalQueued || cancelled) {
            return;
        }
        JunctionException e = error instanceof JunctionException je ? je
                : JunctionException.builder(ErrorKind.PROTOCOL, provider + ": the stream could not be read ("
                        + error.getClass().getSimpleName() + ")").provider(provider).cause(error).build();
        terminalQueued = true;
        queue.add(new StreamPart.Failure(e));
        if (http != null) {
            http.cancel();
        }
        failure = e;
        drain();
    }

    /** Delivers queued parts while there is demand, then pauses or resumes the socket to match. */
    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (handler != null && demand > 0 && !queue.isEmpty() && !closed && !cancelled) {
                StreamPart part = queue.poll();
                if (demand != Long.MAX_VALUE) {
                    demand--;
                }
                handler.handle(part);
                if (part instanceof StreamPart.Failure failurePart) {
                    closed = true;
                    failed = true;
                    if (exceptionHandler != null && !exceptionSignalled) {
                        exceptionSignalled = true;
                        exceptionHandler.handle(failurePart.error());
                    }
                } else if (part instanceof StreamPart.Finish) {
                    closed = true;
                    if (endHandler != null) {
                        endHandler.handle(null);
                    }
                }
            }
        } finally {
            draining = false;
        }
        if (failure != null && !exceptionSignalled && demand == 0 && exceptionHandler != null && !cancelled) {
            // A consumer without demand still learns of the failure at once (Reactive Streams 1.4:
            // errors need no demand); the Failure part itself waits behind the undelivered parts.
            exceptionSignalled = true;
            exceptionHandler.handle(failure);
        }
        updateUpstream();
    }

    private void updateUpstream() {
        if (parser == null || terminalQueued || cancelled) {
            return;
        }
        boolean wantMore = handler != null && demand > 0 && queue.isEmpty();
        if (wantMore && upstreamPaused) {
            upstreamPaused = false;
            http.body().resume();
        } else if (!wantMore && !upstreamPaused) {
            upstreamPaused = true;
            http.body().pause();
        }
    }

    /**
     * Runs the action on the stream's event loop: at once when already there, else queued. Checking
     * the thread as well as the context matters, since code inside {@code executeBlocking} sees the
     * same current context from a worker thread.
     */
    private void onContext(Runnable action) {
        if (Context.isOnEventLoopThread() && Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    @Override
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        onContext(() -> {
            abandoned.tryComplete();
            queue.clear();
            if (http != null) {
                http.cancel();
            }
            if (!closed && exceptionHandler != null && !exceptionSignalled) {
                // Tell whoever waits (ChatStreams.collect, a CLI) that nothing more will come.
                exceptionSignalled = true;
                exceptionHandler.handle(JunctionException.builder(ErrorKind.CANCELLED, provider + ": the stream was cancelled")
                        .provider(provider).retryable(false).build());
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
            drain();
        });
        return this;
    }

    @Override
    public ChatStream pause() {
        onContext(() -> {
            demand = 0;
            updateUpstream();
        });
        return this;
    }

    @Override
    public ChatStream resume() {
        onContext(() -> {
            demand = Long.MAX_VALUE;
            drain();
        });
        return this;
    }

    @Override
    public ChatStream fetch(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("fetch(" + amount + "): the amount must not be negative");
        }
        onContext(() -> {
            demand = Long.MAX_VALUE - demand < amount ? Long.MAX_VALUE : demand + amount;
            drain();
        });
        return this;
    }

    @Override
    public ChatStream endHandler(Handler<Void> handler) {
        onContext(() -> {
            endHandler = handler;
            if (closed && !failed && handler != null) {
                handler.handle(null);
            }
        });
        return this;
    }
}
