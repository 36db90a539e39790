package dev.junction.provider.aivideoapi;

import static dev.junction.testkit.WireAssertions.assertSameJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.Part;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.testkit.DocumentedRequest;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import dev.junction.testkit.WireRequestConformance;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The request bodies aivideoapi's docs show. aivideoapi streams by default, so every
 * non-streaming call adds {@code "stream": false} to the doc's body — the one stated change.
 */
class AivideoapiWireRequestTest extends WireRequestConformance {
    private static final String STREAM_DEFAULT = "aivideoapi streams by default (stream 默认 true): Junction adds \"stream\": false";
    private static final UnaryOperator<ObjectNode> STREAM_FALSE = body -> body.put("stream", false);

    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedRequest> documentedRequests() {
        return List.of(
                DocumentedRequest.adjusted("000 创建对话",
                        ChatRequest.builder().model("gemini-3-pro").user("用简单的语言解释相对论").build(),
                        "fixtures/gemini-3-pro-request.json", STREAM_DEFAULT, STREAM_FALSE),
                DocumentedRequest.adjusted("001 多模态(图片输入)",
                        ChatRequest.builder().model("gemini-2.5-pro")
                                .user(Part.text("详细描述这张图片"), Part.url(URI.create("https://example.com/photo.jpg"))).build(),
                        "fixtures/gemini-2.5-pro-image-request.json", STREAM_DEFAULT, STREAM_FALSE),
                DocumentedRequest.adjusted("001 低推理强度",
                        ChatRequest.builder().model("gemini-2.5-pro").user("2+2 等于几?")
                                .reasoning(ReasoningSettings.effort(ReasoningEffort.LOW)).build(),
                        "fixtures/gemini-2.5-pro-low-reasoning-request.json", STREAM_DEFAULT, STREAM_FALSE),
                DocumentedRequest.adjusted("001 低推理强度, thoughts off",
                        ChatRequest.builder().model("gemini-2.5-pro").user("2+2 等于几?")
                                .reasoning(new ReasoningSettings(ReasoningEffort.LOW, false)).build(),
                        "fixtures/gemini-2.5-pro-low-reasoning-request.json",
                        STREAM_DEFAULT + "; includeThoughts=false becomes include_thoughts (默认 true)",
                        body -> body.put("include_thoughts", false).put("stream", false)));
    }

    @Override
    protected String mediaPartJson(String url) {
        return Fixtures.toJson(Map.of("type", "image_url", "image_url", Map.of("url", url)));
    }

    @Test
    void sendsAPdfInTheSameImageUrlShapeAsTheDocsMessage() {
        JsonNode body = send(ChatRequest.builder().model("gemini-3-pro")
                .user(Part.text("这个文档讲了什么?"), Part.url(URI.create("https://example.com/doc.pdf"))).build());

        assertSameJson(fixture("fixtures/gemini-3-pro-pdf-message.json"), body.path("messages").path(0).toString(),
                "000 多模态消息 (PDF)");
    }
}
