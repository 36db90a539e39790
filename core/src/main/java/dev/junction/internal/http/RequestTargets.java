package dev.junction.internal.http;

import dev.junction.spi.HttpCall;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/**
 * Turns a call into Vert.x {@link RequestOptions} from its already parsed {@link URI}, as
 * {@link RequestOptions#setAbsoluteURI(String)} would, without parsing the URL again on every call
 * (that parse was a measurable share of a small call's cost).
 */
final class RequestTargets {
    private RequestTargets() {
    }

    /** The options for {@code call}: method, host, port, TLS, path with query, headers, no redirects, its connect timeout. */
    static RequestOptions options(HttpCall call) {
        URI uri = call.uri();
        if (uri.getHost() == null) {
            // Not a plain http(s) URL with a host: leave the parsing, and its error, to Vert.x.
            return withCallSettings(new RequestOptions().setAbsoluteURI(uri.toString()), call);
        }
        boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery();
        return withCallSettings(new RequestOptions()
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(ssl)
                .setURI(query == null ? path : path + "?" + query), call);
    }

    private static RequestOptions withCallSettings(RequestOptions options, HttpCall call) {
        options.setMethod(call.method()).setFollowRedirects(false).setHeaders(call.headers());
        if (call.connectTimeout() != null) {
            options.setConnectTimeout(Math.max(1, call.connectTimeout().toMillis()));
        }
        return options;
    }
}
