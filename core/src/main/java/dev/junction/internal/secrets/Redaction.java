package dev.junction.internal.secrets;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /**
     * At most {@code maxBytes} of a body as UTF-8 text for a log line, every credential the request
     * headers carry masked (JSON-escaped too, as a vendor echoing the key in JSON may write it), and
     * never ending in the first characters of one. Masking happens before the cut: a cut through the
     * key would otherwise leave its head behind.
     */
    public static String excerpt(Buffer body, int maxBytes, MultiMap requestHeaders) {
        List<String> secrets = secrets(requestHeaders);
        int longest = secrets.isEmpty() ? 0 : secrets.get(0).length();
        // Every secret that starts within the first maxBytes lies wholly inside this window.
        int window = (int) Math.min(body.length(), (long) maxBytes + longest * 2L);
        String text = new String(body.getBytes(0, window), StandardCharsets.UTF_8);
        for (String secret : secrets) {
            text = text.replace(secret, "****");
        }
        if (body.length() <= maxBytes) {
            return text;
        }
        String cut = cutToBytes(text, maxBytes);
        for (String secret : secrets) {
            for (int n = Math.min(secret.length() - 1, cut.length()); n > 0; n--) {
                if (cut.endsWith(secret.substring(0, n))) {
                    cut = cut.substring(0, cut.length() - n);
                    break;
                }
            }
        }
        return cut + "… (" + body.length() + " bytes in all)";
    }

    /** The credentials in the headers, longest first, so that a whole header value goes before the token inside it. */
    private static List<String> secrets(MultiMap headers) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            String value = h.getValue();
            if (!isSecret(h.getKey()) || value.isEmpty()) {
                continue;
            }
            List<String> forms = new ArrayList<>(List.of(value));
            if (value.regionMatches(true, 0, "Bearer ", 0, 7) && value.length() > 7) {
                forms.add(value.substring(7));
            }
            for (String form : forms) {
                out.add(form);
                String json = form.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
                if (!json.equals(form)) {
                    out.add(json);
                }
            }
        }
        out.sort(Comparator.comparingInt(String::length).reversed());
        return out;
    }

    /** The longest prefix of {@code text} whose UTF-8 form fits in {@code maxBytes}, never splitting a character. */
    private static String cutToBytes(String text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }
}
