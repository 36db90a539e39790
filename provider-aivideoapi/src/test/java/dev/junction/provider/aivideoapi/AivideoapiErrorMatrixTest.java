package dev.junction.provider.aivideoapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.DocumentedError;
import dev.junction.testkit.ErrorMatrixConformance;
import dev.junction.testkit.VendorDeclaration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * aivideoapi's 错误码一览 table. The two bodies the docs print (invalid_request, insufficient_credits)
 * are served verbatim; the other codes get the same envelope with the table's type and 说明.
 */
class AivideoapiErrorMatrixTest extends ErrorMatrixConformance {

    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedError> documentedErrors() {
        return List.of(
                DocumentedError.row(400, "invalid_request", ErrorKind.INVALID_REQUEST, false,
                        "'model' is required.", fixture("fixtures/error-invalid-request.json")),
                table(401, "invalid_api_key", ErrorKind.AUTHENTICATION, false, "API Key 无效、已禁用或已删除"),
                DocumentedError.row(402, "insufficient_credits", ErrorKind.INSUFFICIENT_CREDITS, false,
                        "Your credit balance is too low. Please top up.", fixture("fixtures/error-insufficient-credits.json")),
                table(403, "ip_not_allowed", ErrorKind.PERMISSION_DENIED, false, "请求 IP 不在 Key 的白名单中"),
                table(404, "model_not_found", ErrorKind.MODEL_NOT_FOUND, false, "模型不存在或已停用"),
                table(404, "task_not_found", ErrorKind.INVALID_REQUEST, false, "任务 ID 不存在"),
                table(429, "rate_limit_exceeded", ErrorKind.RATE_LIMITED, true, "请求过于频繁,请降低频率"),
                table(429, "spend_limit_exceeded", ErrorKind.SPEND_LIMIT_EXCEEDED, false, "达到 Key 的消费限额(每小时/每天/总量)"),
                table(500, "internal_error", ErrorKind.SERVER_ERROR, true, "服务器内部错误"),
                table(503, "upstream_error", ErrorKind.UPSTREAM_ERROR, true, "上游 AI 服务返回错误"));
    }

    @Test
    void mapsSpendLimitToNonRetryable() {
        DocumentedError row = row("spend_limit_exceeded");
        // Even with a Retry-After from the 429, a spend limit is a billing matter: retrying will not help.
        JunctionException e = failWith(row, 429, Map.of("Retry-After", "60"));
        assertEquals(ErrorKind.SPEND_LIMIT_EXCEEDED, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.hint().orElse("").contains("spend limit"), () -> "hint: " + e.hint());
    }

    @Test
    void mapsUpstreamErrorToRetryableWithTheRefundHint() {
        JunctionException e = failWith(row("upstream_error"), 503, Map.of());
        assertEquals(ErrorKind.UPSTREAM_ERROR, e.kind());
        assertTrue(e.retryable());
        assertTrue(e.hint().orElse("").contains("refunded"), () -> "the docs say credits are refunded: " + e.hint());
    }

    @Test
    void pointsAnInsufficientCreditsErrorAtTheBalanceEndpoint() {
        JunctionException e = failWith(row("insufficient_credits"), 402, Map.of());
        assertEquals(ErrorKind.INSUFFICIENT_CREDITS, e.kind());
        assertTrue(e.hint().orElse("").contains("/v1/credits"), () -> "hint: " + e.hint());
    }

    private DocumentedError row(String code) {
        return documentedErrors().stream().filter(r -> r.vendorCode().equals(code)).findFirst().orElseThrow();
    }

    private static DocumentedError table(int status, String code, ErrorKind kind, boolean retryable, String description) {
        return DocumentedError.row(status, code, kind, retryable, description, AivideoapiVendor.errorBody(code, description));
    }
}
