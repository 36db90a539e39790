package dev.junction.spi;

import dev.junction.catalog.CreditBalance;
import dev.junction.catalog.ProviderModels;
import dev.junction.catalog.RemoteModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Future;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** One configured vendor: its model catalog and a way to chat with it. */
public interface Provider {

    /** The provider id. */
    String id();

    /** A human name. */
    String displayName();

    /** The base URL in use: the override if one was configured, else the vendor's default. */
    URI baseUrl();

    /** The models this provider serves. Never {@code null}. */
    ProviderModels models();

    /**
     * Sends a chat request whose {@link ChatRequest#model()} is set.
     *
     * @return a future failing with a {@link dev.junction.error.JunctionException} (input errors fail
     *     before any network call); never completing with {@code null}
     */
    Future<ChatResponse> chat(ChatRequest request);

    /**
     * As {@link #chat(ChatRequest)}, cancellable by the caller. Once {@code cancellation} (never
     * {@code null}) completes, succeeded or failed, an implementation that honours it stops at once:
     * it resets the exchange in flight (pass it to {@link HttpTransport#send(HttpCall, Future)}) and
     * fails with kind {@link ErrorKind#CANCELLED}, unless it had already completed. This default
     * ignores it: Junction then stops only between attempts, with no retry or fallback after it.
     */
    default Future<ChatResponse> chat(ChatRequest request, Future<Void> cancellation) {
        return chat(request);
    }

    /**
     * Streams a chat request whose {@link ChatRequest#model()} is set. Never returns {@code null}
     * and never throws: every failure, input errors included, arrives through the stream.
     */
    ChatStream stream(ChatRequest request);

    /**
     * Whether this provider could serve the request, judged offline: no network call, no API key
     * needed. Covers the model's declared capabilities and the vendor's documented rules; checks made
     * while the body is written (a media format the vendor does not take) and problems only the
     * vendor can see are not found here. May read the first bytes of attached files.
     *
     * @return empty when the request looks servable, else the error {@link #chat} would fail with
     *     before sending (kind UNSUPPORTED_FEATURE or INVALID_REQUEST); never {@code null}
     */
    default Optional<JunctionException> precheck(ChatRequest request) {
        return Optional.empty();
    }

    /**
     * The account's balance, from the vendor's balance endpoint.
     *
     * @return a future failing with {@link JunctionException}: UNSUPPORTED_FEATURE when the vendor
     *     has no such endpoint, CONFIGURATION without an API key (before any network call), or the
     *     vendor's error; never completing with {@code null}
     */
    default Future<CreditBalance> credits() {
        return Future.failedFuture(unsupported("credit-balance endpoint"));
    }

    /**
     * The models the vendor's model-list endpoint reports now.
     *
     * @return a future failing with {@link JunctionException} as {@link #credits()} does; never
     *     completing with {@code null}
     */
    default Future<List<RemoteModel>> remoteModels() {
        return Future.failedFuture(unsupported("model-list endpoint"));
    }

    private JunctionException unsupported(String what) {
        return JunctionException.builder(ErrorKind.UNSUPPORTED_FEATURE, id() + " documents no " + what)
                .provider(id())
                .hint("check the vendor's dashboard instead")
                .build();
    }
}
