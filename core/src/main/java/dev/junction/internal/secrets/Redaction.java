package dev.junction.internal.secrets;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** Renders headers for logs and messages with every credential masked. */
public final class Redaction {
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key",
            "api-key", "x-goog-api-key", "token", "x-token", "cookie", "set-cookie");

    private Redaction() {
    }

    /** Whether a header carries a credential and must never be shown. */
    public static boolean isSecret(String headerName) {
        return SECRET_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /**
     * The text with every credential header's value, and the token after {@code Bearer }, replaced
     * by {@code ****}; for messages from lower layers that may quote a header.
     */
    public static String scrub(String text, MultiMap headers) {
        String out = text;
        for (Map.Entry<String, String> h : headers) {
            if (isSecret(h.getKey()) && !h.getValue().isEmpty()) {
                out = out.replace(h.getValue(), "****");
                String value = h.getValue();
                if (value.regionMatches(true, 0, "Bearer ", 0, 7) && value.length() > 7) {
                    out = out.replace(value.substring(7), "****");
                }
            }
        }
        return out;
    }

    /** {@code {name: value, …}} with credential values replaced by {@code ****}. */
    public static String headers(MultiMap headers) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, String> h : headers) {
            out.add(h.getKey() + ": " + (isSecret(h.getKey()) ? "****" : h.getValue()));
        }
        return out.toString();
    }
}
