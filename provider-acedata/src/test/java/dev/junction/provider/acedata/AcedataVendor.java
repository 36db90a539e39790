package dev.junction.provider.acedata;

import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** acedata as its doc (003, Gemini Chat Completion API) describes it, for the conformance kit. */
final class AcedataVendor {
    /**
     * Images and mp4 video by URL (shown for 3.0 and 3.1, whose page says they work as the other
     * models do); every model returns reasoning_content and streams.
     */
    private static final Set<Capability> MULTIMODAL =
            EnumSet.of(Capability.IMAGE_INPUT, Capability.VIDEO_INPUT, Capability.REASONING_OUTPUT, Capability.STREAMING);

    static final VendorDeclaration DECLARATION = VendorDeclaration.builder("acedata")
            .documentedUrls("https://api.acedata.cloud", "https://api.acedata.cloud/gemini/chat/completions")
            .model(new ModelInfo("gemini-2.5-pro", "gemini-2.5-pro", MULTIMODAL, null))
            .model(new ModelInfo("gemini-3-pro", "gemini-3.0-pro", MULTIMODAL, null))
            .model(new ModelInfo("gemini-3.1-pro", "gemini-3.1-pro", MULTIMODAL, null))
            .streamsByDefault(false)
            .publishesPrices(false)
            .developerRole("system") // the docs show only system, user and assistant
            .acceptsMediaUrls(true)
            .sampleReplyFixture("fixtures/what-model-reply.json")
            .errorEnvelope((code, message) -> errorBody(code, message, "5b0e7d4c-0000-4000-8000-c0nf0rmance"))
            .build();

    private AcedataVendor() {
    }

    /** The doc's envelope, {@code {"success":false,"error":{"code","message"},"trace_id"}}. */
    static String errorBody(String code, String message, String traceId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", error);
        body.put("trace_id", traceId);
        return Fixtures.toJson(body);
    }
}
