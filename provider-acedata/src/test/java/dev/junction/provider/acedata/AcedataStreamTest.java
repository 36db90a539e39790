package dev.junction.provider.acedata;

import dev.junction.chat.FinishReason;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.testkit.DocumentedError;
import dev.junction.testkit.DocumentedReply;
import dev.junction.testkit.DocumentedStream;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.StreamConformance;
import dev.junction.testkit.VendorDeclaration;
import java.util.List;

/**
 * acedata's documented stream (003, the {@code data:} lines after 輸出效果如下), verbatim with the
 * doc's blank lines, Traditional Chinese kept: an empty opening delta, three
 * {@code reasoning_content} deltas, the answer, a finish chunk, a usage chunk with
 * {@code choices: []}, then {@code [DONE]}. The reasoning deltas are read from the fixture rather
 * than retyped. The docs have no non-streaming reply with this content (多輪對話 gives the same
 * answer with other reasoning and usage), so the folded stream is compared with expected values.
 * Mid-stream, the doc's 錯誤響應示例 ({@code api_error}, {@code fetch failed}) arrives as an event.
 */
class AcedataStreamTest extends StreamConformance {
    private static final String FIXTURE = "fixtures/what-are-you-stream.sse";
    private static final String DOC_TRACE_ID = "2cf86e86-22a4-46e1-ac2f-032c0f2a4e89";

    @Override
    protected VendorDeclaration vendor() {
        return AcedataVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedStream> documentedStreams() {
        String first = reasoningDelta(1);
        String second = reasoningDelta(2);
        String third = reasoningDelta(3);
        DocumentedReply reading = DocumentedReply.builder("流式響應: 你是什麼?", "gemini-2.5-pro", FIXTURE)
                .text("我是一個大型語言模型,由 Google 訓練。")
                .reasoning(first + second + third)
                .finish(FinishReason.STOP, "stop")
                .models("gemini-2.5-pro", "gemini-2.5-pro")
                .usage(8L, 527L, 519L, null, 0L, 535L).audioInputTokens(0L)
                .warning("Junction.builder().price(")
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

    @Override
    protected DocumentedError midStreamError() {
        return DocumentedError.row(500, "api_error", ErrorKind.SERVER_ERROR, true, "fetch failed",
                        fixture("fixtures/error-api-error.json"))
                .withTraceId(DOC_TRACE_ID);
    }

    private String reasoningDelta(int event) {
        return Fixtures.sseJson(getClass(), FIXTURE).get(event).at("/choices/0/delta/reasoning_content").asText();
    }
}
