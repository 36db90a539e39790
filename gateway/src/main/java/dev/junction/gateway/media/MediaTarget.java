package dev.junction.gateway.media;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A media URL checked for what can be judged without DNS: scheme, credentials, host form and port.
 *
 * @param url the URL as given
 * @param https whether to speak TLS
 * @param host the host as written in the URL (IPv6 in brackets), for the Host header and TLS
 * @param port the port, defaulted from the scheme
 * @param requestUri the path and query sent in the request line
 * @param literal the address when the host is an IP literal, else {@code null} (a DNS name)
 */
record MediaTarget(URI url, boolean https, String host, int port, String requestUri, InetAddress literal) {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    /** Why a URL is not fetched, and what the client can do instead. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String hint;

        Refused(String problem, String hint) {
            super(problem, null, false, false);
            this.hint = hint;
        }

        String hint() {
            return hint;
        }
    }

    /**
     * Checks {@code url}.
     *
     * @throws Refused when its scheme is not http or https, it carries credentials, its host is not
     *     a DNS name or canonical IP literal, or its port is out of range
     */
    static MediaTarget of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("only http and https URLs are downloaded, not " + (scheme.isEmpty() ? "this one" : scheme + ":"),
                    "use an http or https URL, or send the media inline as a data: URI");
        }
        String authority = url.getRawAuthority();
        if (url.getRawUserInfo() != null || authority != null && authority.indexOf('@') >= 0) {
            throw new Refused("the URL carries credentials (user:password@), which the gateway never sends",
                    "remove the credentials from the URL, or send the media inline as a data: URI");
        }
        String host = url.getHost();
        InetAddress literal = host == null ? null : IpLiterals.address(host);
        if (host == null || literal == null && !isDnsName(host)) {
            throw new Refused("the host is not a DNS name or a canonical IP address",
                    "write the host as a DNS name, a dotted-quad IPv4 address or a bracketed IPv6 address");
        }
        int port = url.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : url.getPort();
        if (port < 1 || port > 65535) {
            throw new Refused("the port " + port + " is out of range", "use a port from 1 to 65535");
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String requestUri = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        return new MediaTarget(url, scheme.equals("https"), host, port, requestUri, literal);
    }

    /**
     * The URL as error messages show it: no credentials, no query string (it may hold a signed
     * token) and no fragment.
     */
    static String display(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme() + ":";
        String authority = url.getRawAuthority();
        if (authority == null) {
            return scheme + (url.getRawSchemeSpecificPart() == null ? "" : cut(url.getRawSchemeSpecificPart()));
        }
        int at = authority.lastIndexOf('@');
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return scheme + "//" + authority.substring(at + 1) + path;
    }

    /** Letters, digits and inner hyphens in each label; a last label starting with a letter, so it is never a number. */
    private static boolean isDnsName(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return Character.isLetter(labels[labels.length - 1].charAt(0));
    }

    /** An opaque URL's text up to its query, short enough for a message. */
    private static String cut(String text) {
        int query = text.indexOf('?');
        String head = query >= 0 ? text.substring(0, query) : text;
        return head.length() > 60 ? head.substring(0, 60) + "…" : head;
    }
}
