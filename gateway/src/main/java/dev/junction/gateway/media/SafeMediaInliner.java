package dev.junction.gateway.media;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.TrustOptions;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the media URLs of a chat request with the downloaded bytes, safely: only http(s), only
 * to addresses an {@link AddressPolicy} allows (checked again on every redirect, and connected to
 * exactly as checked), never with credentials, within a size cap and one timeout per download.
 * The gateway uses it when {@code media.inline_remote} is on, so the engine's own downloader,
 * which has none of these checks, never sees a URL.
 */
public final class SafeMediaInliner {
    /** The default cap on one downloaded file: 20 MiB. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    /** The default time one download may take, redirects and DNS included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SafeMediaInliner.class);

    private final Vertx vertx;
    private final AddressPolicy policy;
    private final long maxBytes;
    private final Duration timeout;
    private final Function<String, Future<List<InetAddress>>> resolver;
    private final HttpClient client;

    /**
     * An inliner that resolves host names with the operating system's resolver (hosts file and
     * search domains included, as every other part of the JVM sees them), on a worker thread.
     */
    public SafeMediaInliner(Vertx vertx, AddressPolicy policy, long maxBytes, Duration timeout) {
        this(vertx, policy, maxBytes, timeout, systemResolver(vertx));
    }

    /**
     * An inliner with its own resolver, for tests that simulate DNS and for gateways that resolve
     * through their own DNS client.
     *
     * @param resolver a host name (never an IP literal) to all its addresses; a failure, an
     *     {@link java.net.UnknownHostException} or an empty list means the host does not resolve
     */
    public SafeMediaInliner(Vertx vertx, AddressPolicy policy, long maxBytes, Duration timeout,
            Function<String, Future<List<InetAddress>>> resolver) {
        this(vertx, policy, maxBytes, timeout, resolver, null);
    }

    /** As above, trusting {@code trust} instead of the JVM's CAs when not {@code null}: for TLS tests. */
    SafeMediaInliner(Vertx vertx, AddressPolicy policy, long maxBytes, Duration timeout,
            Function<String, Future<List<InetAddress>>> resolver, TrustOptions trust) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("media max_bytes must be from 1 to " + (Integer.MAX_VALUE - 8) + ", got " + maxBytes);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("media timeout must be positive, got " + timeout);
        }
        this.maxBytes = maxBytes;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                // Never weaken TLS: the chain and the URL's host name are verified.
                .setTrustAll(false)
                .setVerifyHost(true)
                // A fresh connection per download: nothing pooled outlives the check that allowed it.
                .setKeepAlive(false)
                // Compressed bodies would slip past the cap, which counts the bytes on the wire.
                .setDecompressionSupported(false)
                // Redirects are followed by hand, each hop checked like the first.
                .setMaxRedirects(0);
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        this.client = vertx.httpClientBuilder()
                .with(options)
                .with(new PoolOptions().setHttp1MaxSize(8))
                // A media host that resets the connection fails that download already; without a
                // handler Vert.x would also log the reset at ERROR.
                .withConnectHandler(connection -> connection.exceptionHandler(
                        error -> LOG.debug("media connection to {} failed", connection.remoteAddress(), error)))
                .build();
    }

    /**
     * The operating system's resolver, run on a worker thread because {@link InetAddress#getAllByName}
     * blocks. Unordered, so that slow lookups of different hosts do not wait on one another.
     */
    private static Function<String, Future<List<InetAddress>>> systemResolver(Vertx vertx) {
        return host -> vertx.executeBlocking(() -> List.of(InetAddress.getAllByName(host)), false);
    }

    /** The most distinct media URLs one request may have downloaded. */
    public static final int MAX_URLS = 16;

    /**
     * The request with every media URL downloaded and replaced by {@link MediaSource.Bytes}; each
     * distinct URL is fetched once, all of them in parallel. Other parts are kept as they are.
     *
     * @return the new request (the same one when it has no media URL); fails with a
     *     {@link JunctionException} naming {@code messages[i].content[j]} and the URL (without its
     *     query string): INVALID_REQUEST for a server-side file part, a bad scheme, credentials in
     *     the URL, a refused address, an HTTP error, too many redirects, a file over the cap or of
     *     unknown type, more than {@link #MAX_URLS} distinct URLs; TIMEOUT or NETWORK when the download itself failed
     */
    public Future<ChatRequest> inline(ChatRequest request) {
        try {
            refuseFiles(request);
        } catch (JunctionException refused) {
            return Future.failedFuture(refused);
        }
        Map<URI, MediaSource.Url> urls = new LinkedHashMap<>();
        Map<URI, String> where = new LinkedHashMap<>();
        forEachMedia(request, (place, source) -> {
            if (source instanceof MediaSource.Url url) {
                urls.putIfAbsent(url.url(), url);
                where.putIfAbsent(url.url(), place);
            }
        });
        if (urls.isEmpty()) {
            return Future.succeededFuture(request);
        }
        if (urls.size() > MAX_URLS) {
            // Each download may hold up to maxBytes in memory: a request must not multiply that at will.
            return Future.failedFuture(JunctionException.builder(ErrorKind.INVALID_REQUEST, "the request has " + urls.size()
                    + " distinct media URLs; the gateway downloads at most " + MAX_URLS + " per request")
                    .hint("send fewer images per request, or attach them as data URIs").build());
        }
        List<Download> downloads = new ArrayList<>();
        Map<URI, Future<MediaSource>> results = new LinkedHashMap<>();
        urls.forEach((uri, source) -> {
            Download download = new Download(vertx, client, policy, resolver, maxBytes, timeout, source, where.get(uri));
            downloads.add(download);
            results.put(uri, download.start());
        });
        return Future.all(new ArrayList<>(results.values()))
                // The first failure decides: the other downloads would only hold connections open.
                .onFailure(failed -> downloads.forEach(Download::cancel))
                .map(done -> replace(request, results));
    }

    /**
     * Refuses server-side file parts, which must never reach the engine from a client: it would
     * read them from the gateway's own disk. The gateway calls this on every request, whether or
     * not it inlines URLs; {@link #inline} calls it too.
     *
     * @throws JunctionException INVALID_REQUEST naming the first {@code messages[i].content[j]} that is a file
     */
    public static void refuseFiles(ChatRequest request) {
        forEachMedia(request, (place, source) -> {
            if (source instanceof MediaSource.File) {
                throw JunctionException.builder(ErrorKind.INVALID_REQUEST, place + ": media from a file path on the server"
                                + " is not accepted: a client cannot read the gateway's files. Send the media inline as a"
                                + " data: URI, or as an http(s) URL.")
                        .hint("send the media inline as a data: URI, or as an http(s) URL")
                        .build();
            }
        });
    }

    /** Closes the HTTP client; downloads under way fail. */
    public Future<Void> close() {
        return client.close();
    }

    private static ChatRequest replace(ChatRequest request, Map<URI, Future<MediaSource>> results) {
        List<Message> messages = new ArrayList<>(request.messages().size());
        for (Message message : request.messages()) {
            List<Part> parts = new ArrayList<>(message.parts().size());
            boolean changed = false;
            for (Part part : message.parts()) {
                if (part instanceof Part.Media media && media.source() instanceof MediaSource.Url url) {
                    parts.add(new Part.Media(results.get(url.url()).result()));
                    changed = true;
                } else {
                    parts.add(part);
                }
            }
            messages.add(changed ? new Message(message.role(), parts, message.toolCallId(), message.toolCalls()) : message);
        }
        return new ChatRequest(request.model(), messages, request.temperature(), request.maxOutputTokens(),
                request.reasoning(), request.providerOptions(), request.tools(), request.toolChoice(),
                request.responseFormat());
    }

    /** Calls {@code visit} with each media part's source and its place, {@code messages[i].content[j]}. */
    private static void forEachMedia(ChatRequest request, java.util.function.BiConsumer<String, MediaSource> visit) {
        List<Message> messages = request.messages();
        for (int m = 0; m < messages.size(); m++) {
            List<Part> parts = messages.get(m).parts();
            for (int p = 0; p < parts.size(); p++) {
                if (parts.get(p) instanceof Part.Media media) {
                    visit.accept("messages[" + m + "].content[" + p + "]", media.source());
                }
            }
        }
    }
}
