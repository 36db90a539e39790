package dev.junction.provider.aivideoapi;

import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** aivideoapi as its docs (000: gemini-3-pro, 001: gemini-2.5-pro) describe it, for the conformance kit. */
final class AivideoapiVendor {
    /** Both models: text, image, video, audio and PDF in; thinking with controls; tools, search, JSON schema; streaming. */
    private static final Set<Capability> GEMINI = EnumSet.complementOf(EnumSet.of(Capability.IMAGE_OUTPUT));

    /** The 类型 column of the docs' 错误码一览 table. */
    static final Map<String, String> ERROR_TYPES = Map.of(
            "invalid_request", "invalid_request_error",
            "invalid_api_key", "authentication_error",
            "insufficient_credits", "billing_error",
            "ip_not_allowed", "permission_error",
            "model_not_found", "invalid_request_error",
            "task_not_found", "invalid_request_error",
            "rate_limit_exceeded", "rate_limit_error",
            "spend_limit_exceeded", "billing_error",
            "internal_error", "api_error",
            "upstream_error", "upstream_error");

    static final VendorDeclaration DECLARATION = VendorDeclaration.builder("aivideoapi")
            .documentedUrls("https://api.aivideoapi.ai/v1", "https://api.aivideoapi.ai/v1/chat/completions")
            // 积分不足: "可通过 GET /v1/credits 查询余额"
            .documentedCreditsUrl("https://api.aivideoapi.ai/v1/credits")
            .model(new ModelInfo("gemini-3-pro", "gemini-3-pro", GEMINI, 1_000_000L))
            .model(new ModelInfo("gemini-2.5-pro", "gemini-2.5-pro", GEMINI, 1_000_000L))
            .streamsByDefault(true)
            .publishesPrices(true)
            .acceptsMediaUrls(true)
            .sampleReplyFixture("fixtures/gemini-3-pro-reply.json")
            .errorEnvelope(AivideoapiVendor::errorBody)
            .build();

    private AivideoapiVendor() {
    }

    /** The docs' envelope, {@code {"error":{"code","message","type"}}}, with the type the table gives the code. */
    static String errorBody(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("type", ERROR_TYPES.getOrDefault(code, "api_error"));
        return Fixtures.toJson(Map.of("error", error));
    }
}
