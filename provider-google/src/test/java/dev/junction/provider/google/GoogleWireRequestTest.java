package dev.junction.provider.google;

import dev.junction.chat.ChatRequest;
import dev.junction.testkit.DocumentedRequest;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import dev.junction.testkit.WireRequestConformance;
import java.util.List;
import java.util.Map;

class GoogleWireRequestTest extends WireRequestConformance {
    @Override
    protected VendorDeclaration vendor() {
        return GoogleVendor.DECLARATION;
    }

    /** The compatibility page's first example, with gemini-2.5-pro in place of the page's Flash model. */
    @Override
    protected List<DocumentedRequest> documentedRequests() {
        return List.of(DocumentedRequest.exact("OpenAI compatibility: Explain to me how AI works",
                ChatRequest.builder().model("gemini-2.5-pro").system("You are a helpful assistant.").user("Explain to me how AI works").build(),
                "fixtures/explain-request.json"));
    }

    @Override
    protected String mediaPartJson(String url) {
        return Fixtures.toJson(Map.of("type", "image_url", "image_url", Map.of("url", url)));
    }
}
