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
}
