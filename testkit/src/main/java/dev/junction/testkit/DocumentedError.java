package dev.junction.testkit;

import dev.junction.error.ErrorKind;
import java.util.Objects;

/**
 * One row of a vendor's documented error table and the canonical error Junction must raise.
 *
 * @param status the HTTP status the vendor answers with
 * @param vendorCode the vendor's error code
 * @param kind the canonical kind
 * @param retryable whether repeating the call may succeed
 * @param message the vendor's message in the body, which Junction's message must repeat
 * @param body the error body, from the docs' example where there is one
 * @param traceId the trace id Junction must keep, or {@code null} when the body carries none
 * @param hint a fragment the error's hint must contain (what the vendor's docs say to do), or {@code null}
 */
public record DocumentedError(
        int status, String vendorCode, ErrorKind kind, boolean retryable, String message, String body, String traceId, String hint) {

    /** Checks the required fields. */
    public DocumentedError {
        Objects.requireNonNull(vendorCode, "vendorCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(body, "body");
    }

    /** A row whose body carries no trace id. */
    public static DocumentedError row(int status, String vendorCode, ErrorKind kind, boolean retryable, String message, String body) {
        return new DocumentedError(status, vendorCode, kind, retryable, message, body, null, null);
    }

    /** This row, expecting the given trace id to be kept. */
    public DocumentedError withTraceId(String id) {
        return new DocumentedError(status, vendorCode, kind, retryable, message, body, id, hint);
    }

    /** This row, expecting the error's hint to contain {@code fragment}: the vendor's advice, from its profile. */
    public DocumentedError withHint(String fragment) {
        return new DocumentedError(status, vendorCode, kind, retryable, message, body, traceId, fragment);
    }

    /** A readable test name: {@code 429 spend_limit_exceeded -> SPEND_LIMIT_EXCEEDED, not retryable}. */
    public String describe() {
        return status + " " + vendorCode + " -> " + kind + (retryable ? ", retryable" : ", not retryable");
    }
}
