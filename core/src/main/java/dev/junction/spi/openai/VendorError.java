package dev.junction.spi.openai;

/**
 * What a vendor's error envelope said; any field may be {@code null}.
 *
 * @param code the vendor's error code, such as {@code rate_limit_exceeded}
 * @param message the vendor's message
 * @param type the vendor's error type, such as {@code billing_error}
 * @param traceId the vendor's trace id for support requests
 */
public record VendorError(String code, String message, String type, String traceId) {
}
