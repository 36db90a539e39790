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
        if (declared != null && parseLength(declared) > cap) {
            promise.tryFail(TransportErrors.tooLarge(call, cap));
            response.request().reset();
            return;
        }
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > cap) {
                if (promise.tryFail(TransportErrors.tooLarge(call, cap))) {
                    response.request().reset();
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        response.exceptionHandler(error -> promise.tryFail(TransportErrors.afterReplyBegan(TransportErrors.network(call, error))));
        response.endHandler(end -> promise.tryComplete(new HttpReply(response.statusCode(), response.headers(), body)));
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
