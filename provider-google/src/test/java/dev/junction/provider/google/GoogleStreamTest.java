package dev.junction.provider.google;

import dev.junction.chat.FinishReason;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.testkit.DocumentedError;
import dev.junction.testkit.DocumentedReply;
import dev.junction.testkit.DocumentedStream;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.StreamConformance;
import dev.junction.testkit.VendorDeclaration;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

class GoogleStreamTest extends StreamConformance {
    @Override
    protected VendorDeclaration vendor() {
        return GoogleVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedStream> documentedStreams() {
        DocumentedReply plain = DocumentedReply.builder("streaming", "gemini-2.5-pro", "fixtures/explain-stream.sse")
                .text("AI works by learning patterns from examples.")
                .finish(FinishReason.STOP, "stop")
                .models("gemini-2.5-pro", "gemini-2.5-pro")
                .usage(8L, 9L, null, null, null, 17L)
                .cost(new BigDecimal("0.0001"), null) // 8 × $1.25 + 9 × $10 per 1M
                .build();
        // The <thought> tags arrive cut across three chunks; the reasoning and the answer still come apart.
        DocumentedReply thoughts = DocumentedReply.builder("streamed thought summary", "gemini-3-pro", "fixtures/thoughts-stream.sse")
                .text("AI learns patterns.")
                .reasoning("Weighing the question.")
                .finish(FinishReason.STOP, "stop")
                .models("gemini-3-pro", "gemini-3-pro-preview")
                .warning("reported no token usage")
                .build();
        return List.of(
                DocumentedStream.builder(plain)
                        .parts(StreamPart.Start.class, StreamPart.TextDelta.class, StreamPart.TextDelta.class,
                                StreamPart.UsageReport.class, StreamPart.Finish.class)
                        .textDeltas("AI works by learning", " patterns from examples.")
                        .build(),
                DocumentedStream.builder(thoughts)
                        .parts(StreamPart.Start.class, StreamPart.ReasoningDelta.class, StreamPart.TextDelta.class,
                                StreamPart.Warning.class, StreamPart.Finish.class)
                        .reasoningDeltas("Weighing the question.")
                        .textDeltas("AI learns patterns.")
                        .build());
    }

    @Override
    protected DocumentedError midStreamError() {
        String message = "The model is overloaded. Please try again later.";
        return DocumentedError.row(503, "UNAVAILABLE", ErrorKind.SERVER_ERROR, true, message,
                Fixtures.toJson(Map.of("error", Map.of("code", 503, "message", message, "status", "UNAVAILABLE"))));
    }
}
