package dev.junction.gateway.state;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway reaches Redis and behaves when it cannot.
 *
 * @param url the Redis connection string, such as {@code redis://user:secret@redis:6379/0}
 * @param budgetsFailOpen when Redis is unreachable, let calls through with unenforced reservations
 *     instead of refusing them (the default, {@code false}, refuses them)
 * @param keyPrefix prepended to every Redis key; {@code null} means {@value #DEFAULT_PREFIX}
 * @param reservationTtl how long an unsettled reservation holds budget before it is released;
 *     {@code null} means 10 minutes. Must be longer than any call.
 */
public record RedisSettings(String url, boolean budgetsFailOpen, String keyPrefix, Duration reservationTtl) {

    /** The default key prefix. */
    public static final String DEFAULT_PREFIX = "junction:";

    /** The default reservation TTL. */
    public static final Duration DEFAULT_RESERVATION_TTL = Duration.ofMinutes(10);

    /**
     * Fills in the defaults.
     *
     * @throws IllegalArgumentException when the TTL is not positive
     */
    public RedisSettings {
        Objects.requireNonNull(url, "url");
        keyPrefix = keyPrefix == null ? DEFAULT_PREFIX : keyPrefix;
        reservationTtl = reservationTtl == null ? DEFAULT_RESERVATION_TTL : reservationTtl;
        if (reservationTtl.isNegative() || reservationTtl.isZero()) {
            throw new IllegalArgumentException("the reservation TTL must be positive: " + reservationTtl);
        }
    }

    /** Fail-closed settings with the default prefix and TTL. */
    public static RedisSettings of(String url) {
        return new RedisSettings(url, false, null, null);
    }

    /**
     * Where Redis is, as {@code host:port}, for messages: never the user or password the URL may
     * hold.
     */
    public String endpoint() {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null) {
                return uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 6379);
            }
        } catch (IllegalArgumentException e) {
            // Not a URI Java can parse: say so rather than echo it, since it may hold a password.
        }
        return "the configured URL";
    }

    /** The URL without its password, so that this record can be logged. */
    @Override
    public String toString() {
        return "RedisSettings[endpoint=" + endpoint() + ", budgetsFailOpen=" + budgetsFailOpen + ", keyPrefix=" + keyPrefix
                + ", reservationTtl=" + reservationTtl + "]";
    }
}
