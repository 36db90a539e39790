package dev.junction.chat;

import io.vertx.core.Future;
import java.util.concurrent.Flow;

/** Adapters for {@link ChatStream}: fold it into a response, or expose it as a {@link Flow.Publisher}. */
public final class ChatStreams {
    private ChatStreams() {
    }

    /**
     * Consumes the stream and folds its parts into the same {@link ChatResponse} the non-streaming
     * call returns, usage, cost and warnings included. Sets the stream's handlers; do not set your own.
     *
     * @return a future failing with the stream's {@link dev.junction.error.JunctionException}
     */
    public static Future<ChatResponse> collect(ChatStream stream) {
        return StreamFold.collect(stream);
    }

    /**
     * A single-subscriber {@link Flow.Publisher} over the stream: {@code request(n)} fetches n parts
     * from the socket, {@code cancel()} closes the connection. A failure arrives through
     * {@code onError} (the {@link StreamPart.Failure} part itself is not passed to {@code onNext}).
     */
    public static Flow.Publisher<StreamPart> publisher(ChatStream stream) {
        return new StreamPublisher(stream);
    }
}
