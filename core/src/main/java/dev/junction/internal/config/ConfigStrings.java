package dev.junction.internal.config;

import dev.junction.error.JunctionException;
import dev.junction.spi.ApiKey;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses config strings, {@code id[:model][?key=value&…]}: values are percent-decoded, and no
 * message ever repeats an API key.
 */
public final class ConfigStrings {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,23}");
    private static final int MAX_RETRIES = 10;

    private ConfigStrings() {
    }

    /** Parses {@code id[:model][?key=value&…]}. */
    public static ConfigValues parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw fail(null, "the config string is empty", "write it as id[:model][?key=value&…], for example PROVIDER:gemini-2.5-pro, where 'junction providers' lists the provider ids");
        }
        String text = spec.strip();
        int q = text.indexOf('?');
        String head = q < 0 ? text : text.substring(0, q);
        String query = q < 0 ? "" : text.substring(q + 1);
        int colon = head.indexOf(':');
        String id = (colon < 0 ? head : head.substring(0, colon)).toLowerCase(Locale.ROOT);
        if (!isValidId(id)) {
            throw fail(null, "the text before ':' " + shownId(id) + " is not a provider id",
                    "start the config string with a provider id; 'junction providers' lists the known ones");
        }
        String model = null;
        if (colon >= 0) {
            model = decode(id, "model", head.substring(colon + 1));
            if (model.isBlank()) {
                throw fail(id, "the model after ':' is empty", "write " + id + ":MODEL, or drop the ':'");
            }
        }
        Map<String, String> values = pairs(id, query);
        return new ConfigValues(id, model,
                values.containsKey("apiKey") ? apiKey(id, values.get("apiKey")) : null,
                values.containsKey("baseUrl") ? baseUrl(id, values.get("baseUrl")) : null,
                values.containsKey("timeout") ? duration(id, "timeout", values.get("timeout")) : null,
                values.containsKey("maxRetries") ? retries(id, values.get("maxRetries")) : null,
                values.containsKey("firstByteTimeout") ? duration(id, "firstByteTimeout", values.get("firstByteTimeout")) : null,
                values.containsKey("idleTimeout") ? duration(id, "idleTimeout", values.get("idleTimeout")) : null,
                values.containsKey("inlineRemoteMedia") ? bool(id, "inlineRemoteMedia", values.get("inlineRemoteMedia")) : null,
                values.containsKey("maxRetryDelay") ? duration(id, "maxRetryDelay", values.get("maxRetryDelay")) : null,
                values.containsKey("retryOnTimeout") ? bool(id, "retryOnTimeout", values.get("retryOnTimeout")) : null,
                values.containsKey("connectTimeout") ? duration(id, "connectTimeout", values.get("connectTimeout")) : null);
    }

    private static Map<String, String> pairs(String id, String query) {
        Map<String, String> values = new HashMap<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (!ConfigValues.KEYS.contains(key)) {
                throw fail(id, "unknown key " + shown(key, query) + " in the config string",
                        "allowed keys: " + String.join(", ", ConfigValues.KEYS) + " (write a '&' inside a value as %26)");
            }
            if (eq < 0) {
                throw fail(id, "key " + shown(key, query) + " has no value", "write " + key + "=VALUE");
            }
            if (values.containsKey(key)) {
                throw fail(id, "key '" + key + "' is given twice", "keep one " + key + "=…");
            }
            values.put(key, decode(id, key, pair.substring(eq + 1)));
        }
        return values;
    }

    /**
     * Names an offending key only when it cannot be a piece of a secret: a short identifier, in a
     * config string without an API key (an unescaped '&' in a key splits it into a "key").
     */
    private static String shown(String key, String query) {
        if (SAFE_KEY.matcher(key).matches() && !query.contains("apiKey=")) {
            return "'" + key + "'";
        }
        return "of " + key.length() + " characters (not shown: it may be part of a secret)";
    }

    private static ApiKey apiKey(String id, String value) {
        if (value.isBlank()) {
            throw fail(id, "apiKey is empty", "give the key, or drop apiKey= to use the environment variable");
        }
        return checkedKey(id, value, "apiKey");
    }

    /** Wraps a key, turning a malformed one into a CONFIGURATION error that does not echo it. */
    public static ApiKey checkedKey(String id, String value, String source) {
        try {
            return ApiKey.of(value);
        } catch (IllegalArgumentException e) {
            throw fail(id, "the key from " + source + " is unusable: " + e.getMessage(),
                    "copy the key again, without spaces or line breaks");
        }
    }

    /** Whether a string is a well-formed provider id. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** An id for an error message; a long one is not shown, since it may be a pasted API key. */
    public static String shownId(String id) {
        return id.length() <= 32 ? "'" + id + "'" : "of " + id.length() + " characters (not shown: it may be a secret)";
    }

    /** Parses a base URL: absolute http(s), a host, no query or fragment; trailing slashes dropped. */
    public static URI baseUrl(String id, String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            // The value is not echoed: a URL with user info may hold a password.
            throw fail(id, "baseUrl is not a URL (" + e.getReason() + ")", "write it as https://host[:port][/path]");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw fail(id, "baseUrl must be an absolute http or https URL with a host",
                    "write it as https://host[:port][/path]");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw fail(id, "baseUrl must not carry a query, fragment or user info",
                    "put credentials in apiKey= and drop the rest");
        }
        return URI.create(stripTrailingSlash(uri.toString()));
    }

    /** The URL without trailing slashes. */
    public static String stripTrailingSlash(String url) {
        String out = url;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    private static Duration duration(String id, String key, String value) {
        Matcher m = DURATION.matcher(value.strip());
        Duration d = null;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        } else if (value.strip().toUpperCase(Locale.ROOT).startsWith("PT")) {
            try {
                d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException ignored) {
                d = null; // reported below with the accepted forms
            }
        }
        if (d == null || d.isZero() || d.isNegative()) {
            throw fail(id, key + " '" + value + "' is not a positive duration", "write it as 500ms, 30s, 2m or 1h");
        }
        return d;
    }

    private static Boolean bool(String id, String key, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        throw fail(id, key + " '" + value + "' is not true or false", "write " + key + "=true");
    }

    private static Integer retries(String id, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0 && n <= MAX_RETRIES) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw fail(id, "maxRetries '" + value + "' is not a whole number from 0 to " + MAX_RETRIES, "write maxRetries=2");
    }

    /**
     * Strict percent-decoding: {@code %XX} becomes a byte, the bytes must be UTF-8, and {@code +}
     * stays a plus (API keys may contain one). The message never repeats an apiKey value.
     */
    public static String decode(String id, String key, String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw fail(id, "bad percent-encoding in " + key + " at character " + i,
                            "write a literal % as %25");
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw fail(id, "the percent-encoded " + key + " is not valid UTF-8", "encode the value's UTF-8 bytes");
        }
    }

    private static JunctionException fail(String id, String problem, String hint) {
        return JunctionException.configuration(id, "config string: " + problem, hint);
    }
}
