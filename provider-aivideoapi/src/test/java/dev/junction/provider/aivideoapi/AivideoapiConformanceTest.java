package dev.junction.provider.aivideoapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.FinishReason;
import dev.junction.chat.Part;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.StreamPart;
import dev.junction.chat.Tool;
import dev.junction.error.ErrorKind;
import dev.junction.testkit.DocumentedError;
import dev.junction.testkit.DocumentedReply;
import dev.junction.testkit.DocumentedRequest;
import dev.junction.testkit.DocumentedStream;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorConformance;
import dev.junction.testkit.VendorDeclaration;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The conformance kit against aivideoapi's docs (000: gemini-3-pro, 001: gemini-2.5-pro): its
 * replies costed from the 定价 tables (dollars from the 价格 column, credits independently from the
 * 积分 column), its request bodies, its stream, its 错误码一览 table, its googleSearch tool.
 */
class AivideoapiConformanceTest extends VendorConformance {
    private static final String STREAM_DEFAULT = "aivideoapi streams by default (stream 默认 true): Junction adds \"stream\": false";
    private static final UnaryOperator<ObjectNode> STREAM_FALSE = body -> body.put("stream", false);
    private static final String STREAMED_TEXT = "量子计算";
    /** The docs' rate: 200 credits to the dollar (57 credits = $0.285, 450 credits = $2.25). */
    private static final BigDecimal CREDITS_PER_USD = BigDecimal.valueOf(200);
    private static final String WEATHER = "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\","
            + "\"description\":\"城市名称\"}},\"required\":[\"location\"]}";
    private static final String SCIENTISTS = "{\"type\":\"object\",\"properties\":{\"list\":{\"type\":\"array\",\"items\":"
            + "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"field\":{\"type\":\"string\"}},"
            + "\"required\":[\"name\",\"field\"]}}},\"required\":[\"list\"]}";

    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedReply> documentedReplies() {
        return List.of(
                DocumentedReply.builder("gemini-3-pro 响应", "gemini-3-pro", "fixtures/gemini-3-pro-reply.json")
                        .text("相对论分为狭义和广义...")
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-3-pro", "gemini-3-pro")
                        .usage(12L, 86L, null, null, null, 98L)
                        // 输入 $0.80 / 160 credits, 输出 $4.80 / 960 credits per 1M tokens
                        .cost(perMillion(12, "0.80").add(perMillion(86, "4.80")), perMillion(12, "160").add(perMillion(86, "960")))
                        .build(),
                DocumentedReply.builder("gemini-2.5-pro 响应(非流式)", "gemini-2.5-pro", "fixtures/gemini-2.5-pro-reply.json")
                        .text("量子计算使用量子比特(qubit)...")
                        .finish(FinishReason.STOP, "stop")
                        .models("gemini-2.5-pro", "gemini-2.5-pro")
                        .usage(12L, 86L, null, null, null, 98L)
                        // 输入 $0.285 / 57 credits, 输出 $2.25 / 450 credits per 1M tokens
                        .cost(perMillion(12, "0.285").add(perMillion(86, "2.25")), perMillion(12, "57").add(perMillion(86, "450")))
                        .build());
    }

    @Override
    protected List<DocumentedRequest> documentedRequests() {
        return List.of(
                DocumentedRequest.adjusted("000 创建对话", ChatRequest.builder().model("gemini-3-pro").user("用简单的语言解释相对论").build(),
                        "fixtures/gemini-3-pro-request.json", STREAM_DEFAULT, STREAM_FALSE),
                DocumentedRequest.adjusted("000 多模态消息 (PDF)", ChatRequest.builder().model("gemini-3-pro")
                                .user(Part.text("这个文档讲了什么?"), Part.url(URI.create("https://example.com/doc.pdf"))).build(),
                        "fixtures/gemini-3-pro-pdf-message.json", "the doc shows the message alone; " + STREAM_DEFAULT,
                        message -> requestOf("gemini-3-pro", message)),
                DocumentedRequest.adjusted("001 多模态(图片输入)", ChatRequest.builder().model("gemini-2.5-pro")
                                .user(Part.text("详细描述这张图片"), Part.url(URI.create("https://example.com/photo.jpg"))).build(),
                        "fixtures/gemini-2.5-pro-image-request.json", STREAM_DEFAULT, STREAM_FALSE),
                DocumentedRequest.adjusted("001 低推理强度", ChatRequest.builder().model("gemini-2.5-pro").user("2+2 等于几?")
                                .reasoning(ReasoningSettings.effort(ReasoningEffort.LOW)).build(),
                        "fixtures/gemini-2.5-pro-low-reasoning-request.json", STREAM_DEFAULT, STREAM_FALSE),
                DocumentedRequest.adjusted("001 低推理强度, thoughts off", ChatRequest.builder().model("gemini-2.5-pro").user("2+2 等于几?")
                                .reasoning(new ReasoningSettings(ReasoningEffort.LOW, false)).build(),
                        "fixtures/gemini-2.5-pro-low-reasoning-request.json",
                        STREAM_DEFAULT + "; includeThoughts=false becomes include_thoughts (默认 true)",
                        body -> body.put("include_thoughts", false).put("stream", false)),
                DocumentedRequest.adjusted("001 函数调用", ChatRequest.builder().model("gemini-2.5-pro").user("东京今天天气怎么样?")
                                .tool(Tool.function("get_weather", "获取指定城市的当前天气", WEATHER)).build(),
                        "fixtures/gemini-2.5-pro-function-call-request.json", STREAM_DEFAULT, STREAM_FALSE),
                DocumentedRequest.adjusted("000 Google 搜索", ChatRequest.builder().model("gemini-3-pro").user("今天 Bitcoin 价格")
                                .tool(Tool.webSearch()).build(),
                        "fixtures/gemini-3-pro-google-search-request.json", STREAM_DEFAULT, STREAM_FALSE),
                DocumentedRequest.adjusted("000 结构化输出", ChatRequest.builder().model("gemini-3-pro").user("列出 3 位著名科学家")
                                .responseFormat(ResponseFormat.jsonSchema("scientists", true, SCIENTISTS)).build(),
                        "fixtures/gemini-3-pro-structured-output-request.json", STREAM_DEFAULT, STREAM_FALSE));
    }


    @Override
    protected String webSearchToolJson() {
        return "{\"type\":\"function\",\"function\":{\"name\":\"googleSearch\"}}";
    }

    /**
     * 错误码一览. The two bodies the docs print (invalid_request, insufficient_credits) are served
     * verbatim; the other codes get the same envelope with the table's type and 说明. Each row's hint
     * is the profile's advice for it.
     */
    @Override
    protected List<DocumentedError> documentedErrors() {
        return List.of(
                DocumentedError.row(400, "invalid_request", ErrorKind.INVALID_REQUEST, false,
                        "'model' is required.", Fixtures.text(getClass(), "fixtures/error-invalid-request.json")),
                table(401, "invalid_api_key", ErrorKind.AUTHENTICATION, false, "API Key 无效、已禁用或已删除").withHint("keys start with sk-"),
                DocumentedError.row(402, "insufficient_credits", ErrorKind.INSUFFICIENT_CREDITS, false,
                        "Your credit balance is too low. Please top up.", Fixtures.text(getClass(), "fixtures/error-insufficient-credits.json"))
                        .withHint("GET /v1/credits"),
                table(403, "ip_not_allowed", ErrorKind.PERMISSION_DENIED, false, "请求 IP 不在 Key 的白名单中"),
                table(404, "model_not_found", ErrorKind.MODEL_NOT_FOUND, false, "模型不存在或已停用"),
                table(404, "task_not_found", ErrorKind.INVALID_REQUEST, false, "任务 ID 不存在"),
                table(429, "rate_limit_exceeded", ErrorKind.RATE_LIMITED, true, "请求过于频繁,请降低频率"),
                // Even with the matrix's Retry-After, a spend limit is a billing matter: not retryable.
                table(429, "spend_limit_exceeded", ErrorKind.SPEND_LIMIT_EXCEEDED, false, "达到 Key 的消费限额(每小时/每天/总量)")
                        .withHint("spend limit"),
                table(500, "internal_error", ErrorKind.SERVER_ERROR, true, "服务器内部错误"),
                table(503, "upstream_error", ErrorKind.UPSTREAM_ERROR, true, "上游 AI 服务返回错误").withHint("refunded"));
    }

    /**
     * 001 响应(流式): the four {@code data:} lines verbatim, framed with the blank line SSE puts after
     * each event. The stream sends no {@code finish_reason}: a clean {@code [DONE]} is a normal stop
     * (raw reason {@code null}). Its twin, 响应(非流式), has the same id and usage, a longer text and "stop".
     */
    @Override
    protected List<DocumentedStream> documentedStreams() {
        BigDecimal usd = perMillion(12, "0.285").add(perMillion(86, "2.25"));
        DocumentedReply reading = DocumentedReply.builder("gemini-2.5-pro 响应(流式)", "gemini-2.5-pro", "fixtures/gemini-2.5-pro-stream.sse")
                .text(STREAMED_TEXT)
                .finish(FinishReason.STOP, null)
                .models("gemini-2.5-pro", "gemini-2.5-pro")
                .usage(12L, 86L, null, null, null, 98L)
                .cost(usd, usd.multiply(CREDITS_PER_USD))
                .build();
        return List.of(DocumentedStream.builder(reading)
                .adjustment("none (SSE blank lines between the printed events)")
                .parts(StreamPart.Start.class, StreamPart.TextDelta.class, StreamPart.TextDelta.class,
                        StreamPart.UsageReport.class, StreamPart.Finish.class)
                .textDeltas("量子", "计算")
                .twin("fixtures/gemini-2.5-pro-reply.json",
                        "the doc's stream text is 量子计算 where its non-streaming reply has 量子计算使用量子比特(qubit)..., "
                                + "and the stream sends no finish_reason where the reply sends \"stop\"",
                        AivideoapiConformanceTest::asStreamed)
                .build());
    }

    /** Google failing after the first tokens is the one documented error that can strike mid-answer. */
    @Override
    protected DocumentedError midStreamError() {
        return table(503, "upstream_error", ErrorKind.UPSTREAM_ERROR, true, "上游 AI 服务返回错误");
    }

    private static ChatResponse asStreamed(ChatResponse plain) {
        return new ChatResponse(plain.id(), plain.provider(), plain.model(), plain.vendorModel(), STREAMED_TEXT,
                plain.reasoning(), plain.images(), plain.toolCalls(), plain.finishReason(), null, plain.usage(),
                plain.cost(), plain.warnings(), List.of());
    }

    /** The body that carries the doc's one message: model, messages, and the stream flag this vendor needs. */
    private static ObjectNode requestOf(String model, ObjectNode message) {
        ObjectNode body = Fixtures.parseObject(Fixtures.toJson(Map.of("model", model)));
        body.putArray("messages").add(message);
        return body.put("stream", false);
    }

    private static DocumentedError table(int status, String code, ErrorKind kind, boolean retryable, String description) {
        return DocumentedError.row(status, code, kind, retryable, description, AivideoapiVendor.errorBody(code, description));
    }

    private static BigDecimal perMillion(long tokens, String price) {
        return new BigDecimal(price).multiply(BigDecimal.valueOf(tokens)).divide(BigDecimal.valueOf(1_000_000));
    }

    /**
     * aivideoapi forwards Gemini, so its tool calls carry Gemini 3's thought signatures. Its docs
     * show the function-call request but no tool-call reply, so these fixtures are its documented
     * reply envelope (000 响应, and the 001 stream's events) with OpenAI's {@code tool_calls} and
     * Google's {@code extra_content.google.thought_signature} on each call.
     */
    @Override
    protected String signedToolCallReplyFixture() {
        return "fixtures/gemini-3-pro-signed-tool-calls-reply.json";
    }

    @Override
    protected String signedToolCallStreamFixture() {
        return "fixtures/gemini-3-pro-signed-tool-calls-stream.sse";
    }

    @Override
    protected List<String> expectedSignatures() {
        return List.of("CiQBjz1rX+9kq/Yd0Hh3Zg8Qz1m0p4tQy7N2wq5mJ1o0FkP3cVYKcQGPPWtf==",
                "EjQKMgEMOdbHJChLX75QUCJjyYlm/zW+b3Xw9aT1q0cN8r2sUe4=");
    }
}
