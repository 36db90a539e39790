package dev.junction.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the gateway listens ({@code server:} in the file).
 *
 * @param host the address to bind; {@code 127.0.0.1} by default
 * @param port the port, 0 for any free one; 8080 by default
 * @param maxRequestBytes the largest request body accepted; 10 MiB by default
 * @param corsOrigins origins allowed by CORS; empty (CORS off) by default
 * @param shutdownGrace how long calls in flight may finish at shutdown; 30 s by default
 */
public record ServerConfig(String host, int port, long maxRequestBytes, List<String> corsOrigins, Duration shutdownGrace) {

    /** The default host: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;
    /** The default largest request body: 10 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
    /** The default shutdown grace. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

    /** Checks the fields are present and copies the origins. */
    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** The defaults: 127.0.0.1:8080, 10 MiB, no CORS, 30 s. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_REQUEST_BYTES, List.of(), DEFAULT_SHUTDOWN_GRACE);
    }
}
