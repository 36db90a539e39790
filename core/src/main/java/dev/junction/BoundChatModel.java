package dev.junction;

import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.error.JunctionException;
import dev.junction.internal.retry.RetryLoop;
import dev.junction.internal.retry.RetryingChatStream;
import dev.junction.spi.Provider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.Optional;

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
        ChatRequest bound = bind(request);
        return retries.chat(() -> provider.chat(bound));
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        ChatRequest bound = bind(request);
        retries.recordCall();
        // Retried only before its first part reaches the caller; see RetryingChatStream.
        return new RetryingChatStream(vertx.getOrCreateContext(), () -> provider.stream(bound), retries::next);
    }

    /** The request with this model's default filled in when it names none. */
    ChatRequest bind(ChatRequest request) {
        return request.model() == null && model != null ? request.withModel(model) : request;
    }

    /** Why this provider could not serve the request, judged offline; empty when it looks servable. May read file heads. */
    Optional<JunctionException> precheck(ChatRequest request) {
        return provider.precheck(bind(request));
    }

    /** One attempt of a stream, without this model's retries: for a caller that runs its own loop. */
    ChatStream attempt(ChatRequest request) {
        return provider.stream(bind(request));
    }

    /** This provider's retry loop. */
    RetryLoop retries() {
        return retries;
    }

    @Override
    public String toString() {
        return "ChatModel[" + provider.id() + ":" + model + "]";
    }
}
