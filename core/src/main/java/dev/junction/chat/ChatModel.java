package dev.junction.chat;

import dev.junction.internal.async.Blocking;
import io.vertx.core.Future;
import java.util.Objects;

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
     * Sends a request that the caller may cancel, for example when its own client has gone. Once
     * {@code cancellation} completes, succeeded or failed (say {@code promise.tryComplete()} in a
     * connection's close handler), no further attempt, retry or fallback starts, a pending retry's
     * wait ends, the exchange in flight is reset, and the returned future fails with a
     * {@link dev.junction.error.JunctionException} of kind {@link dev.junction.error.ErrorKind#CANCELLED},
     * unless it had already completed: completing {@code cancellation} afterwards does nothing. Give
     * each call its own future: handlers stay on it until it completes.
     *
     * <p>Junction's own chat models honour it. This default, for other implementations, checks it is
     * not {@code null} and otherwise ignores it, as {@link #chat(ChatRequest)} does.
     */
    default Future<ChatResponse> chat(ChatRequest request, Future<Void> cancellation) {
        Objects.requireNonNull(cancellation, "cancellation");
        return chat(request);
    }

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
