package dev.junction.internal.openai.stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.chat.ChatStreams;
import dev.junction.chat.FinishReason;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Futures;
import dev.junction.testing.Sse;
import dev.junction.testing.SseServer;
import dev.junction.testing.StreamRecorder;
import dev.junction.testing.VendorServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replies that are not what a stream expects, and misuse of the stream. */
class StreamingEdgeCasesTest {
    private VendorServer vendor;
    private SseServer server;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
    }

    @AfterEach
    void stop() {
        vendor.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readsAWholeJsonReplyToAStreamingRequestAsTheNonStreamingCallWould() {
        // A vendor that ignores "stream": true and answers with one JSON completion.
        vendor.reply(aResponse().withHeader("Content-Type", "application/json").withBody(VendorServer.okBody("好的")));
        StreamRecorder r = StreamRecorder.record(vendor.model().stream("你好"));
        r.awaitEnd();

        assertEquals("好的", r.text());
        assertEquals(StreamPart.Start.class, r.parts().get(0).getClass());
        ChatResponse whole = Futures.await(ChatStreams.collect(vendor.model().stream("你好")));
        assertEquals(Futures.await(vendor.model().chat("你好")), whole);
    }

    @Test
    void readsAJsonErrorOnA200AsTheTypedErrorNotATruncatedStream() {
        vendor.reply(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"insufficient_quota\",\"message\":\"no credits\"}}"));
        JunctionException e = StreamRecorder.record(vendor.model().stream("你好")).awaitFailure();

        assertEquals(ErrorKind.INSUFFICIENT_CREDITS, e.kind());
        assertEquals("insufficient_quota", e.vendorCode().orElseThrow());
    }

    @Test
    void rejectsAToolCallIndexFarOutOfRangeInsteadOfAllocatingForIt() {
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream").withBody(Sse.events(
                Sse.delta("{\"tool_calls\":[{\"index\":2000000000,\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}"))
                + Sse.DONE));
        JunctionException e = StreamRecorder.record(vendor.model().stream("你好")).awaitFailure();

        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("index 2000000000"), e.getMessage());
    }

    @Test
    void refusesANegativeFetch() {
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream").withBody(Sse.events(Sse.text("好")) + Sse.DONE));
        ChatStream stream = vendor.model().stream("你好");
        assertThrows(IllegalArgumentException.class, () -> stream.fetch(-1));
        stream.cancel();
    }

    @Test
    void completesACollectWhoseStreamIsCancelled() {
        server = new SseServer(request -> request.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream").write(Sse.event(Sse.text("一"))));
        ChatStream stream = server.model("").stream("你好");
        var collected = ChatStreams.collect(stream);
        Futures.await(server.received());

        stream.cancel();

        JunctionException e = Futures.failure(collected);
        assertEquals(ErrorKind.CANCELLED, e.kind());
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    }

    @Test
    void countsTheWaitFromTheResponseHeadToTheFirstChunkAsFirstByteTime() {
        // A proxy sends the head at once; the model then stays silent. idleTimeout is far away.
        server = new SseServer(request -> request.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream").writeHead());
        JunctionException e = StreamRecorder.record(server.model("&firstByteTimeout=300ms&idleTimeout=1h").stream("你好"))
                .awaitFailure();

        assertEquals(ErrorKind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("firstByteTimeout"), e.getMessage());
    }

    @Test
    void endsAStreamWithoutAnyFinishReasonAsStopWhenDoneArrives() {
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream").withBody(Sse.events(Sse.text("好")) + Sse.DONE));
        assertEquals(FinishReason.STOP, Futures.await(ChatStreams.collect(vendor.model().stream("你好"))).finishReason());
    }
}
