package dev.junction.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.FinishReason;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Sse;
import dev.junction.testing.SseServer;
import dev.junction.testing.StreamRecorder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection that drops in the middle of a chunked body (no clean end of the body) is a
 * truncated stream, NETWORK and retryable; after a finish reason, only the goodbye was lost.
 */
class BrokenConnectionTest {
    private SseServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    /** Writes the events, then drops the connection without ending the chunked body. */
    private void writeThenDrop(String events) {
        server = new SseServer(request -> request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                .write(events).onComplete(written -> request.connection().close()));
    }

    @Test
    void failsAsTruncatedWhenTheConnectionDropsBeforeAFinishReason() {
        writeThenDrop(Sse.events(Sse.text("你好")));
        StreamRecorder r = StreamRecorder.record(server.model("").stream("你好"));
        JunctionException e = r.awaitFailure();

        assertEquals(ErrorKind.NETWORK, e.kind(), e::toString);
        assertTrue(e.getMessage().contains("stream truncated"), e.getMessage());
        assertTrue(e.retryable());
        assertEquals("你好", r.text());
    }

    @Test
    void endsNormallyWhenTheConnectionDropsAfterAFinishReason() {
        writeThenDrop(Sse.events(Sse.text("你好"), Sse.finish("stop")));
        StreamRecorder r = StreamRecorder.record(server.model("").stream("你好"));
        List<StreamPart> parts = r.awaitEnd();

        assertEquals(new StreamPart.Finish(FinishReason.STOP, "stop"), parts.get(parts.size() - 1));
        assertEquals("你好", r.text());
    }
}
