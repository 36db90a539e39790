package dev.junction.provider.google;

import dev.junction.error.ErrorKind;
import dev.junction.testkit.DocumentedError;
import dev.junction.testkit.ErrorMatrixConformance;
import dev.junction.testkit.VendorDeclaration;
import java.util.List;

/**
 * Google's errors: the google.rpc status names of the Gemini API's troubleshooting page
 * (ai.google.dev/gemini-api/docs/troubleshooting), in the envelope of the OpenAI-compatible endpoint.
 */
class GoogleErrorMatrixTest extends ErrorMatrixConformance {

    @Override
    protected VendorDeclaration vendor() {
        return GoogleVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedError> documentedErrors() {
        return List.of(
                DocumentedError.row(400, "INVALID_ARGUMENT", ErrorKind.INVALID_REQUEST, false,
                        "Invalid JSON payload received. Unknown name \"foo\": Cannot find field.",
                        fixture("fixtures/error-invalid-argument.json")),
                row(400, "FAILED_PRECONDITION", ErrorKind.PERMISSION_DENIED, false,
                        "User location is not supported for the API use without a billing account linked."),
                row(401, "UNAUTHENTICATED", ErrorKind.AUTHENTICATION, false, "Request had invalid authentication credentials."),
                row(403, "PERMISSION_DENIED", ErrorKind.PERMISSION_DENIED, false, "The caller does not have permission"),
                row(404, "NOT_FOUND", ErrorKind.MODEL_NOT_FOUND, false, "models/gemini-9-pro is not found for API version v1beta"),
                row(429, "RESOURCE_EXHAUSTED", ErrorKind.RATE_LIMITED, true, "Resource has been exhausted (e.g. check quota)."),
                row(500, "INTERNAL", ErrorKind.SERVER_ERROR, true, "An internal error has occurred."),
                row(503, "UNAVAILABLE", ErrorKind.SERVER_ERROR, true, "The model is overloaded. Please try again later."),
                row(504, "DEADLINE_EXCEEDED", ErrorKind.SERVER_ERROR, true, "Deadline expired before operation could complete."));
    }

    private static DocumentedError row(int status, String code, ErrorKind kind, boolean retryable, String message) {
        return DocumentedError.row(status, code, kind, retryable, message, GoogleVendor.errorBody(code, message));
    }
}
