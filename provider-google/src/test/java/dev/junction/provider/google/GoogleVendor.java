package dev.junction.provider.google;

import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Google's OpenAI-compatible endpoint as ai.google.dev/gemini-api/docs/openai describes it, for the conformance kit. */
final class GoogleVendor {
    private static final Set<Capability> CHAT = EnumSet.of(Capability.IMAGE_INPUT, Capability.REASONING_OUTPUT,
            Capability.REASONING_CONTROL, Capability.TOOLS, Capability.STRUCTURED_OUTPUT, Capability.STREAMING);

    /** google.rpc status → HTTP status, as Google's error envelope pairs them. */
    private static final Map<String, Integer> HTTP = Map.of("INVALID_ARGUMENT", 400, "FAILED_PRECONDITION", 400,
            "UNAUTHENTICATED", 401, "PERMISSION_DENIED", 403, "NOT_FOUND", 404, "RESOURCE_EXHAUSTED", 429,
            "INTERNAL", 500, "UNAVAILABLE", 503, "DEADLINE_EXCEEDED", 504);

    static final VendorDeclaration DECLARATION = VendorDeclaration.builder("google")
            .documentedUrls("https://generativelanguage.googleapis.com/v1beta/openai",
                    "https://generativelanguage.googleapis.com/v1beta/openai/chat/completions")
            .model(new ModelInfo("gemini-2.5-pro", "gemini-2.5-pro", CHAT, null))
            .model(new ModelInfo("gemini-3-pro", "gemini-3-pro-preview", CHAT, null))
            .model(new ModelInfo("gemini-3-pro-image-preview", "gemini-3-pro-image-preview", EnumSet.of(Capability.IMAGE_OUTPUT), null))
            .streamsByDefault(false)
            .publishesPrices(true)
            .developerRole("system")
            .acceptsMediaUrls(false)
            .documentedModelsUrl("https://generativelanguage.googleapis.com/v1beta/openai/models")
            .documentedImagesUrl("https://generativelanguage.googleapis.com/v1beta/openai/images/generations", "gemini-3-pro-image-preview")
            .sampleReplyFixture("fixtures/chat-reply.json")
            .errorEnvelope(GoogleVendor::errorBody)
            .streamErrorEnvelope(GoogleVendor::errorEvent)
            .build();

    private GoogleVendor() {
    }

    /** Google's envelope, {@code [{"error":{"code":400,"message","status":"INVALID_ARGUMENT"}}]}. */
    static String errorBody(String status, String message) {
        return "[" + errorEvent(status, message) + "]";
    }

    /** The same error as one stream event: the object, without the array of an error reply. */
    static String errorEvent(String status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", HTTP.getOrDefault(status, 500));
        error.put("message", message);
        error.put("status", status);
        return Fixtures.toJson(Map.of("error", error));
    }
}
