package dev.junction.gateway.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where several gateway instances keep their shared state ({@code redis:} in the file): budgets,
 * rate limits and provider health.
 *
 * @param url {@code redis://} or {@code rediss://}, possibly with a password; it is masked in
 *     {@link #toString()} and every message
 * @param budgetsFailOpen whether calls go ahead when Redis cannot be reached to reserve a budget;
 *     false by default: they are refused
 * @param keyPrefix the prefix of every Redis key the gateway writes; {@code junction:} by default
 */
public record RedisConfig(String url, boolean budgetsFailOpen, String keyPrefix) {

    /** The default key prefix. */
    public static final String DEFAULT_KEY_PREFIX = "junction:";

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)[^&]*");

    /** Checks the fields are present. */
    public RedisConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
    }

    /** A URL with the default settings: fail closed, prefix {@code junction:}. */
    public static RedisConfig of(String url) {
        return new RedisConfig(url, false, DEFAULT_KEY_PREFIX);
    }

    /** The URL with its password (and a user given alone, which some clients read as one) replaced by {@code ***}. */
    public String redactedUrl() {
        return redact(url);
    }

    /** The fields, with the URL's password masked. */
    @Override
    public String toString() {
        return "RedisConfig[url=" + redactedUrl() + ", budgetsFailOpen=" + budgetsFailOpen + ", keyPrefix=" + keyPrefix + "]";
    }

    /**
     * {@code redis://:secret@host:6379} as {@code redis://:***@host:6379}; {@code redis://user:secret@h}
     * as {@code redis://user:***@h}; a {@code password=} query parameter masked too.
     */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        // The last '@' ends the user info: a password may itself hold '@' unencoded.
        int at = url.lastIndexOf('@');
        String out = url;
        if (at >= start) {
            String userInfo = url.substring(start, at);
            int colon = userInfo.indexOf(':');
            String masked = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
            out = url.substring(0, start) + masked + url.substring(at);
        }
        return PASSWORD_PARAM.matcher(out).replaceAll("$1***");
    }
}
