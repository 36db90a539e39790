package dev.junction.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Futures;
import dev.junction.testing.Sse;
import dev.junction.testing.SseServer;
import dev.junction.testing.StreamRecorder;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The first-byte and idle timeouts of a stream, each named in its error, apart from the total
 * timeout; time the consumer spends paused is not silence.
 */
class StreamTimeoutsTest {
    private SseServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void failsWithTimeoutNamingIdleTimeoutWhenTheServerFallsSilent() {
        server = new SseServer(request -> request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                .write(Sse.event(Sse.text("你好"))));
        StreamRecorder r = StreamRecorder.record(server.model("&idleTimeout=300ms").stream("你好"));
        JunctionException e = r.awaitFailure();

        assertEquals(ErrorKind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("idleTimeout"), e.getMessage());
        assertEquals("你好", r.text(), "the chunk before the silence is delivered");
        Futures.await(server.connectionClosed());
    }

    @Test
    void failsWithTimeoutNamingFirstByteTimeoutWhenTheServerNeverAnswers() {
        server = new SseServer(request -> { });
        StreamRecorder r = StreamRecorder.record(server.model("&firstByteTimeout=300ms").stream("你好"));
        JunctionException e = r.awaitFailure();

        assertEquals(ErrorKind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("firstByteTimeout"), e.getMessage());
        assertEquals(1, r.parts().size(), "only the Failure part: " + r.parts());
        Futures.await(server.connectionClosed());
    }

    @Test
    void namesTheTotalTimeoutWhenItIsShorterThanTheFirstByteTimeout() {
        server = new SseServer(request -> { });
        JunctionException e = StreamRecorder.record(server.model("&timeout=300ms").stream("你好")).awaitFailure();

        assertEquals(ErrorKind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("timeout") && !e.getMessage().contains("firstByteTimeout"), e.getMessage());
    }

    @Test
    void doesNotCountTimePausedByTheConsumerAsSilence() {
        Promise<HttpServerResponse> answering = Promise.promise();
        server = new SseServer(request -> {
            HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            response.write(Sse.event(Sse.text("你好")));
            answering.complete(response);
        });
        ChatStream stream = server.model("&idleTimeout=200ms").stream("你好");
        StreamRecorder r = StreamRecorder.record(stream, part -> {
            if (part instanceof StreamPart.Start) {
                stream.pause();
                // Three idle timeouts later, the rest is sent and the consumer resumes.
                server.vertx().setTimer(600, id -> {
                    answering.future().onSuccess(response -> response.end(Sse.events(Sse.text("，世界"), Sse.finish("stop")) + Sse.DONE));
                    stream.resume();
                });
            }
        });

        r.awaitEnd();
        assertEquals("你好，世界", r.text());
    }

    @Test
    void keepsAStreamOpenLongerThanTheIdleTimeoutWhileChunksKeepComing() {
        // One chunk every 100 ms for 1.5 s, against a 1 s idle timeout: quiet never lasts it out.
        server = new SseServer(request -> {
            HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            int[] sent = {0};
            server.vertx().setPeriodic(100, id -> {
                if (++sent[0] < 15) {
                    response.write(Sse.event(Sse.text("好")));
                } else {
                    server.vertx().cancelTimer(id);
                    response.end(Sse.event(Sse.finish("stop")) + Sse.DONE);
                }
            });
        });
        StreamRecorder r = StreamRecorder.record(server.model("&idleTimeout=1s").stream("你好"));

        r.awaitEnd();
        assertEquals("好".repeat(14), r.text());
    }

    @Test
    void endsAtDoneWithoutWaitingForTheServerToClose() {
        // The server keeps the connection open after [DONE]; the default idle timeout is a minute.
        server = new SseServer(request -> request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                .write(Sse.events(Sse.text("好"), Sse.finish("stop")) + Sse.DONE));
        StreamRecorder r = StreamRecorder.record(server.model("").stream("你好"));

        r.awaitEnd();
        assertEquals("好", r.text());
    }
}
