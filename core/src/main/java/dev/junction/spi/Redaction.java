package dev.junction.spi;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** Renders headers for logs and messages with every credential masked. */
public final class Redaction {
    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "proxy-authorization", "x-api-key", "api-key", "cookie", "set-cookie");

    private Redaction() {
    }

    /** {@code {name: value, …}} with credential values replaced by {@code ****}. */
    public static String headers(MultiMap headers) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, String> h : headers) {
            boolean secret = SECRET_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT));
            out.add(h.getKey() + ": " + (secret ? "****" : h.getValue()));
        }
        return out.toString();
    }
}
