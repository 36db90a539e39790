package dev.junction.provider.acedata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.FinishReason;
import dev.junction.chat.Message;
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
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The conformance kit against acedata's doc (003, Gemini Chat Completion API): reasoning in
 * {@code reasoning_content}, usage with {@code cached_tokens} and {@code reasoning_tokens} (part of
 * {@code completion_tokens}), images and mp4 video by URL, its {@code success:false} envelope with a
 * trace id. Long texts are read from the fixtures by JSON pointer rather than retyped.
 */
class AcedataConformanceTest extends VendorConformance {
    private static final String PRICE_WARNING = "Junction.builder().price(";
    private static final String NO_STREAM = "\"stream\": false is acedata's default, so Junction sends no stream field";
    private static final String STREAM_FIXTURE = "fixtures/what-are-you-stream.sse";
    private static final String DOC_TRACE_ID = "2cf86e86-22a4-46e1-ac2f-032c0f2a4e89";
    private static final String BAD_REQUEST = "Bad request, possibly due to missing or invalid parameters.";

    @Override
    protected VendorDeclaration vendor() {
        return AcedataVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedReply> documentedReplies() {
        return List.of(
                DocumentedReply.builder("基本使用: What model are you", "gemini-2.5-pro", "fixtures/what-model-reply.json")
                        .text("I am a large language model, trained by Google.")
                        .reasoning(docText("fixtures/what-model-reply.json", "/choices/0/message/reasoning_content"))
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-2.5-pro", "gemini-2.5-pro")
                        .usage(8L, 932L, 921L, null, 0L, 940L).audioInputTokens(0L)
                        .warning(PRICE_WARNING)
                        .build(),
                DocumentedReply.builder("多輪對話", "gemini-2.5-pro", "fixtures/multi-turn-reply.json")
                        .text("我是一個大型語言模型,由 Google 訓練。")
                        .reasoning(docText("fixtures/multi-turn-reply.json", "/choices/0/message/reasoning_content"))
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-2.5-pro", "gemini-2.5-pro")
                        .usage(16L, 265L, 254L, null, 0L, 281L).audioInputTokens(0L)
                        .warning(PRICE_WARNING)
                        .build(),
                DocumentedReply.builder("Gemini-3.0 多模態: 圖片", "gemini-3-pro", "fixtures/gemini-3-pro-image-reply.json")
                        .text(docText("fixtures/gemini-3-pro-image-reply.json", "/choices/0/message/content"))
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-3-pro", "gemini-3.0-pro")
                        .usage(1092L, 1271L, 1072L, null, 0L, 2363L).audioInputTokens(0L)
                        .warning(PRICE_WARNING)
                        .build());
    }

    /** The doc's bodies; its multimodal examples send acedata's default {@code "stream": false}, which Junction leaves out. */
    @Override
    protected List<DocumentedRequest> documentedRequests() {
        return List.of(
                DocumentedRequest.exact("多輪對話", ChatRequest.builder().model("gemini-2.5-pro")
                                .user("你好").message(Message.assistant("你好!我今天能幫助你什麼?")).user("你是什麼模型?").build(),
                        "fixtures/multi-turn-request.json"),
                multimodal("Gemini-3.0 多模態: 圖片", "gemini-3-pro", "圖片的內容是什麼?", "https://cdn.acedata.cloud/qzx2z1.png",
                        "fixtures/gemini-3-pro-image-request.json"),
                multimodal("Gemini-3.0 多模態: 視頻", "gemini-3-pro", "視頻的內容是什麼?", "https://cdn.acedata.cloud/58yioe.mp4",
                        "fixtures/gemini-3-pro-video-request.json"),
                multimodal("Gemini-3.1 多模態: 圖片", "gemini-3.1-pro", "圖片的內容是什麼?", "https://cdn.acedata.cloud/qzx2z1.png",
                        "fixtures/gemini-3.1-pro-image-request.json"),
                multimodal("Gemini-3.1 多模態: 視頻", "gemini-3.1-pro", "視頻的內容是什麼?", "https://cdn.acedata.cloud/58yioe.mp4",
                        "fixtures/gemini-3.1-pro-video-request.json"));
    }


    /**
     * 錯誤處理. The api_error body is the doc's 錯誤響應示例, verbatim, whose trace id must win over a
     * proxy's request id; the other codes get the same envelope with the doc's description and their
     * own trace id.
     */
    @Override
    protected List<DocumentedError> documentedErrors() {
        return List.of(
                envelope(400, "token_mismatched", ErrorKind.INVALID_REQUEST, false, BAD_REQUEST, "0c7f2f0e-1a1b-4c8e-9d01-000000000400"),
                envelope(400, "api_not_implemented", ErrorKind.INVALID_REQUEST, false, BAD_REQUEST, "0c7f2f0e-1a1b-4c8e-9d01-000000000401"),
                envelope(401, "invalid_token", ErrorKind.AUTHENTICATION, false,
                        "Unauthorized, invalid or missing authorization token.", "0c7f2f0e-1a1b-4c8e-9d01-000000000402")
                        .withHint("ACEDATA_API_KEY"),
                envelope(429, "too_many_requests", ErrorKind.RATE_LIMITED, true,
                        "Too many requests, you have exceeded the rate limit.", "0c7f2f0e-1a1b-4c8e-9d01-000000000403"),
                apiError());
    }

    /**
     * 003, the {@code data:} lines after 輸出效果如下, verbatim with the doc's blank lines: an empty
     * opening delta, three {@code reasoning_content} deltas, the answer, a finish chunk, a usage chunk
     * with {@code choices: []}, then {@code [DONE]}. The docs have no non-streaming reply with this
     * content, so the folded stream is compared with expected values.
     */
    @Override
    protected List<DocumentedStream> documentedStreams() {
        String first = reasoningDelta(1);
        String second = reasoningDelta(2);
        String third = reasoningDelta(3);
        DocumentedReply reading = DocumentedReply.builder("流式響應: 你是什麼?", "gemini-2.5-pro", STREAM_FIXTURE)
                .text("我是一個大型語言模型,由 Google 訓練。")
                .reasoning(first + second + third)
                .finish(FinishReason.STOP, "stop")
                .models("gemini-2.5-pro", "gemini-2.5-pro")
                .usage(8L, 527L, 519L, null, 0L, 535L).audioInputTokens(0L)
                .warning(PRICE_WARNING)
                .build();
        return List.of(DocumentedStream.builder(reading)
                .parts(StreamPart.Start.class,
                        StreamPart.ReasoningDelta.class, StreamPart.ReasoningDelta.class, StreamPart.ReasoningDelta.class,
                        StreamPart.TextDelta.class,
                        StreamPart.Warning.class, StreamPart.UsageReport.class, StreamPart.Finish.class)
                .reasoningDeltas(first, second, third)
                .textDeltas("我是一個大型語言模型,由 Google 訓練。")
                .build());
    }

    /** Mid-stream, the doc's 錯誤響應示例 ({@code api_error}, {@code fetch failed}) arrives as an event. */
    @Override
    protected DocumentedError midStreamError() {
        return apiError();
    }

    private DocumentedError apiError() {
        return DocumentedError.row(500, "api_error", ErrorKind.SERVER_ERROR, true, "fetch failed",
                Fixtures.text(getClass(), "fixtures/error-api-error.json")).withTraceId(DOC_TRACE_ID);
    }

    private static DocumentedError envelope(int status, String code, ErrorKind kind, boolean retryable, String message, String traceId) {
        return DocumentedError.row(status, code, kind, retryable, message, AcedataVendor.errorBody(code, message, traceId))
                .withTraceId(traceId);
    }

    private static DocumentedRequest multimodal(String name, String model, String question, String url, String fixture) {
        return DocumentedRequest.adjusted(name, ChatRequest.builder().model(model).user(Part.text(question), Part.url(URI.create(url))).build(),
                fixture, NO_STREAM, dropDefaultStream());
    }

    /** Removes the doc's {@code "stream": false}, checking that is what the doc had. */
    private static UnaryOperator<ObjectNode> dropDefaultStream() {
        return body -> {
            assertTrue(body.path("stream").isBoolean(), () -> "the doc's example should say stream: " + body);
            assertEquals(false, body.path("stream").asBoolean());
            body.remove("stream");
            return body;
        };
    }

    private String docText(String fixture, String pointer) {
        return Fixtures.textAt(getClass(), fixture, pointer);
    }

    private String reasoningDelta(int event) {
        return Fixtures.sseJson(getClass(), STREAM_FIXTURE).get(event).at("/choices/0/delta/reasoning_content").asText();
    }
}
