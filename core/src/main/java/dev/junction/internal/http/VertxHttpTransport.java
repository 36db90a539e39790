package dev.junction.internal.http;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import dev.junction.spi.HttpTransport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import dev.junction.spi.Redaction;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link HttpTransport} on a Vert.x {@link HttpClient}: a pooled client with connect and
 * total timeouts, a cap on reply size, TLS verification on and redirects never followed.
 */
public final class VertxHttpTransport implements HttpTransport, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VertxHttpTransport.class);

    private final Vertx vertx;
    private final HttpClient client;
    private final TransportOptions options;

    /** Creates the client; opens no connection yet. */
    public VertxHttpTransport(Vertx vertx, TransportOptions options) {
        this.vertx = vertx;
        this.options = options;
        HttpClientOptions clientOptions = new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                // Never weaken TLS: verify the chain and the host name.
                .setTrustAll(false)
                .setVerifyHost(true)
                .setKeepAlive(true)
                .setDecompressionSupported(true)
                // A redirect could carry the Authorization header to another host.
                .setMaxRedirects(0);
        PoolOptions poolOptions = new PoolOptions()
                .setHttp1MaxSize(options.maxConnectionsPerHost())
                .setHttp2MaxSize(Math.max(1, options.maxConnectionsPerHost() / 8))
                .setMaxWaitQueueSize(options.maxWaitQueue());
        this.client = vertx.createHttpClient(clientOptions, poolOptions);
    }

    @Override
    public Future<HttpReply> send(HttpCall call) {
        Promise<HttpReply> promise = Promise.promise();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        long started = System.nanoTime();
        long timer = vertx.setTimer(Math.max(1, call.timeout().toMillis()), id -> {
            if (promise.tryFail(JunctionException.builder(ErrorKind.TIMEOUT,
                            call.provider() + " did not answer within " + call.timeout().toMillis() + " ms")
                    .provider(call.provider())
                    .hint("raise the limit with timeout=… in the config string, or retry later")
                    .build())) {
                HttpClientRequest request = inFlight.get();
                if (request != null) {
                    request.reset();
                }
            }
        });
        promise.future().onComplete(done -> vertx.cancelTimer(timer));
        // Start the exchange on a Vert.x context: then every handler below is attached before the
        // event loop can deliver the reply. Started from a plain thread, a fast reply could arrive
        // before the body handlers were set, and the call would hang until its timeout.
        vertx.getOrCreateContext().runOnContext(v -> start(call, promise, inFlight, started));
        return promise.future();
    }

    private void start(HttpCall call, Promise<HttpReply> promise, AtomicReference<HttpClientRequest> inFlight, long started) {
        RequestOptions request = new RequestOptions()
                .setMethod(call.method())
                .setAbsoluteURI(call.uri().toString())
                .setFollowRedirects(false)
                .setHeaders(call.headers());
        client.request(request)
                .compose(req -> {
                    // Publish the request before checking the deadline: the timer, which may run on
                    // another thread, then either sees it and resets it, or has already failed the call.
                    inFlight.set(req);
                    if (promise.future().isComplete()) {
                        // Timed out while waiting for a pooled connection: nobody waits for this reply, so never send it.
                        req.reset();
                        return Future.failedFuture(promise.future().cause());
                    }
                    return call.body() == null ? req.send() : req.send(call.body());
                })
                .onSuccess(response -> collect(call, response, promise, started))
                .onFailure(error -> promise.tryFail(networkError(call, error)));
    }

    private void collect(HttpCall call, HttpClientResponse response, Promise<HttpReply> promise, long started) {
        long cap = options.maxResponseBytes();
        String declared = response.getHeader("Content-Length");
        if (declared != null && parseLength(declared) > cap) {
            promise.tryFail(tooLarge(call, cap));
            response.request().reset();
            return;
        }
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > cap) {
                if (promise.tryFail(tooLarge(call, cap))) {
                    response.request().reset();
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        response.exceptionHandler(error -> promise.tryFail(networkError(call, error)));
        response.endHandler(end -> {
            if (promise.tryComplete(new HttpReply(response.statusCode(), response.headers(), body)) && LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} -> HTTP {} ({} bytes, {} ms)", call.provider(), call.method(), call.uri(),
                        response.statusCode(), body.length(), (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static JunctionException tooLarge(HttpCall call, long cap) {
        return JunctionException.builder(ErrorKind.PROTOCOL,
                        call.provider() + " sent a reply larger than the " + cap + "-byte cap; the connection was closed")
                .provider(call.provider())
                .retryable(false)
                .hint("raise the cap with Junction.builder().maxResponseBytes(…) if such replies are expected")
                .build();
    }

    private static JunctionException networkError(HttpCall call, Throwable error) {
        if (error instanceof JunctionException je) {
            return je;
        }
        String where = call.uri().getScheme() + "://" + call.uri().getAuthority();
        ErrorKind kind = ErrorKind.NETWORK;
        String hint = "check the network and the base URL " + where;
        Throwable root = rootCause(error);
        if (root instanceof TimeoutException || root.getClass().getSimpleName().contains("Timeout")) {
            kind = ErrorKind.TIMEOUT;
            hint = "the server at " + where + " did not accept the connection in time; retry later";
        } else if (root instanceof UnknownHostException) {
            hint = "the host of " + where + " is unknown: check baseUrl";
        } else if (root instanceof ConnectException) {
            hint = "nothing accepts connections at " + where + ": check baseUrl, or retry later";
        } else if (root instanceof SSLException) {
            hint = "the TLS handshake with " + where + " failed; Junction always verifies certificates and host names";
        } else if (!(root instanceof IOException)) {
            // Not the network: Vert.x refused the request itself (say, a header value it cannot send).
            // Its message may quote a header, so it is scrubbed and the cause is not attached.
            return JunctionException.builder(ErrorKind.CONFIGURATION,
                            call.provider() + ": the request could not be sent: " + Redaction.scrub(describe(root), call.headers()))
                    .provider(call.provider())
                    .hint("check the config string's values and any provider options")
                    .build();
        }
        return JunctionException.builder(kind, call.provider() + ": " + Redaction.scrub(describe(root), call.headers()) + " (" + where + ")")
                .provider(call.provider())
                .cause(error)
                .hint(hint)
                .build();
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

    @Override
    public void close() {
        client.close();
    }
}
