package dev.junction.spi.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/**
 * Rejects keys a profile object does not know, so that a typo such as {@code "basUrl"} fails at
 * load time, with the nearest known key suggested, instead of silently falling back to a default.
 */
final class ProfileKeys {
    /** Beyond this many edits a suggestion is more likely noise than help. */
    private static final int MAX_EDITS = 3;

    private ProfileKeys() {
    }

    /**
     * Checks every key of {@code object}.
     *
     * @param prefix how the object's keys are named in messages, such as {@code "auth."}, or {@code ""} at the top
     */
    static void check(JsonNode object, List<String> known, String prefix, String resource) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!known.contains(key)) {
                String suggestion = nearest(key, known);
                throw VendorProfileReader.bad(resource, prefix + key, "is not a known field"
                        + (suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?")
                        + " Known fields" + (prefix.isEmpty() ? "" : " of " + prefix.substring(0, prefix.length() - 1))
                        + ": " + String.join(", ", known));
            }
        }
    }

    /** The known key closest to {@code key} by edit distance (case-insensitive), or {@code null} when none is close. */
    static String nearest(String key, List<String> known) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance && d < Math.max(2, candidate.length() / 2)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance; keys are short, so the two-row table is plenty. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
