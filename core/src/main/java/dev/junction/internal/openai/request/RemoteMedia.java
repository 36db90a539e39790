package dev.junction.internal.openai.request;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.media.MagicBytes;
import dev.junction.internal.media.MediaTypes;
import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import dev.junction.spi.HttpTransport;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Downloads media URLs for vendors that take only inline data ({@code inlineRemoteMedia=true}).
 * Goes through the shared transport with no credential header, so the vendor's key never reaches
 * the media host; follows at most a few redirects, and only within the same scheme, host and port.
 */
public final class RemoteMedia {
    /** The largest media file downloaded: 20 MiB, well above what vendors take inline. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    /** The longest one download may take (capped further by the call's own timeout). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_REDIRECTS = 3;

    private final HttpTransport transport;
    private final String provider;
    private final long maxBytes;
    private final Duration timeout;

    public RemoteMedia(HttpTransport transport, String provider, long maxBytes, Duration timeout) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.maxBytes = maxBytes;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Downloads every distinct media URL of the request.
     *
     * @return each URL source mapped to its downloaded bytes, typed by their magic bytes; fails with
     *     INVALID_REQUEST (bad scheme, HTTP error, over the cap, unknown type, redirect elsewhere),
     *     TIMEOUT or NETWORK, naming the message, part and URL
     */
    public Future<Map<MediaSource.Url, MediaSource>> downloadAll(ChatRequest request) {
        Map<MediaSource.Url, String> where = new LinkedHashMap<>();
        List<Message> messages = request.messages();
        for (int m = 0; m < messages.size(); m++) {
            List<Part> parts = messages.get(m).parts();
            for (int p = 0; p < parts.size(); p++) {
                if (parts.get(p) instanceof Part.Media media && media.source() instanceof MediaSource.Url url) {
                    where.putIfAbsent(url, "message " + m + ", part " + p);
                }
            }
        }
        List<MediaSource.Url> urls = new ArrayList<>(where.keySet());
        List<Future<MediaSource>> downloads = new ArrayList<>();
        for (MediaSource.Url url : urls) {
            downloads.add(download(url, where.get(url)));
        }
        return Future.all(downloads).map(done -> {
            Map<MediaSource.Url, MediaSource> out = new LinkedHashMap<>();
            for (int i = 0; i < urls.size(); i++) {
                out.put(urls.get(i), downloads.get(i).result());
            }
            return out;
        });
    }

    /** Downloads one URL part; {@code where} names its message and part for error messages. */
    Future<MediaSource> download(MediaSource.Url source, String where) {
        URI url = source.url();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            return Future.failedFuture(fail(ErrorKind.INVALID_REQUEST, where, url, "only http and https URLs are downloaded",
                    "attach local media with Part.file or Part.bytes"));
        }
        return fetch(url, url, where, MAX_REDIRECTS).map(reply -> inline(source, url, reply, where));
    }

    private Future<HttpReply> fetch(URI original, URI url, String where, int redirectsLeft) {
        // Deliberately no Authorization header: the media host must never see the vendor's key.
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Accept", "*/*");
        // The cap is enforced while reading: the connection closes as soon as the body passes it.
        return transport.send(new HttpCall(provider, HttpMethod.GET, url, headers, null, timeout, maxBytes, null))
                .recover(e -> Future.failedFuture(!(e instanceof JunctionException je) ? e
                        : je.kind() == ErrorKind.PROTOCOL
                        ? fail(ErrorKind.INVALID_REQUEST, where, original, "the download is over the " + maxBytes
                                + "-byte cap for inlined media", "attach a smaller file")
                        : fail(je.kind(), where, original, "the download failed: " + je.getMessage(), je.hint().orElse("check the URL"))))
                .compose(reply -> {
                    if (reply.status() < 300 || reply.status() >= 400) {
                        return Future.succeededFuture(reply);
                    }
                    URI next = redirect(url, reply);
                    if (next == null) {
                        return Future.failedFuture(fail(ErrorKind.INVALID_REQUEST, where, original,
                                "HTTP " + reply.status() + " redirects to another host or scheme, which Junction does not follow",
                                "give the final URL of the media"));
                    }
                    if (redirectsLeft == 0) {
                        return Future.failedFuture(fail(ErrorKind.INVALID_REQUEST, where, original,
                                "more than " + MAX_REDIRECTS + " redirects", "give the final URL of the media"));
                    }
                    return fetch(original, next, where, redirectsLeft - 1);
                });
    }

    /** The redirect target when it stays on the same scheme, host and port; else {@code null}. */
    private static URI redirect(URI from, HttpReply reply) {
        String location = reply.headers().get("Location");
        if (location == null) {
            return null;
        }
        URI to;
        try {
            to = from.resolve(location.strip());
        } catch (IllegalArgumentException badLocation) {
            return null;
        }
        boolean sameOrigin = from.getScheme().equalsIgnoreCase(String.valueOf(to.getScheme()))
                && from.getHost().equalsIgnoreCase(String.valueOf(to.getHost()))
                && from.getPort() == to.getPort();
        return sameOrigin ? to : null;
    }

    private MediaSource inline(MediaSource.Url source, URI url, HttpReply reply, String where) {
        if (!reply.isSuccess()) {
            throw fail(ErrorKind.INVALID_REQUEST, where, url, "the media host answered HTTP " + reply.status(),
                    "check that the URL is public and still valid");
        }
        if (reply.body().length() > maxBytes) {
            throw fail(ErrorKind.INVALID_REQUEST, where, url, "the download is " + reply.body().length()
                    + " bytes, over the " + maxBytes + "-byte cap for inlined media", "attach a smaller file");
        }
        byte[] bytes = reply.body().getBytes();
        String type = MagicBytes.detect(bytes);
        if (type == null) {
            type = source.mediaType() != null ? source.mediaType() : contentType(reply);
        }
        if (type == null) {
            type = url.getPath() == null ? null : MediaTypes.fromFileName(url.getPath());
        }
        if (type == null) {
            throw fail(ErrorKind.INVALID_REQUEST, where, url, "cannot tell the media type of the downloaded file",
                    "download it yourself and attach it with Part.bytes(data, mediaType)");
        }
        return new MediaSource.Bytes(bytes, type);
    }

    private static String contentType(HttpReply reply) {
        String header = reply.headers().get("Content-Type");
        if (header == null) {
            return null;
        }
        String type = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.equals("application/octet-stream") ? null : type;
    }

    private JunctionException fail(ErrorKind kind, String where, URI url, String problem, String hint) {
        return JunctionException.builder(kind, provider + ": " + where + ": could not inline " + url + ": " + problem)
                .provider(provider)
                .hint(hint)
                .build();
    }
}
