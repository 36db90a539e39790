package dev.junction;

import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.error.JunctionException;
import dev.junction.internal.async.Cancellation;
import dev.junction.internal.observe.CallObserver;
import dev.junction.internal.observe.Listeners;
import dev.junction.internal.retry.AttemptWatch;
import dev.junction.internal.retry.RetryLoop;
import dev.junction.internal.retry.RetryingChatStream;
import dev.junction.spi.Provider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.net.URI;
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
    private final Listeners listeners;

    /** Binds the provider to a default model, which may be {@code null}, and its retry loop; tells {@code listeners} of its calls. */
    BoundChatModel(Provider provider, String model, RetryLoop retries, Vertx vertx, Listeners listeners) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.model = model;
        this.retries = Objects.requireNonNull(retries, "retries");
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
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
        return chat(request, Cancellation.NEVER);
    }

    @Override
    public Future<ChatResponse> chat(ChatRequest request, Future<Void> cancellation) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(cancellation, "cancellation");
        ChatRequest bound = bind(request);
        if (listeners.isEmpty()) {
            return call(bound, AttemptWatch.NONE, cancellation);
        }
        CallObserver observer = listeners.call(bound.model(), false, null, servers(), List.of(), bound);
        return call(bound, observer, cancellation).onSuccess(observer::callSucceeded).onFailure(observer::callFailed);
    }

    /**
     * One call of an already bound request through the retry loop, each attempt told to {@code watch},
     * until {@code cancellation} completes; no call events.
     */
    Future<ChatResponse> call(ChatRequest bound, AttemptWatch watch, Future<Void> cancellation) {
        return retries.chat(() -> provider.chat(bound, cancellation), watch, cancellation);
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        ChatRequest bound = bind(request);
        retries.recordCall();
        // Retried only before its first part reaches the caller; see RetryingChatStream.
        if (listeners.isEmpty()) {
            return new RetryingChatStream(vertx.getOrCreateContext(), () -> provider.stream(bound), retries::next);
        }
        CallObserver observer = listeners.call(bound.model(), true, null, servers(), List.of(), bound);
        return new RetryingChatStream(vertx.getOrCreateContext(), () -> {
            observer.started(provider.id());
            return provider.stream(bound);
        }, (error, made) -> retries.next(error, made, observer), observer);
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

    /** This model's provider and the base URL in use, for the listeners' {@code server.address}. */
    Map<String, URI> servers() {
        return Map.of(provider.id(), provider.baseUrl());
    }
}
