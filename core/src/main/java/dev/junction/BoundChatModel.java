package dev.junction;

import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.internal.retry.RetryLoop;
import dev.junction.spi.Provider;
import io.vertx.core.Future;
import java.util.Objects;

/**
 * A {@link ChatModel} over one provider: fills in a default model on requests that name none, and
 * repeats failed calls through the provider's {@link RetryLoop}.
 */
final class BoundChatModel implements ChatModel {
    private final Provider provider;
    private final String model;
    private final RetryLoop retries;

    /** Binds the provider to a default model, which may be {@code null}, and its retry loop. */
    BoundChatModel(Provider provider, String model, RetryLoop retries) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.model = model;
        this.retries = Objects.requireNonNull(retries, "retries");
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
        return provider.stream(request.model() == null && model != null ? request.withModel(model) : request);
    }

    @Override
    public String toString() {
        return "ChatModel[" + provider.id() + ":" + model + "]";
    }
}
