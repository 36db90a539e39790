package dev.junction.internal.http;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.async.Cancellation;
import dev.junction.internal.secrets.Redaction;
import dev.junction.spi.HttpCall;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** The transport's failures as {@link JunctionException}s, with messages scrubbed of credentials. */
final class TransportErrors {
    private TransportErrors() {
    }

    static JunctionException timeout(HttpCall call, String what, Duration limit, String setting) {
        // The setting is named in the message too: a stream has three limits, and the message is what users see first.
        return JunctionException.builder(ErrorKind.TIMEOUT,
                        call.provider() + " " + what + " within " + limit.toMillis() + " ms (" + setting + ")")
                .provider(call.provider())
                .hint("raise the limit with " + setting + "=… in the config string, or retry later")
                .build();
    }

    /**
     * The same failure, marked not to be repeated: the reply had begun, so the vendor has done (and
     * may bill) the work. Failures before any reply keep their kind's default.
     */
    static JunctionException afterReplyBegan(JunctionException e) {
        if (!e.retryable()) {
            return e;
        }
        return e.toBuilder().retryable(false).build();
    }

    static JunctionException cancelled(HttpCall call) {
        return Cancellation.error(call.provider());
    }

    static JunctionException tooLarge(HttpCall call, long cap) {
        return JunctionException.builder(ErrorKind.PROTOCOL,
                        call.provider() + " sent a reply larger than the " + cap + "-byte cap; the connection was closed")
                .provider(call.provider())
                .retryable(false)
                .hint("raise the cap with Junction.builder().maxResponseBytes(…) if such replies are expected")
                .build();
    }

    static JunctionException network(HttpCall call, Throwable error) {
        if (error instanceof JunctionException je) {
            return je;
        }
        String where = call.uri().getScheme() + "://" + call.uri().getAuthority();
        Throwable root = rootCause(error);
        if (root instanceof TimeoutException || root.getClass().getSimpleName().contains("Timeout")) {
            return JunctionException.builder(ErrorKind.TIMEOUT, call.provider() + ": the connection to " + where
                            + " was not made in time (connectTimeout): " + Redaction.scrub(describe(root), call.headers()))
                    .provider(call.provider())
                    .cause(error)
                    .hint("the server did not accept the connection in time; retry later, or raise connectTimeout=… in the config"
                            + " string")
                    .build();
        }
        String hint = "check the network and the base URL " + where;
        if (root instanceof UnknownHostException) {
            hint = "the host of " + where + " is unknown: check baseUrl";
        } else if (root instanceof ConnectException) {
            hint = "nothing accepts connections at " + where + ": check baseUrl, or retry later";
        } else if (root instanceof SSLException) {
            hint = "the TLS handshake with " + where + " failed; Junction always verifies certificates and host names";
        } else if (!(root instanceof IOException) && !isConnectionLoss(root)) {
            // Not the network: Vert.x refused the request itself (say, a header value it cannot send).
            // Its message may quote a header, so it is scrubbed and the cause is not attached.
            return JunctionException.builder(ErrorKind.CONFIGURATION,
                            call.provider() + ": the request could not be sent: " + Redaction.scrub(describe(root), call.headers()))
                    .provider(call.provider())
                    .hint("check the config string's values and any provider options")
                    .build();
        }
        return JunctionException.builder(ErrorKind.NETWORK, call.provider() + ": " + Redaction.scrub(describe(root), call.headers())
                        + " (" + where + ")")
                .provider(call.provider())
                .cause(error)
                .hint(hint)
                .build();
    }

    /** Vert.x reports a connection that closed or was reset under a call with its own unchecked exceptions. */
    private static boolean isConnectionLoss(Throwable root) {
        return root instanceof HttpClosedException || root instanceof StreamResetException;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
