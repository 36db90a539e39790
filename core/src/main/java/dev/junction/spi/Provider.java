package dev.junction.spi;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import io.vertx.core.Future;
import java.net.URI;

/** One configured vendor: its model catalog and a way to chat with it. */
public interface Provider {

    /** The provider id. */
    String id();

    /** A human name. */
    String displayName();

    /** The base URL in use: the override if one was configured, else the vendor's default. */
    URI baseUrl();

    /** The models this provider serves. Never {@code null}. */
    ModelCatalog catalog();

    /**
     * Sends a chat request whose {@link ChatRequest#model()} is set.
     *
     * @return a future failing with a {@link dev.junction.error.JunctionException} (input errors fail
     *     before any network call); never completing with {@code null}
     */
    Future<ChatResponse> chat(ChatRequest request);

    /**
     * Streams a chat request whose {@link ChatRequest#model()} is set. Never returns {@code null}
     * and never throws: every failure, input errors included, arrives through the stream.
     */
    ChatStream stream(ChatRequest request);
}
