package dev.junction.internal.http;

import dev.junction.error.JunctionException;
import dev.junction.internal.secrets.Redaction;
import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debug lines for each HTTP exchange: {@code dev.junction.http} gets the method, URL, status (or
 * the error kind), duration and headers, the credential masked; {@code dev.junction.http.body}
 * gets the bodies, masked and cut to {@link #BODY_LIMIT} bytes. Nothing here logs above DEBUG,
 * so bodies never reach an INFO log.
 */
public final class ExchangeLog {
    /** The most of a body a log line shows: 2 KiB. */
    public static final int BODY_LIMIT = 2048;

    private static final Logger LOG = LoggerFactory.getLogger("dev.junction.http");
    private static final Logger BODY = LoggerFactory.getLogger("dev.junction.http.body");

    private ExchangeLog() {
    }

    /** Whether any line would be written; callers skip the bookkeeping otherwise. */
    public static boolean enabled() {
        return LOG.isDebugEnabled() || BODY.isDebugEnabled();
    }

    /** The request about to be sent. */
    public static void sending(HttpCall call) {
        LOG.debug("{} {} {} sending, headers {}", call.provider(), call.method(), call.uri(), Redaction.headers(call.headers()));
        if (call.body() != null) {
            BODY.debug("{} request body: {}", call.provider(), body(call, call.body(), call.headers().get("Content-Type")));
        }
    }

    /** A reply's head (and, for a whole reply, its body) arrived {@code startedNanos} after sending began. */
    public static void answered(HttpCall call, int status, MultiMap headers, Buffer body, long startedNanos) {
        LOG.debug("{} {} {} answered HTTP {} in {} ms, headers {}", call.provider(), call.method(), call.uri(), status,
                millisSince(startedNanos), Redaction.scrub(Redaction.headers(headers), call.headers()));
        if (body != null) {
            BODY.debug("{} reply body (HTTP {}): {}", call.provider(), status, body(call, body, headers.get("Content-Type")));
        }
    }

    /** A streamed reply read whole after its head, as error replies are. */
    public static void streamBody(HttpCall call, HttpReply reply) {
        if (BODY.isDebugEnabled()) {
            BODY.debug("{} reply body (HTTP {}): {}", call.provider(), reply.status(),
                    body(call, reply.body(), reply.headers().get("Content-Type")));
        }
    }

    /** The exchange failed before a reply could be read: no connection, a timeout, a body over the cap. */
    public static void failed(HttpCall call, Throwable error, long startedNanos) {
        String kind = error instanceof JunctionException je ? je.kind().name() : error.getClass().getSimpleName();
        // Transport messages are scrubbed already; scrubbed again here because a log line outlives any later fix.
        LOG.debug("{} {} {} failed in {} ms: {}: {}", call.provider(), call.method(), call.uri(), millisSince(startedNanos), kind,
                Redaction.scrub(String.valueOf(error.getMessage()), call.headers()));
    }

    /** Text bodies as an excerpt; others (downloaded images) only by size, since their bytes say nothing in a log. */
    private static String body(HttpCall call, Buffer body, String contentType) {
        if (body.length() == 0) {
            return "(empty)";
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.contains("json") && !type.startsWith("text/")) {
            return "(" + body.length() + " bytes of " + contentType + ", not shown)";
        }
        // One line per body: a vendor's line breaks could otherwise forge log lines.
        return Redaction.excerpt(body, BODY_LIMIT, call.headers()).replace("\r", "\\r").replace("\n", "\\n");
    }

    /** A connection that failed under no call (the call itself already failed with NETWORK). */
    static void connectionFailed(Object remoteAddress, Throwable error) {
        LOG.debug("connection to {} failed: {}", remoteAddress, error.toString());
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
