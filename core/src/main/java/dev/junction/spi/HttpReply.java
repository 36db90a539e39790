package dev.junction.spi;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * A complete HTTP answer, body read whole (within the transport's size cap).
 *
 * @param status the status code
 * @param headers the response headers (case-insensitive)
 * @param body the body; empty, never {@code null}, when the server sent none
 */
public record HttpReply(int status, MultiMap headers, Buffer body) {

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
