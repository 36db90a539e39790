package dev.junction.provider.acedata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.DocumentedError;
import dev.junction.testkit.ErrorMatrixConformance;
import dev.junction.testkit.VendorDeclaration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * acedata's 錯誤處理 list. The api_error body is the doc's 錯誤響應示例, verbatim; the other codes
 * get the same envelope with the doc's description and their own trace id.
 */
class AcedataErrorMatrixTest extends ErrorMatrixConformance {
    private static final String DOC_TRACE_ID = "2cf86e86-22a4-46e1-ac2f-032c0f2a4e89";
    private static final String BAD_REQUEST = "Bad request, possibly due to missing or invalid parameters.";

    @Override
    protected VendorDeclaration vendor() {
        return AcedataVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedError> documentedErrors() {
        return List.of(
                envelope(400, "token_mismatched", ErrorKind.INVALID_REQUEST, false, BAD_REQUEST, "0c7f2f0e-1a1b-4c8e-9d01-000000000400"),
                envelope(400, "api_not_implemented", ErrorKind.INVALID_REQUEST, false, BAD_REQUEST, "0c7f2f0e-1a1b-4c8e-9d01-000000000401"),
                envelope(401, "invalid_token", ErrorKind.AUTHENTICATION, false,
                        "Unauthorized, invalid or missing authorization token.", "0c7f2f0e-1a1b-4c8e-9d01-000000000402"),
                envelope(429, "too_many_requests", ErrorKind.RATE_LIMITED, true,
                        "Too many requests, you have exceeded the rate limit.", "0c7f2f0e-1a1b-4c8e-9d01-000000000403"),
                DocumentedError.row(500, "api_error", ErrorKind.SERVER_ERROR, true, "fetch failed", fixture("fixtures/error-api-error.json"))
                        .withTraceId(DOC_TRACE_ID));
    }

    @Test
    void keepsTheDocumentedTraceIdOverAProxysRequestId() {
        JunctionException e = failWith(documentedErrors().get(4), 500, Map.of("x-request-id", "proxy-request-1"));
        assertEquals(Optional.of(DOC_TRACE_ID), e.traceId());
        assertEquals(ErrorKind.SERVER_ERROR, e.kind());
        assertTrue(e.retryable());
    }

    @Test
    void mapsTooManyRequestsToRetryable() {
        JunctionException e = failWith(documentedErrors().get(3), 429, Map.of());
        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertTrue(e.retryable());
    }

    @Test
    void pointsAnInvalidTokenAtTheAcquirePage() {
        JunctionException e = failWith(documentedErrors().get(2), 401, Map.of());
        assertEquals(ErrorKind.AUTHENTICATION, e.kind());
        assertTrue(e.hint().orElse("").contains("ACEDATA_API_KEY"), () -> "hint: " + e.hint());
    }

    private static DocumentedError envelope(int status, String code, ErrorKind kind, boolean retryable, String message, String traceId) {
        return DocumentedError.row(status, code, kind, retryable, message, AcedataVendor.errorBody(code, message, traceId))
                .withTraceId(traceId);
    }
}
