package dev.junction.internal.openai.stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.junction.chat.FinishReason;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Sse;
import dev.junction.testing.StreamRecorder;
import dev.junction.testing.VendorServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a stream ends: at [DONE], at a clean close after a finish reason, or truncated. */
class StreamingEndingsTest {
    private VendorServer vendor;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private StreamRecorder stream(String body) {
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body));
        return StreamRecorder.record(vendor.model().stream("你好"));
    }

    private static StreamPart last(List<StreamPart> parts) {
        return parts.get(parts.size() - 1);
    }

    @Test
    void endsAtDoneAndReadsNothingAfterIt() {
        // Were [DONE] not the end, the event after it would fail the stream with PROTOCOL.
        StreamRecorder r = stream(Sse.events(Sse.text("好"), Sse.finish("stop")) + Sse.DONE + Sse.event("{not json"));
        List<StreamPart> parts = r.awaitEnd();

        assertEquals("好", r.text());
        assertEquals(new StreamPart.Finish(FinishReason.STOP, "stop"), last(parts));
    }

    @Test
    void endsAtDoneWithoutAnyFinishReasonAsAStop() {
        StreamRecorder r = stream(Sse.events(Sse.text("你好")) + Sse.DONE);
        List<StreamPart> parts = r.awaitEnd();

        assertEquals(new StreamPart.Finish(FinishReason.STOP, null), last(parts));
        assertEquals("你好", r.text());
    }

    @Test
    void endsNormallyWhenTheConnectionClosesAfterAFinishReasonWithoutDone() {
        StreamRecorder r = stream(Sse.events(Sse.text("好"), Sse.finish("stop"), Sse.usage(12, 86)));
        List<StreamPart> parts = r.awaitEnd();

        assertEquals(new StreamPart.Finish(FinishReason.STOP, "stop"), last(parts));
        assertEquals(1, r.parts(StreamPart.UsageReport.class).size(), "the usage after the finish reason still counts");
    }

    @Test
    void endsNormallyWhenTheConnectionClosesAfterTheClosingUsageChunkWithoutAnyFinishReason() {
        // aivideoapi's documented stream: deltas, then usage with choices: [], and no finish_reason anywhere.
        StreamRecorder r = stream(Sse.events(Sse.text("量子"), Sse.text("计算"), Sse.usage(12, 86)));
        List<StreamPart> parts = r.awaitEnd();

        assertEquals(new StreamPart.Finish(FinishReason.STOP, null), last(parts));
        assertEquals("量子计算", r.text());
        assertEquals(1, r.parts(StreamPart.UsageReport.class).size());
    }

    @Test
    void endsNormallyWhenTheCloseCutsAnEventAfterTheFinishReason() {
        StreamRecorder r = stream(Sse.events(Sse.text("好"), Sse.finish("stop")) + "data: [DO");
        List<StreamPart> parts = r.awaitEnd();

        assertEquals(new StreamPart.Finish(FinishReason.STOP, "stop"), last(parts));
    }

    @Test
    void failsAsTruncatedWhenTheConnectionClosesBeforeAnyFinishReason() {
        StreamRecorder r = stream(Sse.events(Sse.text("你好"), Sse.text("，世")));
        JunctionException e = r.awaitFailure();

        assertEquals(ErrorKind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("stream truncated"), e.getMessage());
        assertTrue(e.retryable(), "a truncated stream is worth retrying");
        assertEquals("你好，世", r.text(), "what arrived before the cut is still delivered");
    }

    @Test
    void failsAsTruncatedWhenTheConnectionClosesInTheMiddleOfAnEvent() {
        StreamRecorder r = stream(Sse.events(Sse.text("你好")) + "data: {\"id\":\"chatcmpl-1\",\"choi");
        JunctionException e = r.awaitFailure();

        assertEquals(ErrorKind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("stream truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("in the middle of an event"), e.getMessage());
    }

    @Test
    void failsAsTruncatedOnAnEmptyBody() {
        JunctionException e = stream("").awaitFailure();

        assertEquals(ErrorKind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("stream truncated"), e.getMessage());
    }

    @Test
    void failsWithNetworkWhenTheBodyBreaksOff() {
        vendor.reply(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        JunctionException e = StreamRecorder.record(vendor.model().stream("你好")).awaitFailure();

        assertEquals(ErrorKind.NETWORK, e.kind(), e::toString);
    }

    @Test
    void failsWithNetworkWhenTheServerHangsUpBeforeAnswering() {
        vendor.reply(aResponse().withFault(Fault.EMPTY_RESPONSE));
        StreamRecorder r = StreamRecorder.record(vendor.model().stream("你好"));
        JunctionException e = r.awaitFailure();

        assertEquals(ErrorKind.NETWORK, e.kind(), e::toString);
        assertEquals(1, r.parts().size(), "only the Failure part: " + r.parts());
    }
}
