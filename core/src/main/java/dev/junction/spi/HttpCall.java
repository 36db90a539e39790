package dev.junction.spi;

import dev.junction.internal.secrets.Redaction;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP exchange a provider asks the {@link HttpTransport} to make.
 *
 * @param provider the provider id, for error messages
 * @param method the HTTP method
 * @param uri the absolute URL
 * @param headers request headers, the credential included; {@link #toString()} redacts it
 * @param body the request body, or {@code null} for none
 * @param timeout the total time the exchange may take, from connecting to the last body byte
 * @param maxResponseBytes a lower cap than the transport's for this reply's body, or {@code null}
 *     for the transport's own; the connection is closed as soon as the body passes it
 * @param connectTimeout how long opening a connection may take, or {@code null} for the transport's own
 */
public record HttpCall(String provider, HttpMethod method, URI uri, MultiMap headers, Buffer body, Duration timeout,
        Long maxResponseBytes, Duration connectTimeout) {

    /** Checks the required fields. */
    public HttpCall {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(timeout, "timeout");
        if (connectTimeout != null && (connectTimeout.isNegative() || connectTimeout.isZero())) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        if (maxResponseBytes != null && maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
    }

    @Override
    public String toString() {
        return "HttpCall[" + provider + " " + method + " " + uri + " headers=" + Redaction.headers(headers)
                + " body=" + (body == null ? 0 : body.length()) + " bytes, timeout=" + timeout + "]";
    }
}
