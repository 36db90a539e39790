package dev.junction.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What the gateway does with media URLs in requests ({@code media:} in the file).
 *
 * @param inlineRemote whether the gateway downloads a URL and sends the bytes; false by default:
 *     the URL goes to the vendor as a URL
 * @param maxBytes the largest download; 20 MiB by default
 * @param timeout how long one download may take; 30 s by default
 */
public record MediaConfig(boolean inlineRemote, long maxBytes, Duration timeout) {

    /** The default largest download: 20 MiB. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    /** Checks the timeout is present. */
    public MediaConfig {
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The defaults: URLs passed on, 20 MiB, 30 s. */
    public static MediaConfig defaults() {
        return new MediaConfig(false, DEFAULT_MAX_BYTES, Duration.ofSeconds(30));
    }
}
