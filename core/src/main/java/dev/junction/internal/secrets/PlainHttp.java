package dev.junction.internal.secrets;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a base URL would carry the API key unencrypted off this machine: plain {@code http} to
 * a host that is not loopback. Loopback (127.0.0.0/8, ::1, localhost) is exempt, since tests and
 * local stand-ins use it. Judged from the URL alone: no name is resolved, so this never blocks.
 */
public final class PlainHttp {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private PlainHttp() {
    }

    /** The warning to give for this provider's base URL, or empty when it is https or loopback. */
    public static Optional<String> warning(String providerId, URI baseUrl) {
        if (baseUrl == null || !"http".equalsIgnoreCase(baseUrl.getScheme()) || isLoopback(baseUrl.getHost())) {
            return Optional.empty();
        }
        return Optional.of(providerId + ": baseUrl " + baseUrl + " is plain http to another host, so the API key and every"
                + " prompt cross the network unencrypted; use https://" + baseUrl.getRawAuthority()
                + (baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath()) + " if the host serves it");
    }

    /** Whether the host names this machine's loopback interface, without a DNS lookup. */
    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            // RFC 6761: localhost and its subdomains always resolve to loopback.
            return true;
        }
        var v4 = IPV4.matcher(h);
        if (v4.matches()) {
            return v4.group(1).equals("127");
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            return isIpv6Loopback(h.substring(1, h.length() - 1));
        }
        return false;
    }

    /** {@code ::1} in any spelling, or an IPv4-mapped loopback address ({@code ::ffff:127.x.x.x}). */
    private static boolean isIpv6Loopback(String address) {
        try {
            // A literal (it has colons) is parsed, never looked up.
            return address.contains(":") && java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
