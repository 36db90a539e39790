package dev.junction;

import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.internal.retry.RetryLoop;
import dev.junction.internal.retry.RetryingChatStream;
import dev.junction.spi.Provider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * A {@link ChatModel} over one provider: fills in a default model on requests that name none, and
 * repeats failed calls and streams (before their first part) through the provider's {@link RetryLoop}.
 */
final class BoundChatModel implements ChatModel {
    private final Provider provider;
    private final String model;
    private final RetryLoop retries;
    private final Vertx vertx;

    /** Binds the provider to a default model, which may be {@code null}, and its retry loop. */
    BoundChatModel(Provider provider, String model, RetryLoop retries, Vertx vertx) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.model = model;
        this.retries = Objects.requireNonNull(retries, "retries");
        this.vertx = Objects.requireNonNull(vertx, "vertx");
    }

    @Override
    public String provider() {
        return provider.id();
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Future<ChatResponse> chat(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        ChatRequest bound = request.model() == null && model != null ? request.withModel(model) : request;
        return retries.chat(() -> provider.chat(bound));
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        ChatRequest bound = request.model() == null && model != null ? request.withModel(model) : request;
        retries.recordCall();
        // Retried only before its first part reaches the caller; see RetryingChatStream.
        return new RetryingChatStream(vertx.getOrCreateContext(), () -> provider.stream(bound), retries::next);
    }

    @Override
    public String toString() {
        return "ChatModel[" + provider.id() + ":" + model + "]";
    }
}
