package dev.junction.cli;

import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import dev.junction.error.JunctionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Consumes a {@link ChatStream} into an {@link Output} and blocks the calling (non-Vert.x) thread
 * until the stream ends or fails. There is no timeout of its own: the transport's first-byte and
 * idle timeouts fail the stream, and so bound the wait.
 */
final class StreamRun {
    private StreamRun() {
    }

    /** Where the parts of one streamed reply go. */
    interface Output {
        /** Shows one part as it arrives, on a Vert.x thread; {@link StreamPart.Failure} is left to {@link #fail}. */
        void accept(StreamPart part);

        /** Completes the output after the last part; returns the exit code. */
        int end();

        /** Reports the stream's failure; returns the exit code. */
        int fail(JunctionException error);
    }

    /**
     * Streams every part into the output and waits for the end.
     *
     * @return the exit code chosen by {@link Output#end} or {@link Output#fail}
     */
    static int await(ChatStream stream, Output output) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        stream.exceptionHandler(ended::completeExceptionally);
        stream.endHandler(end -> ended.complete(null));
        stream.handler(part -> {
            try {
                output.accept(part);
            } catch (RuntimeException bug) {
                // Thrown into Vert.x, it would only be logged and this thread would wait forever.
                stream.cancel();
                ended.completeExceptionally(bug);
            }
        });
        try {
            ended.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof JunctionException error) {
                return output.fail(error);
            }
            throw e;
        }
        return output.end();
    }
}
