package dev.junction.chat;

import dev.junction.internal.async.Blocking;
import io.vertx.core.Future;

/**
 * A provider bound to a default model: the object user code chats with.
 * Obtain one from {@code Junction.chatModel("acedata:gemini-2.5-pro")}.
 */
public interface ChatModel {

    /** The provider id. */
    String provider();

    /** The model used when a request names none; may be {@code null} when the config string gave none. */
    String model();

    /**
     * Sends a request. The future fails with a {@link dev.junction.error.JunctionException}; it
     * never completes with {@code null}.
     */
    Future<ChatResponse> chat(ChatRequest request);

    /**
     * Streams the reply. Never throws and never returns {@code null}: every failure, input errors
     * included, arrives through the stream. Fold it with {@link ChatStreams#collect(ChatStream)}, or
     * adapt it with {@link ChatStreams#publisher(ChatStream)}.
     */
    ChatStream stream(ChatRequest request);

    /** Streams the reply to a one-line prompt. */
    default ChatStream stream(String prompt) {
        return stream(ChatRequest.of(prompt));
    }

    /** Sends a one-line prompt. */
    default Future<ChatResponse> chat(String prompt) {
        return chat(ChatRequest.of(prompt));
    }

    /**
     * Sends a request and waits for the answer, for code that does not use Vert.x.
     *
     * @throws dev.junction.error.JunctionException on any failure
     * @throws IllegalStateException when called on a Vert.x event-loop thread, which must never block
     */
    default ChatResponse chatBlocking(ChatRequest request) {
        Blocking.refuseOnEventLoop("ChatModel.chatBlocking");
        return Blocking.await(chat(request));
    }

    /** Sends a one-line prompt and waits for the answer. */
    default ChatResponse chatBlocking(String prompt) {
        return chatBlocking(ChatRequest.of(prompt));
    }
}
