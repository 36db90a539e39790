package dev.junction;

import dev.junction.error.Attempt;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The one error of a fallback whose providers all failed: the most telling kind, every provider's message, every attempt. */
final class FallbackErrors {
    /**
     * Kinds from the most to the least telling: the caller's own cancelling (the call ended because of
     * it), what the caller can fix, then what a vendor account needs, then passing trouble.
     */
    private static final List<ErrorKind> MOST_TELLING_FIRST = List.of(ErrorKind.CANCELLED, ErrorKind.INVALID_REQUEST, ErrorKind.UNSUPPORTED_FEATURE,
            ErrorKind.CONFIGURATION, ErrorKind.AUTHENTICATION, ErrorKind.PERMISSION_DENIED, ErrorKind.INSUFFICIENT_CREDITS,
            ErrorKind.SPEND_LIMIT_EXCEEDED, ErrorKind.MODEL_NOT_FOUND, ErrorKind.RATE_LIMITED, ErrorKind.UPSTREAM_ERROR,
            ErrorKind.SERVER_ERROR, ErrorKind.TIMEOUT, ErrorKind.NETWORK, ErrorKind.PROTOCOL);

    private FallbackErrors() {
    }

    /** One provider's failure as it stands; several combined into the most telling, listing all. */
    static JunctionException combined(List<JunctionException> failures, List<Attempt> attempts) {
        if (failures.size() == 1) {
            return failures.get(0).toBuilder().attempts(attempts).build();
        }
        JunctionException telling = failures.stream()
                .min(Comparator.comparingInt(e -> MOST_TELLING_FIRST.indexOf(e.kind())))
                .orElseThrow();
        String each = failures.stream()
                .map(e -> (e.provider() == null ? "?" : e.provider()) + ": " + e.kind()
                        + (e.httpStatus().isPresent() ? " (HTTP " + e.httpStatus().getAsInt() + ")" : "") + " " + e.getMessage())
                .collect(Collectors.joining("; "));
        return telling.toBuilder()
                .message("every provider failed: " + each)
                .attempts(attempts)
                .cause(telling)
                .build();
    }
}
