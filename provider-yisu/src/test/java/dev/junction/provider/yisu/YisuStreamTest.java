package dev.junction.provider.yisu;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.FinishReason;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.DocumentedError;
import dev.junction.testkit.DocumentedReply;
import dev.junction.testkit.DocumentedStream;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.StreamConformance;
import dev.junction.testkit.VendorDeclaration;
import dev.junction.testkit.VendorStub;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * yisu's documented stream (002, 流式输出 / SSE响应示例). As printed, the doc's example is not valid
 * SSE: each event's JSON is pretty-printed over many lines, only the first line prefixed
 * {@code data:}, with no blank line between events. The fixture {@code text-to-image-stream.sse}
 * is the same two events and {@code [DONE]}, each compacted to one {@code data:} line and followed
 * by a blank line, and with the {@code delta.images} URL — elided in the doc as
 * {@code /9j/4AAQSk...} — replaced by a real JPEG ({@code generated.jpg}) as a data URI. The stream
 * carries no finish reason and no usage: a clean {@code [DONE]} is a normal stop with raw reason
 * {@code null}. The docs show no non-streaming reply with this content, so the folded stream is
 * compared with expected values. {@code stream-as-printed.sse} keeps the doc's text (its list
 * numbers dropped) and must fail as a protocol error.
 */
class YisuStreamTest extends StreamConformance {
    private static final String MODEL = "gemini-3-pro-image-preview";

    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }

    @Override
    protected List<DocumentedStream> documentedStreams() {
        DocumentedReply reading = DocumentedReply.builder("流式输出 (compacted, real JPEG)", MODEL, "fixtures/text-to-image-stream.sse")
                .text("正在生成图片...")
                .finish(FinishReason.STOP, null)
                .models(MODEL, "google/gemini-3-pro-image-preview")
                .image(new GeneratedImage(Fixtures.bytes(getClass(), "fixtures/generated.jpg"), "image/jpeg"))
                .warning("Junction.builder().price(")
                .build();
        return List.of(DocumentedStream.builder(reading)
                .adjustment("pretty-printed events compacted to one data: line each, blank lines added, elided JPEG made real")
                .parts(StreamPart.Start.class, StreamPart.TextDelta.class, StreamPart.ImageOutput.class,
                        StreamPart.Warning.class, StreamPart.Finish.class)
                .textDeltas("正在生成图片...")
                .build());
    }

    @Override
    protected DocumentedError midStreamError() {
        return DocumentedError.row(429, "rate_limit_exceeded", ErrorKind.RATE_LIMITED, true, "Rate limit exceeded.",
                fixture("fixtures/error-rate-limit-exceeded.json"));
    }

    @Test
    void failsTheStreamAsPrintedInTheDocWithProtocol() {
        replyWith(200, Fixtures.bytes(getClass(), "fixtures/stream-as-printed.sse"), VendorStub.SSE);

        var recording = record(MODEL);

        JunctionException e = recording.assertFailed();
        // With no blank lines, the doc's three data: lines make one event, "{\n{\n[DONE]": not JSON.
        assertAll(
                () -> assertEquals(ErrorKind.PROTOCOL, e.kind()),
                () -> assertEquals("yisu", e.provider()),
                () -> assertFalse(e.retryable(), "a malformed stream is not retried blindly"),
                () -> assertTrue(e.getMessage().contains("an event that is not JSON: {\n{\n[DONE]"), () -> "message: " + e.getMessage()),
                () -> assertEquals(List.of(), recording.partsBeforeFailure(), "nothing is delivered before the failure"));
    }
}
