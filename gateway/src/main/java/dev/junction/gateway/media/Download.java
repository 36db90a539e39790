package dev.junction.gateway.media;

import dev.junction.chat.MediaSource;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One media URL's download, redirects included: each hop's host is checked, resolved once, its
 * addresses judged by the policy, and the connection made to the judged address itself, so a DNS
 * answer that changes between the check and the connection cannot redirect it. One timer covers
 * the whole download; the body is capped while it is read.
 */
final class Download {
    static final int MAX_REDIRECTS = 3;

    private final Vertx vertx;
    private final HttpClient client;
    private final AddressPolicy policy;
    private final Function<String, Future<List<InetAddress>>> resolver;
    private final long maxBytes;
    private final Duration timeout;
    private final MediaSource.Url source;
    private final String where;
    private final Promise<MediaSource> outcome = Promise.promise();
    // The hop under way, so that the timer (or a failed sibling) can close its connection.
    private final AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
    private Context context;

    Download(Vertx vertx, HttpClient client, AddressPolicy policy, Function<String, Future<List<InetAddress>>> resolver,
            long maxBytes, Duration timeout, MediaSource.Url source, String where) {
        this.vertx = vertx;
        this.client = client;
        this.policy = policy;
        this.resolver = resolver;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.source = source;
        this.where = where;
    }

    /**
     * Starts the download on a Vert.x context, so that every handler is attached before the event
     * loop can deliver data, and the steps of one download never run on two threads at once.
     */
    Future<MediaSource> start() {
        Context current = Vertx.currentContext();
        if (current != null && current.owner() == vertx && Context.isOnEventLoopThread()) {
            context = current;
            begin();
        } else {
            context = vertx.getOrCreateContext();
            context.runOnContext(v -> begin());
        }
        return outcome.future();
    }

    /** Stops the download, closing its connection, when the request failed for another part. */
    void cancel() {
        giveUp(new IllegalStateException("cancelled: another media part of the request failed"));
    }

    private void begin() {
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> giveUp(error(ErrorKind.TIMEOUT,
                "the download did not finish within " + human(timeout) + " (the gateway's media.timeout)",
                "use a faster host, or send the media inline as a data: URI")));
        outcome.future().onComplete(done -> vertx.cancelTimer(timer));
        hop(source.url(), 0);
    }

    private void hop(URI url, int redirects) {
        if (outcome.future().isComplete()) {
            return;
        }
        MediaTarget target;
        try {
            target = MediaTarget.of(url);
        } catch (MediaTarget.Refused refused) {
            fail(ErrorKind.INVALID_REQUEST, via(url, redirects) + refused.getMessage(), refused.hint());
            return;
        }
        if (target.literal() != null) {
            Optional<String> refusal = policy.refusal(target.literal());
            if (refusal.isPresent()) {
                refuse(url, redirects, "the host " + target.literal().getHostAddress() + " is " + refusal.get());
            } else {
                connect(target, target.literal(), redirects);
            }
            return;
        }
        Future<List<InetAddress>> lookup;
        try {
            lookup = resolver.apply(target.host());
        } catch (RuntimeException broken) {
            lookup = Future.failedFuture(broken);
        }
        // A resolver may complete on a worker thread: the download goes on on its own context.
        lookup.onComplete(answer -> onContext(() -> resolved(target, answer, redirects)));
    }

    private void resolved(MediaTarget target, AsyncResult<List<InetAddress>> answer, int redirects) {
        if (outcome.future().isComplete()) {
            return;
        }
        URI url = target.url();
        if (answer.failed() || answer.result() == null || answer.result().isEmpty()) {
            Throwable cause = answer.failed() ? answer.cause() : null;
            if (cause == null || cause instanceof UnknownHostException) {
                fail(ErrorKind.INVALID_REQUEST, via(url, redirects) + "the host " + target.host() + " does not resolve",
                        "check the host name in the URL");
            } else {
                fail(ErrorKind.NETWORK, via(url, redirects) + "the host " + target.host() + " could not be resolved: "
                        + cause.getMessage(), "try again later, or send the media inline as a data: URI");
            }
            return;
        }
        // Every address is judged, not only the one used: a name that answers both a public and a
        // private address is refused, whichever the connection would have taken.
        for (InetAddress address : answer.result()) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                refuse(url, redirects, "the host " + target.host() + " resolves to " + address.getHostAddress() + ", "
                        + refusal.get());
                return;
            }
        }
        connect(target, answer.result().get(0), redirects);
    }

    private void connect(MediaTarget target, InetAddress checked, int redirects) {
        // Rebuilt from its bytes, so no host name rides along that Vert.x could look up again.
        String ip = IpLiterals.of(checked.getAddress()).getHostAddress();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                // The checked address itself; host and port below only make the Host header, SNI
                // and the certificate check, never the connection.
                .setServer(SocketAddress.inetSocketAddress(target.port(), ip))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.requestUri())
                .setFollowRedirects(false)
                .setConnectTimeout(Math.max(1, timeout.toMillis()))
                // No Authorization, no Cookie: the request carries nothing of the client's or the gateway's.
                .putHeader("Accept", "*/*")
                .putHeader("Accept-Encoding", "identity");
        Future<HttpClientRequest> opened;
        try {
            opened = client.request(options);
        } catch (RuntimeException unusable) {
            opened = Future.failedFuture(unusable);
        }
        opened.compose(request -> {
                    // Published before the check: the timer then either sees it and resets it, or has already fired.
                    inFlight.set(request);
                    if (outcome.future().isComplete()) {
                        request.reset();
                        return Future.failedFuture("download already over");
                    }
                    return request.send();
                })
                .onSuccess(response -> {
                    if (outcome.future().isComplete()) {
                        response.request().reset();
                    } else {
                        head(target, response, redirects);
                    }
                })
                .onFailure(error -> fail(ErrorKind.NETWORK, via(target.url(), redirects) + "the connection to "
                        + target.host() + " (" + ip + ") port " + target.port() + " failed: " + error.getMessage(),
                        "check that the media host is up and reachable, or send the media inline as a data: URI"));
    }

    private void head(MediaTarget target, HttpClientResponse response, int redirects) {
        int status = response.statusCode();
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            response.request().reset();
            redirect(target, response.getHeader("Location"), status, redirects);
            return;
        }
        if (status < 200 || status >= 300) {
            fail(ErrorKind.INVALID_REQUEST, via(target.url(), redirects) + "the media host answered HTTP " + status,
                    "check that the URL is public and still valid");
            response.request().reset();
            return;
        }
        long declared = contentLength(response.getHeader("Content-Length"));
        if (declared > maxBytes) {
            // Refused before a byte of the body is read.
            tooBig(response, "its Content-Length is " + declared + " bytes");
            return;
        }
        // Sized from Content-Length when it is under the cap, so the body is not grown and copied.
        Buffer body = Buffer.buffer((int) Math.min(Math.max(declared, 1024), Integer.MAX_VALUE - 8));
        response.handler(chunk -> {
            if (outcome.future().isComplete()) {
                return;
            }
            // Counted as it arrives: a body without Content-Length, or longer than it said, stops here.
            if (body.length() + (long) chunk.length() > maxBytes) {
                tooBig(response, "its body passed that size while it was read");
                return;
            }
            body.appendBuffer(chunk);
        });
        response.exceptionHandler(error -> fail(ErrorKind.NETWORK, via(target.url(), redirects)
                + "the connection broke while downloading: " + error.getMessage(), "try again later"));
        response.endHandler(end -> finish(response, body));
    }

    private void redirect(MediaTarget from, String location, int status, int redirects) {
        if (location == null || location.isBlank()) {
            fail(ErrorKind.INVALID_REQUEST, via(from.url(), redirects) + "the media host answered HTTP " + status
                    + " without a Location", "give the final URL of the media");
            return;
        }
        URI next;
        try {
            next = from.url().resolve(location.strip());
        } catch (IllegalArgumentException invalid) {
            fail(ErrorKind.INVALID_REQUEST, via(from.url(), redirects) + "the media host redirects to an invalid URL",
                    "give the final URL of the media");
            return;
        }
        if (redirects >= MAX_REDIRECTS) {
            fail(ErrorKind.INVALID_REQUEST, "it redirects more than " + MAX_REDIRECTS + " times",
                    "give the final URL of the media");
            return;
        }
        if (from.https() && "http".equalsIgnoreCase(next.getScheme())) {
            fail(ErrorKind.INVALID_REQUEST, "it redirects from https to plain http (" + MediaTarget.display(next) + ")",
                    "give an https URL that stays on https");
            return;
        }
        hop(next, redirects + 1);
    }

    private void finish(HttpClientResponse response, Buffer body) {
        if (outcome.future().isComplete()) {
            return;
        }
        byte[] bytes = body.getBytes();
        if (bytes.length == 0) {
            fail(ErrorKind.INVALID_REQUEST, "the media host answered HTTP " + response.statusCode() + " with an empty body",
                    "check that the URL points at the media file itself");
            return;
        }
        String type = MediaSniffer.fromHeader(response.getHeader("Content-Type"));
        if (type == null) {
            type = MediaSniffer.fromBytes(bytes, bytes.length);
        }
        if (type == null) {
            type = MediaSniffer.fromHeader(source.mediaType());
        }
        if (type == null) {
            fail(ErrorKind.INVALID_REQUEST, "cannot tell its media type: the Content-Type is not an image, audio, video or PDF"
                    + " type and the first bytes are no known format",
                    "serve it with its media Content-Type, or send it inline as a data: URI with its type");
            return;
        }
        outcome.tryComplete(new MediaSource.Bytes(bytes, type));
    }

    private void tooBig(HttpClientResponse response, String how) {
        if (fail(ErrorKind.INVALID_REQUEST, "the download is over the " + maxBytes + "-byte cap (the gateway's media.max_bytes): "
                + how, "send a smaller file")) {
            response.request().reset();
        }
    }

    private void refuse(URI url, int redirects, String why) {
        fail(ErrorKind.INVALID_REQUEST, via(url, redirects) + why + ", which the gateway does not download from",
                "use a URL on a public host, or send the media inline as a data: URI");
    }

    /** Fails the download unless it is over; true when this call decided it. */
    private boolean fail(ErrorKind kind, String problem, String hint) {
        return outcome.tryFail(error(kind, problem, hint));
    }

    private void giveUp(Throwable error) {
        if (outcome.tryFail(error)) {
            HttpClientRequest request = inFlight.get();
            if (request != null) {
                request.reset();
            }
        }
    }

    private JunctionException error(ErrorKind kind, String problem, String hint) {
        return JunctionException.builder(kind, where + ": cannot download " + MediaTarget.display(source.url()) + ": "
                        + problem + ". " + Character.toUpperCase(hint.charAt(0)) + hint.substring(1) + ".")
                .hint(hint)
                .build();
    }

    /** How a redirect hop is named in a message, so the client sees which hop was refused. */
    private static String via(URI url, int redirects) {
        return redirects == 0 ? "" : "it redirects to " + MediaTarget.display(url) + ", but ";
    }

    private void onContext(Runnable step) {
        if (Vertx.currentContext() == context) {
            step.run();
        } else {
            context.runOnContext(v -> step.run());
        }
    }

    private static long contentLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    private static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
