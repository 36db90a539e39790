package dev.junction.chat;

import io.vertx.core.Handler;
import io.vertx.core.streams.ReadStream;

/**
 * A streamed reply as a Vert.x {@link ReadStream} of {@link StreamPart}s, with real back-pressure:
 * while it is paused (or its demand is used up) Junction stops reading from the socket, so a slow
 * consumer never makes memory grow.
 *
 * <p>The call starts at once; parts wait until a handler is set. A failure is delivered as a
 * final {@link StreamPart.Failure} part and then to the {@link #exceptionHandler}; if the consumer
 * has no demand left when the failure is known, the exception handler is called at once and the
 * Failure part follows the undelivered parts on resume. The end handler is not called after a failure. Methods may be
 * called from any thread.
 */
public interface ChatStream extends ReadStream<StreamPart> {

    /**
     * Stops the call: the HTTP connection is closed, and no part is delivered once this returns.
     * Unless the stream had already ended, the exception handler then receives a
     * {@link dev.junction.error.ErrorKind#CANCELLED} error (so that {@link ChatStreams#collect}
     * completes). Calling it again, or after the end, does nothing.
     */
    void cancel();

    @Override
    ChatStream exceptionHandler(Handler<Throwable> handler);

    @Override
    ChatStream handler(Handler<StreamPart> handler);

    @Override
    ChatStream pause();

    @Override
    ChatStream resume();

    @Override
    ChatStream fetch(long amount);

    @Override
    ChatStream endHandler(Handler<Void> endHandler);
}
