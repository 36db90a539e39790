package dev.junction.spi;

import io.vertx.core.Future;

/**
 * The HTTP client Junction shares across all providers. Vendor code goes through it rather than
 * opening its own connections, so that the connection pool, timeouts, response-size cap, TLS
 * verification and redirect policy apply to every vendor alike.
 */
public interface HttpTransport {

    /**
     * Makes the exchange. Never follows redirects: a 3xx comes back as a reply.
     *
     * @return a future that completes with any HTTP status, or fails with a
     *     {@link dev.junction.error.JunctionException} of kind TIMEOUT, NETWORK, or PROTOCOL (body over the cap)
     */
    Future<HttpReply> send(HttpCall call);

    /**
     * As {@link #send(HttpCall)}, given up when {@code abandoned} completes (succeeded or failed):
     * the request is then reset at once, or never sent, and the returned future fails with a
     * {@link dev.junction.error.JunctionException} of kind CANCELLED unless it had already completed.
     * This default ignores {@code abandoned}; Junction's own transport honours it.
     *
     * @param abandoned completes when the caller gives up; never {@code null}
     */
    default Future<HttpReply> send(HttpCall call, Future<Void> abandoned) {
        return send(call);
    }

    /**
     * Starts an exchange whose reply body is streamed. The call's {@link HttpCall#timeout()} bounds
     * the whole exchange, body included.
     *
     * @param firstByteTimeout how long the server may take to send the response head and the first body chunk
     * @param idleTimeout the longest silence between two body chunks while the body is not paused
     * @param abandoned completes when the caller gives up before the head has arrived: the request is
     *     then reset at once (or never sent) and the returned future fails with kind CANCELLED; never {@code null}
     * @return a future that completes, paused, once the response head has arrived (any status), or
     *     fails with a {@link dev.junction.error.JunctionException} of kind TIMEOUT or NETWORK
     */
    Future<HttpResponseStream> stream(HttpCall call, java.time.Duration firstByteTimeout, java.time.Duration idleTimeout,
            Future<Void> abandoned);
}
