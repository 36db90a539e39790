package dev.junction;

import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.spi.Provider;
import io.vertx.core.Future;
import java.util.Objects;

/** A {@link ChatModel} that fills in a default model on requests that name none. */
final class BoundChatModel implements ChatModel {
    private final Provider provider;
    private final String model;

    /** Binds the provider to a default model, which may be {@code null}. */
    BoundChatModel(Provider provider, String model) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.model = model;
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
        return provider.chat(request.model() == null && model != null ? request.withModel(model) : request);
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
