package dev.junction.provider.aivideoapi;

import dev.junction.chat.ChatResponse;
import dev.junction.chat.FinishReason;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.testkit.DocumentedError;
import dev.junction.testkit.DocumentedReply;
import dev.junction.testkit.DocumentedStream;
import dev.junction.testkit.StreamConformance;
import dev.junction.testkit.VendorDeclaration;
import java.math.BigDecimal;
import java.util.List;

/**
 * aivideoapi's documented stream (001, 响应(流式)): the four {@code data:} lines verbatim, framed
 * with the blank line SSE puts after each event. The doc's stream sends no {@code finish_reason};
 * a clean {@code [DONE]} is a normal stop (raw reason {@code null}). Its non-streaming twin is the
 * same page's 响应(非流式), which answers the same question with the same id and usage but a
 * longer text and {@code "finish_reason": "stop"}.
 */
class AivideoapiStreamTest extends StreamConformance {
    private static final String STREAMED_TEXT = "量子计算";
    /** The docs' rate: 200 credits to the dollar (57 credits = $0.285, 450 credits = $2.25). */
    private static final BigDecimal CREDITS_PER_USD = BigDecimal.valueOf(200);

    @Override
    protected VendorDeclaration vendor() {
        return AivideoapiVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedStream> documentedStreams() {
        // 输入 $0.285, 输出 $2.25 per 1M tokens for gemini-2.5-pro
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
                        AivideoapiStreamTest::asStreamed)
                .build());
    }

    @Override
    protected DocumentedError midStreamError() {
        // Google failing after the first tokens is the one documented error that can strike mid-answer.
        String message = "上游 AI 服务返回错误";
        return DocumentedError.row(503, "upstream_error", ErrorKind.UPSTREAM_ERROR, true, message,
                AivideoapiVendor.errorBody("upstream_error", message));
    }

    private static ChatResponse asStreamed(ChatResponse plain) {
        return new ChatResponse(plain.id(), plain.provider(), plain.model(), plain.vendorModel(), STREAMED_TEXT,
                plain.reasoning(), plain.images(), plain.toolCalls(), plain.finishReason(), null, plain.usage(),
                plain.cost(), plain.warnings(), List.of());
    }

    private static BigDecimal perMillion(long tokens, String price) {
        return new BigDecimal(price).multiply(BigDecimal.valueOf(tokens)).divide(BigDecimal.valueOf(1_000_000));
    }
}
