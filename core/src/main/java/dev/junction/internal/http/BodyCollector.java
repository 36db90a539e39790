package dev.junction.internal.http;

import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/** Reads a response body whole into memory, closing the connection once it passes the size cap. */
final class BodyCollector {
    private BodyCollector() {
    }

    /** Collects the body into {@code promise}; must run on the response's context before it delivers data. */
    static void collect(HttpCall call, HttpClientResponse response, long cap, Promise<HttpReply> promise) {
        String declared = response.getHeader("Content-Length");
        long length = declared == null ? -1 : parseLength(declared);
        if (length > cap) {
            promise.tryFail(TransportErrors.tooLarge(call, cap));
            response.request().reset();
            return;
        }
        Body body = new Body(length);
        response.handler(chunk -> {
            if (body.length() + chunk.length() > cap) {
                if (promise.tryFail(TransportErrors.tooLarge(call, cap))) {
                    response.request().reset();
                }
                return;
            }
            body.add(chunk);
        });
        response.exceptionHandler(error -> promise.tryFail(TransportErrors.afterReplyBegan(TransportErrors.network(call, error))));
        response.endHandler(end -> promise.tryComplete(new HttpReply(response.statusCode(), response.headers(), body.whole())));
    }

    /**
     * The chunks so far. A reply that arrives as one chunk, as most small replies do, is kept as
     * that chunk, with no copy; a longer one is gathered into a buffer sized from Content-Length
     * when the server sent it, so it is not grown and copied on the way.
     */
    private static final class Body {
        private final long declared;
        private Buffer first;
        private Buffer gathered;

        Body(long declared) {
            this.declared = declared;
        }

        int length() {
            return gathered != null ? gathered.length() : first != null ? first.length() : 0;
        }

        void add(Buffer chunk) {
            if (gathered != null) {
                gathered.appendBuffer(chunk);
            } else if (first == null) {
                first = chunk;
            } else {
                int capacity = (int) Math.max(first.length() + chunk.length(), Math.min(declared, Integer.MAX_VALUE - 8));
                gathered = Buffer.buffer(capacity).appendBuffer(first).appendBuffer(chunk);
                first = null;
            }
        }

        Buffer whole() {
            return gathered != null ? gathered : first != null ? first : Buffer.buffer();
        }
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
