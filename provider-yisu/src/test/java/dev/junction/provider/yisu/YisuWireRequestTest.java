package dev.junction.provider.yisu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.DocumentedRequest;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import dev.junction.testkit.WireRequestConformance;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The request bodies yisu's doc shows: 文生图 exactly, and 图片编辑 with its elided base64
 * completed by a real PNG ({@code fixtures/input.png}). Images go as {@code {"type":"image","image":"data:…"}}.
 */
class YisuWireRequestTest extends WireRequestConformance {
    private static final String MODEL = "gemini-3-pro-image-preview";

    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedRequest> documentedRequests() {
        byte[] png = Fixtures.bytes(getClass(), "fixtures/input.png");
        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        return List.of(
                DocumentedRequest.exact("文生图",
                        ChatRequest.builder().model(MODEL).user("生成一只戴着宇航员头盔的橘猫").build(),
                        "fixtures/text-to-image-request.json"),
                DocumentedRequest.adjusted("图片编辑",
                        ChatRequest.builder().model(MODEL).user(Part.text("给人物添加墨镜"), Part.bytes(png, "image/png")).build(),
                        "fixtures/image-edit-request.json",
                        "the doc elides the base64 after iVBORw0KGgoAAAANSUhEUgAA; the wire carries all of input.png",
                        body -> completeElidedImage(body, dataUri)));
    }

    @Override
    protected String mediaPartJson(String url) {
        return Fixtures.toJson(Map.of("type", "image", "image", url));
    }

    @Test
    void sendsTemperatureAndMaxCompletionTokensAsDocumented() {
        JsonNode body = send(ChatRequest.builder().model(MODEL).user("生成未来城市夜景").temperature(0.7).maxOutputTokens(2048).build());

        assertEquals(0.7, body.path("temperature").asDouble(), 0.0);
        assertEquals(2048, body.path("max_completion_tokens").asInt());
        assertFalse(body.has("max_tokens"), () -> "yisu documents max_completion_tokens, not max_tokens: " + body);
    }

    @Test
    void rejectsVideoBeforeSending() {
        JunctionException e = failure(chatModel(MODEL),
                ChatRequest.builder().model(MODEL).user(Part.text("视频的内容是什么?"), Part.bytes(new byte[] {0, 0, 0, 24}, "video/mp4")).build());

        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertTrue(e.getMessage().contains("video/mp4"), e::getMessage);
        assertEquals(List.of(), stub().requests());
    }

    @Test
    void rejectsAnImageFormatOutsidePngJpegWebpGifBeforeSending() {
        JunctionException e = failure(chatModel(MODEL),
                ChatRequest.builder().model(MODEL).user(Part.text("分析图片内容"), Part.bytes(new byte[] {'B', 'M'}, "image/bmp")).build());

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.hint().orElse("").contains("PNG, JPEG, WEBP or GIF"), () -> "hint: " + e.hint());
        assertEquals(List.of(), stub().requests());
    }

    /** Puts the full data URI where the doc shows {@code iVBORw0KGgoAAAANSUhEUgAA...}, checking the doc's part is its start. */
    private static ObjectNode completeElidedImage(ObjectNode body, String dataUri) {
        ObjectNode part = (ObjectNode) body.at("/messages/0/content/1");
        String shown = part.path("image").asText();
        assertTrue(shown.endsWith("..."), () -> "the doc's image should be elided: " + shown);
        String prefix = shown.substring(0, shown.length() - "...".length());
        assertTrue(dataUri.startsWith(prefix), () -> "input.png should begin as the doc's example does: " + prefix);
        part.put("image", dataUri);
        return body;
    }
}
