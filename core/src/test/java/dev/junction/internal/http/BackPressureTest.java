package dev.junction.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import dev.junction.testing.Futures;
import dev.junction.testing.Sse;
import dev.junction.testing.SseServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A paused ChatStream stops reading from the socket: a server writing a 50 MB stream as fast as
 * the connection takes it gets stuck after a few socket buffers' worth, and resuming delivers
 * every byte. Were parts buffered in memory instead, the server would write all 50 MB.
 */
class BackPressureTest {
    private static final int TEXT_PER_EVENT = 1000;
    private static final int EVENTS_PER_WRITE = 60;
    private static final long STREAM_BYTES = 50L * 1024 * 1024;
    /** Socket buffers on both ends and Vert.x's inbound queue come to a few MiB at most. */
    private static final long STUCK_BOUND = 8L * 1024 * 1024;

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong textEvents = new AtomicLong();
    private volatile boolean queueFull;
    private volatile CountDownLatch drained = new CountDownLatch(1);
    private SseServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    /** Writes batches while the write queue has room, continuing from the drain handler, until 50 MB are out. */
    private void writeUntilFull(HttpServerResponse response, Buffer batch) {
        while (!response.writeQueueFull()) {
            if (written.get() >= STREAM_BYTES) {
                response.end(Sse.events(Sse.finish("stop")) + Sse.DONE);
                return;
            }
            response.write(batch);
            written.addAndGet(batch.length());
            textEvents.addAndGet(EVENTS_PER_WRITE);
        }
        queueFull = true;
        response.drainHandler(v -> {
            queueFull = false;
            drained.countDown();
            drained = new CountDownLatch(1);
            writeUntilFull(response, batch);
        });
    }

    private void answer(HttpServerRequest request) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < EVENTS_PER_WRITE; i++) {
            events.append(Sse.event(Sse.text("x".repeat(TEXT_PER_EVENT))));
        }
        HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
        writeUntilFull(response, Buffer.buffer(events.toString()));
    }

    /** Waits, within a bound, until the server's write queue is full and no drain comes for half a second. */
    private void awaitServerStuck() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Futures.BOUND_SECONDS * 3);
        while (true) {
            CountDownLatch next = drained;
            if (queueFull && !next.await(500, TimeUnit.MILLISECONDS)) {
                return;
            }
            assertTrue(written.get() < STREAM_BYTES && System.nanoTime() < deadline,
                    () -> "the server never got stuck; it wrote " + written.get() + " bytes");
            if (!queueFull) {
                // Not full yet (or no longer): give the event loop a moment through the next drain, bounded.
                next.await(50, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Test
    void pausingStopsReadingAndResumingDeliversEverything() throws InterruptedException {
        // A small send buffer keeps the server's share of the in-flight bytes small, whatever the OS default.
        server = new SseServer(new HttpServerOptions().setSendBufferSize(64 * 1024), this::answer);
        AtomicLong text = new AtomicLong();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        ChatStream stream = server.model("&idleTimeout=5s").stream("写很长的文章");
        stream.exceptionHandler(e -> {
            error.set(e);
            ended.countDown();
        });
        stream.endHandler(v -> ended.countDown());
        stream.handler(part -> {
            if (part instanceof StreamPart.Start) {
                stream.pause();
            } else if (part instanceof StreamPart.TextDelta t) {
                text.addAndGet(t.text().length());
            }
        });

        awaitServerStuck();
        long stuckAt = written.get();
        assertTrue(stuckAt < STUCK_BOUND, "a paused stream let the server write " + stuckAt + " bytes");

        stream.resume();
        assertTrue(ended.await(Futures.BOUND_SECONDS * 3, TimeUnit.SECONDS), "the resumed stream did not end");
        assertNull(error.get());
        assertTrue(written.get() >= STREAM_BYTES, "the server wrote the whole stream");
        assertEquals(textEvents.get() * TEXT_PER_EVENT, text.get());
    }
}
