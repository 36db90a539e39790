package dev.junction.provider.yisu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.FinishReason;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.Part;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.testkit.DocumentedError;
import dev.junction.testkit.DocumentedReply;
import dev.junction.testkit.DocumentedRequest;
import dev.junction.testkit.DocumentedStream;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorConformance;
import dev.junction.testkit.VendorDeclaration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The conformance kit against yisu's doc (002, Gemini 3.0 Pro Image Preview API 文档). Images go as
 * {@code {"type":"image","image":"data:…"}}; where the doc elides a base64 payload, a real file
 * ({@code input.png}, {@code generated.jpg}) takes its place, and the verbatim elided reply is
 * checked in {@link YisuTruncatedDocImageTest}.
 */
class YisuConformanceTest extends VendorConformance {
    private static final String MODEL = "gemini-3-pro-image-preview";
    private static final String PRICE_WARNING = "Junction.builder().price(";

    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedReply> documentedReplies() {
        byte[] jpeg = Fixtures.bytes(getClass(), "fixtures/generated.jpg");
        return List.of(
                DocumentedReply.builder("文生图 (real JPEG in place of the elided one)", MODEL, "fixtures/text-to-image-reply-decodable.json")
                        .text("")
                        .finish(FinishReason.STOP, "stop")
                        .models(MODEL, "google/gemini-3-pro-image-preview")
                        .usage(14L, 1404L, 0L, 1404L, null, 1418L)
                        .image(new GeneratedImage(jpeg, "image/jpeg"))
                        .warning(PRICE_WARNING)
                        .build(),
                DocumentedReply.builder("图片理解", "google/gemini-3-pro-image-preview", "fixtures/vision-reply.json")
                        .text("图片中是一位站在海边的人,背景是夕阳。")
                        .finish(FinishReason.STOP, "stop")
                        .models(MODEL, "google/gemini-3-pro-image-preview")
                        .warning(PRICE_WARNING)
                        .build());
    }

    @Override
    protected List<DocumentedRequest> documentedRequests() {
        byte[] png = Fixtures.bytes(getClass(), "fixtures/input.png");
        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        return List.of(
                DocumentedRequest.exact("文生图", ChatRequest.builder().model(MODEL).user("生成一只戴着宇航员头盔的橘猫").build(),
                        "fixtures/text-to-image-request.json"),
                DocumentedRequest.adjusted("文生图 with the 参数说明 temperature and max_completion_tokens",
                        ChatRequest.builder().model(MODEL).user("生成一只戴着宇航员头盔的橘猫").temperature(0.7).maxOutputTokens(2048).build(),
                        "fixtures/text-to-image-request.json",
                        "the example sends neither; the parameter table documents temperature and max_completion_tokens (not max_tokens)",
                        body -> body.put("temperature", 0.7).put("max_completion_tokens", 2048)),
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

    /** 错误响应 examples, served verbatim; the doc gives no statuses, so each gets the natural one. */
    @Override
    protected List<DocumentedError> documentedErrors() {
        return List.of(
                DocumentedError.row(401, "invalid_api_key", ErrorKind.AUTHENTICATION, false, "Invalid API key.",
                        Fixtures.text(getClass(), "fixtures/error-invalid-api-key.json")),
                DocumentedError.row(400, "invalid_image", ErrorKind.INVALID_REQUEST, false, "Invalid image format.",
                        Fixtures.text(getClass(), "fixtures/error-invalid-image.json")).withHint("PNG, JPEG, WEBP and GIF"),
                DocumentedError.row(429, "rate_limit_exceeded", ErrorKind.RATE_LIMITED, true, "Rate limit exceeded.",
                        Fixtures.text(getClass(), "fixtures/error-rate-limit-exceeded.json")));
    }

    /**
     * 流式输出 / SSE响应示例, which as printed is not valid SSE (see {@link YisuStreamAsPrintedTest}):
     * the same two events and {@code [DONE]}, each compacted to one {@code data:} line and followed by
     * a blank line, the elided {@code delta.images} JPEG made real. No finish reason and no usage: a
     * clean {@code [DONE]} is a normal stop with raw reason {@code null}. The docs show no
     * non-streaming reply with this content, so the folded stream is compared with expected values.
     */
    @Override
    protected List<DocumentedStream> documentedStreams() {
        DocumentedReply reading = DocumentedReply.builder("流式输出 (compacted, real JPEG)", MODEL, "fixtures/text-to-image-stream.sse")
                .text("正在生成图片...")
                .finish(FinishReason.STOP, null)
                .models(MODEL, "google/gemini-3-pro-image-preview")
                .image(new GeneratedImage(Fixtures.bytes(getClass(), "fixtures/generated.jpg"), "image/jpeg"))
                .warning(PRICE_WARNING)
                .build();
        return List.of(DocumentedStream.builder(reading)
                .adjustment("pretty-printed events compacted to one data: line each, blank lines added, elided JPEG made real")
                .parts(StreamPart.Start.class, StreamPart.TextDelta.class, StreamPart.ImageOutput.class,
                        StreamPart.Warning.class, StreamPart.Finish.class)
                .textDeltas("正在生成图片...")
                .build());
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
