package dev.junction.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.Arrays;

/**
 * A canned streamed chat reply, prebuilt once and written by {@link LoopbackStub} to every
 * {@code "stream": true} request: {@link #events()} {@code chat.completion.chunk} content events of
 * exactly {@value SseMappingBenchmark#EVENT_BYTES} bytes (the bytes of {@link SseMappingBenchmark}),
 * a finishing event with usage, then {@code data: [DONE]}.
 *
 * <p>The reply is cut into {@value #SLICE_BYTES}-byte {@link Buffer}s, network-sized writes that split
 * events (and UTF-8 characters) anywhere; the same Buffers serve every request, so the stub costs
 * little more than its socket writes. Writing honours back-pressure: when the connection's write
 * queue is full the stub waits for it to drain, as a real server would.
 */
final class SseReply {
    /** The size of each write, the last one excepted. */
    static final int SLICE_BYTES = 16 * 1024;

    private final int events;
    private final Buffer[] slices;
    private final int bytes;

    SseReply(int events) {
        if (events <= 0) {
            throw new IllegalArgumentException("events must be positive, was " + events);
        }
        this.events = events;
        byte[] reply = SseMappingBenchmark.reply(events);
        this.bytes = reply.length;
        int n = (reply.length + SLICE_BYTES - 1) / SLICE_BYTES;
        slices = new Buffer[n];
        for (int i = 0; i < n; i++) {
            slices[i] = Buffer.buffer(Arrays.copyOfRange(reply, i * SLICE_BYTES, Math.min(reply.length, (i + 1) * SLICE_BYTES)));
        }
    }

    /** Content events per reply, each one text part. */
    int events() {
        return events;
    }

    /** The whole reply's size in bytes. */
    int bytes() {
        return bytes;
    }

    /** The answer text the content events spell out, for the arms' checks. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < events; i++) {
            text.append(SseMappingBenchmark.decodedContent(i));
        }
        return text.toString();
    }

    /** Writes the reply as an event stream and ends the response. Call on the response's context. */
    void writeTo(HttpServerResponse response) {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache");
        new Writer(response).run();
    }

    /** Writes slices until the queue is full, then again on drain. */
    private final class Writer {
        private final HttpServerResponse response;
        private int next;

        Writer(HttpServerResponse response) {
            this.response = response;
        }

        void run() {
            while (next < slices.length) {
                response.write(slices[next++]);
                if (response.writeQueueFull() && next < slices.length) {
                    response.drainHandler(v -> run());
                    return;
                }
            }
            response.end();
        }
    }
}
