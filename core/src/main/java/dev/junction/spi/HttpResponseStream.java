package dev.junction.spi;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * An HTTP response whose body is read as it arrives, for server-sent events. It starts paused:
 * set the body's handlers, then resume or fetch. Pausing the body stops reading from the socket.
 */
public interface HttpResponseStream {

    /** The status code. */
    int status();

    /** The response headers (case-insensitive). */
    MultiMap headers();

    /**
     * The body. Its exception handler receives a {@link dev.junction.error.JunctionException} of
     * kind TIMEOUT (idle or total time exceeded) or NETWORK (connection broken); its end handler
     * is called when the server ends the body cleanly.
     */
    ReadStream<Buffer> body();

    /**
     * Reads the rest of the body whole, within the transport's size cap, for error statuses.
     * Do not combine with {@link #body()} handlers.
     */
    Future<HttpReply> readAll();

    /** Closes the connection at once; no handler is called afterwards. Idempotent. */
    void cancel();
}
