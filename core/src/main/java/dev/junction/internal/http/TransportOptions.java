package dev.junction.internal.http;

import java.time.Duration;

/**
 * Settings of the shared HTTP client.
 *
 * @param connectTimeout how long opening a connection may take
 * @param maxConnectionsPerHost pooled HTTP/1.1 connections per host; far above Vert.x's default
 *     of 5, because every in-flight chat call holds one connection for many seconds
 * @param maxWaitQueue calls that may wait for a free connection before failing fast (-1: unbounded)
 * @param maxResponseBytes replies above this size fail with PROTOCOL
 */
public record TransportOptions(Duration connectTimeout, int maxConnectionsPerHost, int maxWaitQueue, long maxResponseBytes) {

    /** 64 MiB: room for several generated images in one reply. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    /** Ten-second connects, 128 connections per host, a 64 MiB reply cap. */
    public static TransportOptions defaults() {
        return new TransportOptions(Duration.ofSeconds(10), 128, -1, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** Checks the values. */
    public TransportOptions {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        if (maxConnectionsPerHost < 1) {
            throw new IllegalArgumentException("maxConnectionsPerHost must be at least 1");
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
    }
}
