package dev.junction.provider.yisu;

import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** yisu as its doc (002, Gemini 3.0 Pro Image Preview API 文档) describes it, for the conformance kit. */
final class YisuVendor {
    /** The {@code type} each documented error code comes with. */
    static final Map<String, String> ERROR_TYPES = Map.of(
            "invalid_api_key", "authentication_error",
            "invalid_image", "invalid_request_error",
            "rate_limit_exceeded", "rate_limit_error");

    static final VendorDeclaration DECLARATION = VendorDeclaration.builder("yisu")
            .documentedUrls("https://api.yisu.com", "https://api.yisu.com/v1/chat/completions")
            // 获取模型列表: GET /v1/models
            .documentedModelsUrl("https://api.yisu.com/v1/models")
            // 文生图, 图生图, 图片编辑, 图片理解, 多图融合; reasoning_content in replies; 流式输出.
            .model(new ModelInfo("gemini-3-pro-image-preview", "google/gemini-3-pro-image-preview",
                    EnumSet.of(Capability.IMAGE_INPUT, Capability.IMAGE_OUTPUT, Capability.REASONING_OUTPUT, Capability.STREAMING),
                    null))
            .streamsByDefault(false)
            .publishesPrices(false)
            .developerRole("system") // the docs show only system, user and assistant
            .acceptsMediaUrls(false) // 支持 Base64 图片输入 only
            .sampleReplyFixture("fixtures/vision-reply.json")
            .errorEnvelope(YisuVendor::errorBody)
            .build();

    private YisuVendor() {
    }

    /** The docs' envelope, {@code {"error":{"message","type","code"}}}. */
    static String errorBody(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", ERROR_TYPES.getOrDefault(code, "api_error"));
        error.put("code", code);
        return Fixtures.toJson(Map.of("error", error));
    }
}
