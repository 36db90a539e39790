package dev.junction.provider.yisu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.DocumentedError;
import dev.junction.testkit.ErrorMatrixConformance;
import dev.junction.testkit.VendorDeclaration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * yisu's 错误响应 examples, served verbatim. The doc gives no HTTP statuses, so each gets the
 * natural one: 401 for a bad key, 400 for a bad image, 429 for rate limiting.
 */
class YisuErrorMatrixTest extends ErrorMatrixConformance {

    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedError> documentedErrors() {
        return List.of(
                DocumentedError.row(401, "invalid_api_key", ErrorKind.AUTHENTICATION, false, "Invalid API key.",
                        fixture("fixtures/error-invalid-api-key.json")),
                DocumentedError.row(400, "invalid_image", ErrorKind.INVALID_REQUEST, false, "Invalid image format.",
                        fixture("fixtures/error-invalid-image.json")),
                DocumentedError.row(429, "rate_limit_exceeded", ErrorKind.RATE_LIMITED, true, "Rate limit exceeded.",
                        fixture("fixtures/error-rate-limit-exceeded.json")));
    }

    @Test
    void mapsRateLimitToRetryableWithTheDelayAsked() {
        JunctionException e = failWith(documentedErrors().get(2), 429, Map.of("Retry-After", "12"));
        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertTrue(e.retryable());
        assertEquals(Optional.of(Duration.ofSeconds(12)), e.retryAfter());
    }

    @Test
    void mapsInvalidImageToInvalidRequestNamingTheAcceptedFormats() {
        JunctionException e = failWith(documentedErrors().get(1), 400, Map.of());
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        String hint = e.hint().orElse("");
        assertTrue(hint.contains("PNG") && hint.contains("JPEG") && hint.contains("WEBP") && hint.contains("GIF"),
                () -> "the hint should list 支持格式: " + hint);
    }
}
