package dev.junction.gateway.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which bind addresses reach only this machine. No name is resolved: only literals and {@code localhost} count. */
final class Hosts {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

    private Hosts() {
    }

    /** Whether the host is a loopback address: {@code 127.x.x.x}, {@code ::1} or {@code localhost}. */
    static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || IPV4_LOOPBACK.matcher(h).matches();
    }

    /** The refusal for binding this host with no keys, or {@code null} when binding it is fine. */
    static String exposureProblem(String host, boolean keysConfigured) {
        if (keysConfigured || isLoopback(host)) {
            return null;
        }
        return host + " exposes every vendor key's spending to anyone who can reach it: add keys (junction keys new)"
                + " or bind 127.0.0.1";
    }
}
