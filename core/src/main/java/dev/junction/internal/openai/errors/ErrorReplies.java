package dev.junction.internal.openai.errors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.json.JsonMappers;
import dev.junction.spi.ApiKey;
import dev.junction.spi.HttpReply;
import dev.junction.spi.ProviderSettings;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.VendorError;
import dev.junction.spi.openai.VendorProfile;
import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Maps failed replies to {@link JunctionException}s: the vendor's error code through its table
 * first, then the HTTP status. Vendor text is shortened and scrubbed of the API key, in case a
 * vendor echoes it back.
 */
public final class ErrorReplies {
    private static final int SNIPPET = 200;
    private static final int MESSAGE = 1000;
    private static final int WINDOW = 64 * 1024;

    private final VendorProfile profile;
    private final Dialect dialect;
    private final ProviderSettings settings;

    public ErrorReplies(VendorProfile profile, Dialect dialect, ProviderSettings settings) {
        this.profile = profile;
        this.dialect = dialect;
        this.settings = settings;
    }

    /** An error for a non-2xx reply, whatever its body. */
    public JunctionException fromReply(HttpReply reply, String url) {
        String text = reply.body().toString(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode json = parseOrNull(text);
        // An array reaches the dialect too: Google wraps its error object in one, [{"error":{…}}].
        if (json != null && (json.isObject() || json.isArray()) && dialect.isErrorBody(json)) {
            return fromEnvelope(reply.status(), json, reply.headers());
        }
        int status = reply.status();
        if (status >= 300 && status < 400) {
            String location = reply.headers().get("Location");
            return base(ErrorKind.PROTOCOL, profile.id() + " redirected (HTTP " + status + ") to " + location
                    + "; Junction does not follow redirects, so the API key never reaches another host", status, reply.headers())
                    .hint("if you trust the new address, set it as baseUrl")
                    .build();
        }
        String snippet = text.isBlank() ? "an empty body"
                : (json == null ? "a non-JSON body: " : "no error object: ") + snippet(text);
        ErrorKind kind = kindForStatus(status);
        String hint = hintFor(kind, null);
        if (status == 404) {
            kind = ErrorKind.CONFIGURATION;
            hint = "nothing answers at " + url + ": check baseUrl (or " + settings.baseUrlEnvVar() + ")";
        }
        return base(kind, profile.id() + " answered HTTP " + status + " with " + snippet, status, reply.headers())
                .hint(hint)
                .build();
    }

    /** An error for a parsed error envelope, which some vendors send even with HTTP 200. */
    public JunctionException fromEnvelope(int status, JsonNode body, MultiMap headers) {
        VendorError error = dialect.readError(body);
        ErrorKind kind = error.code() == null ? null : profile.errorCodes().get(error.code());
        if (kind == null) {
            kind = status >= 200 && status < 300 ? ErrorKind.UPSTREAM_ERROR : kindForStatus(status);
        }
        String message = error.message() == null ? "no message" : shorten(scrub(error.message()), MESSAGE);
        String traceId = error.traceId() != null ? error.traceId() : traceHeader(headers);
        return base(kind, profile.id() + ": " + message, status, headers)
                .vendorCode(error.code())
                .traceId(traceId)
                .hint(hintFor(kind, error.code()))
                .build();
    }

    /** A PROTOCOL error for a 2xx body that is not the JSON it should be. */
    public JunctionException invalidJson(HttpReply reply) {
        String text = reply.body().toString(java.nio.charset.StandardCharsets.UTF_8);
        String what = text.isBlank() ? "an empty body" : "a body that is not a JSON object: " + snippet(text);
        return base(ErrorKind.PROTOCOL, profile.id() + " answered HTTP " + reply.status() + " with " + what,
                reply.status(), reply.headers())
                .hint("the vendor's reply did not follow its documented format; retry, and report it if it persists")
                .build();
    }

    /**
     * A PROTOCOL error for a 2xx JSON body that lacks what the endpoint documents, such as a model
     * list without its {@code data} array; the body is quoted scrubbed and cut short.
     *
     * @param endpoint the call, such as {@code GET /v1/models}
     * @param missing what was expected, such as {@code a "data" array}
     */
    public JunctionException unexpectedShape(HttpReply reply, String endpoint, String missing) {
        String text = reply.body().toString(java.nio.charset.StandardCharsets.UTF_8);
        return base(ErrorKind.PROTOCOL, profile.id() + ": " + endpoint + " answered HTTP " + reply.status() + " without "
                        + missing + ": " + snippet(text), reply.status(), reply.headers())
                .hint("the vendor's reply did not follow its documented format; retry, and report it if it persists")
                .build();
    }

    /** Keeps the promise that futures fail only with JunctionException, even when a hook throws. */
    public JunctionException unreadable(Throwable e) {
        if (e instanceof JunctionException je) {
            return je;
        }
        return JunctionException.builder(ErrorKind.PROTOCOL, profile.id() + ": the reply could not be read ("
                        + e.getClass().getSimpleName() + ")")
                .provider(profile.id())
                .cause(e)
                .hint("report this with the vendor's reply; it is a bug in Junction or the vendor module")
                .build();
    }

    /**
     * Runs the dialect's credential hook. A hook that throws anything but a JunctionException is a
     * bug in the vendor module: it fails the call as a request error, before anything is sent.
     */
    public void authenticate(MultiMap headers, ApiKey key) {
        try {
            dialect.authenticate(headers, key);
        } catch (JunctionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw hookFailed("authenticate", e);
        }
    }

    /**
     * A dialect hook that failed while a request was being prepared: a bug in the vendor module,
     * reported before anything is sent. The message names the exception's class only, since a
     * buggy hook's own message may hold the key.
     */
    public JunctionException hookFailed(String hook, RuntimeException e) {
        return JunctionException.builder(ErrorKind.INVALID_REQUEST, profile.id() + ": the vendor module's " + hook
                        + " hook failed before anything was sent (" + e.getClass().getSimpleName() + ")")
                .provider(profile.id())
                .cause(e)
                .hint("this is a bug in the " + profile.id() + " vendor module; report it with this message")
                .build();
    }

    private JunctionException.Builder base(ErrorKind kind, String message, int status, MultiMap headers) {
        JunctionException.Builder b = JunctionException.builder(kind, message)
                .provider(profile.id())
                .httpStatus(status)
                .traceId(traceHeader(headers));
        Duration retryAfter = retryAfter(headers.get("Retry-After-Ms"), headers.get("Retry-After"));
        if (retryAfter != null) {
            b.retryAfter(retryAfter);
        }
        return b;
    }

    /** The kind a bare HTTP status implies when the vendor gave no code Junction knows. */
    static ErrorKind kindForStatus(int status) {
        return switch (status) {
            case 400, 409, 413, 422 -> ErrorKind.INVALID_REQUEST;
            case 401 -> ErrorKind.AUTHENTICATION;
            case 402 -> ErrorKind.INSUFFICIENT_CREDITS;
            case 403 -> ErrorKind.PERMISSION_DENIED;
            case 404 -> ErrorKind.MODEL_NOT_FOUND;
            case 408 -> ErrorKind.TIMEOUT;
            case 429 -> ErrorKind.RATE_LIMITED;
            default -> status >= 500 && status < 600 ? ErrorKind.SERVER_ERROR
                    : status >= 400 && status < 500 ? ErrorKind.INVALID_REQUEST : ErrorKind.PROTOCOL;
        };
    }

    private String hintFor(ErrorKind kind, String vendorCode) {
        if (vendorCode != null && profile.errorHints().containsKey(vendorCode)) {
            return profile.errorHints().get(vendorCode);
        }
        return switch (kind) {
            case AUTHENTICATION -> "check the API key: set " + settings.apiKeyEnvVarsText() + " or apiKey= in the config string";
            case PERMISSION_DENIED -> "the key may not make this call; check its restrictions in the " + profile.displayName() + " dashboard";
            case INSUFFICIENT_CREDITS -> "top up the " + profile.displayName() + " account";
            case SPEND_LIMIT_EXCEEDED -> "the key reached its spend limit; raise the limit in the dashboard. Retrying will not help";
            case MODEL_NOT_FOUND -> "check the model name; 'junction providers' lists the models Junction knows";
            case RATE_LIMITED -> "slow down and retry later";
            case UPSTREAM_ERROR -> "the vendor's upstream model failed; retry later, or rephrase if the input may be refused";
            case SERVER_ERROR -> "the vendor's server failed; retry later";
            case INVALID_REQUEST -> "fix the request as the message says";
            default -> null;
        };
    }

    private String traceHeader(MultiMap headers) {
        for (String name : new String[] {"x-request-id", "x-trace-id", "trace-id"}) {
            String value = headers.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * The delay a server asked for: {@code Retry-After-Ms} (milliseconds, as OpenAI sends) when
     * readable, else {@code Retry-After}; {@code null} when neither is.
     */
    static Duration retryAfter(String milliseconds, String header) {
        if (milliseconds != null && !milliseconds.isBlank()) {
            try {
                double ms = Double.parseDouble(milliseconds.trim());
                if (ms >= 0 && ms < 1e12) {
                    return Duration.ofNanos((long) (ms * 1_000_000));
                }
            } catch (NumberFormatException unreadable) {
                // fall through to Retry-After
            }
        }
        return retryAfter(header);
    }

    /** Parses {@code Retry-After} as seconds or an HTTP date; {@code null} when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private String snippet(String text) {
        // Look at a bounded window only (bodies may be megabytes), and scrub before cutting to the
        // snippet's length: a cut through the key would leave its first characters behind.
        String plain = scrub(window(text)).replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return shorten(plain, SNIPPET);
    }

    /** The body's first 64 KiB, minus any trailing piece that could be the start of the key. */
    private String window(String text) {
        if (text.length() <= WINDOW) {
            return text;
        }
        String head = text.substring(0, WINDOW);
        ApiKey key = settings.apiKey();
        if (key != null) {
            String secret = key.reveal();
            for (int n = Math.min(secret.length() - 1, head.length()); n > 0; n--) {
                if (head.endsWith(secret.substring(0, n))) {
                    return head.substring(0, head.length() - n);
                }
            }
        }
        return head;
    }

    private static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    /** The text with the API key, if the vendor echoed it, masked. */
    public String scrub(String text) {
        ApiKey key = settings.apiKey();
        return key == null ? text : text.replace(key.reveal(), "****");
    }

    private static JsonNode parseOrNull(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return JsonMappers.LENIENT.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
