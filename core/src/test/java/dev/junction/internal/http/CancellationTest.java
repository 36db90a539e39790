package dev.junction.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import dev.junction.testing.Futures;
import dev.junction.testing.Sse;
import dev.junction.testing.SseServer;
import dev.junction.testing.StreamRecorder;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ChatStream.cancel closes the HTTP connection at once, whatever the stream was doing, and silences the stream. */
class CancellationTest {
    private SseServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Starts an event stream with these events and keeps the connection open. */
    private static void answerAndHold(HttpServerRequest request, String events) {
        HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
        response.write(events);
    }

    @Test
    void closesTheConnectionOfARunningStream() {
        server = new SseServer(request -> answerAndHold(request, Sse.event(Sse.text("你好"))));
        Promise<Void> firstText = Promise.promise();
        ChatStream stream = server.model("").stream("你好");
        StreamRecorder r = StreamRecorder.record(stream, part -> {
            if (part instanceof StreamPart.TextDelta) {
                firstText.tryComplete();
            }
        });
        Futures.await(firstText.future());

        stream.cancel();

        Futures.await(server.connectionClosed());
        r.awaitCancelled();
    }

    @Test
    void closesTheConnectionWhileWaitingForTheReplyHead() {
        // The server never answers; the default first-byte timeout (60 s) is far beyond the wait bound.
        server = new SseServer(request -> { });
        ChatStream stream = server.model("").stream("你好");
        StreamRecorder r = StreamRecorder.record(stream);
        Futures.await(server.received());

        stream.cancel();

        Futures.await(server.connectionClosed());
        r.awaitCancelled();
    }

    @Test
    void closesTheConnectionOfAPausedStream() {
        server = new SseServer(request -> answerAndHold(request, Sse.event(Sse.text("你好"))));
        Promise<Void> paused = Promise.promise();
        ChatStream stream = server.model("").stream("你好");
        StreamRecorder.record(stream, part -> {
            stream.pause();
            paused.tryComplete();
        });
        Futures.await(paused.future());

        stream.cancel();

        Futures.await(server.connectionClosed());
    }

    @Test
    void deliversNothingAfterCancelFromInsideTheHandler() {
        server = new SseServer(request -> answerAndHold(request,
                Sse.events(Sse.text("一"), Sse.text("二"), Sse.text("三"), Sse.finish("stop")) + Sse.DONE));
        ChatStream stream = server.model("").stream("你好");
        StreamRecorder r = StreamRecorder.record(stream, part -> {
            if (part instanceof StreamPart.TextDelta) {
                stream.cancel();
            }
        });

        Futures.await(server.connectionClosed());

        // The other parts of that chunk were already queued; none may follow the cancel.
        r.awaitCancelled();
        assertEquals(2, r.parts().size(), r.parts()::toString);
        assertEquals("一", r.text());
    }
}
