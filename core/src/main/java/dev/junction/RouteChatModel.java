package dev.junction;

import dev.junction.catalog.HealthStore;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.async.Cancellation;
import dev.junction.internal.observe.Listeners;
import dev.junction.internal.openai.stream.StreamingCall;
import dev.junction.quote.Quote;
import dev.junction.quote.QuoteOptions;
import dev.junction.quote.Quotes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A chat model over every provider of one canonical model, ordered per request by a
 * {@link RoutePolicy}, held under a price ceiling, then tried as a fallback: the cheapest (or
 * fastest, or first) first, the next when it fails. The response's warnings say how the route chose.
 */
final class RouteChatModel implements ChatModel {
    private final Junction junction;
    private final String model;
    private final RoutePolicy policy;
    private final BigDecimal maxPriceUsd;
    /** The candidates, by provider id, in the order given. */
    private final Map<String, BoundChatModel> candidates;
    private final List<String> notes;
    private final Function<String, Optional<Duration>> medianLatency;
    private final Vertx vertx;
    private final HealthStore health;
    private final Listeners listeners;

    RouteChatModel(Junction junction, String model, RoutePolicy policy, BigDecimal maxPriceUsd, Map<String, BoundChatModel> candidates,
            List<String> notes, Function<String, Optional<Duration>> medianLatency, Vertx vertx, HealthStore health, Listeners listeners) {
        this.junction = junction;
        this.model = model;
        this.policy = policy;
        this.maxPriceUsd = maxPriceUsd;
        this.candidates = new LinkedHashMap<>(candidates);
        this.notes = List.copyOf(notes);
        this.medianLatency = medianLatency;
        this.vertx = vertx;
        this.health = health;
        this.listeners = listeners;
    }

    @Override
    public String provider() {
        return "route";
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
        ChatRequest bound = request.model() == null ? request.withModel(model) : request;
        Plan plan;
        try {
            plan = plan(bound);
        } catch (JunctionException e) {
            refused(bound, false, e);
            return Future.failedFuture(e);
        }
        return fallback(plan).chat(bound, cancellation).map(response -> response.withWarnings(plan.notes));
    }

    private FallbackChatModel fallback(Plan plan) {
        return new FallbackChatModel(plan.members, vertx, health, listeners, policyName(), plan.quotes);
    }

    /** Every candidate's provider with the base URL in use. */
    private Map<String, URI> servers() {
        Map<String, URI> servers = new LinkedHashMap<>();
        candidates.values().forEach(m -> servers.putAll(m.servers()));
        return servers;
    }

    private String policyName() {
        return policy.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Tells listeners of a call the route refused before any attempt (no provider left under the ceiling). */
    private void refused(ChatRequest request, boolean streaming, JunctionException e) {
        if (!listeners.isEmpty()) {
            listeners.call(request.model(), streaming, policyName(), servers(), List.of(), request).callFailed(e);
        }
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        ChatRequest bound = request.model() == null ? request.withModel(model) : request;
        try {
            return fallback(plan(bound)).stream(bound);
        } catch (JunctionException e) {
            refused(bound, true, e);
            StreamingCall failed = new StreamingCall(vertx.getOrCreateContext(), "route", 1);
            failed.failBeforeSending(e);
            return failed;
        }
    }

    /** The members in the order this request should try them, and what the route says about its choice. */
    private record Plan(List<BoundChatModel> members, List<String> notes, Map<String, Quote> quotes) {
    }

    private Plan plan(ChatRequest request) {
        List<String> said = new ArrayList<>(notes);
        List<String> order = switch (policy) {
            case ORDERED -> new ArrayList<>(candidates.keySet());
            case FASTEST -> fastestFirst();
            case CHEAPEST -> List.of();
        };
        Map<String, Quote> quoted = new LinkedHashMap<>();
        if (policy == RoutePolicy.CHEAPEST || maxPriceUsd != null) {
            order = priced(request, order, said, quoted);
        }
        if (order.isEmpty()) {
            throw JunctionException.builder(ErrorKind.INVALID_REQUEST, "route " + policy.name().toLowerCase(java.util.Locale.ROOT)
                            + " for " + model + " leaves no provider to call: " + String.join("; ", said))
                    .hint(maxPriceUsd != null ? "raise maxPriceUsd, shorten the request, or set a lower maxOutputTokens"
                            : "install or configure a provider of " + model + " (its <ID>_API_KEY)")
                    .build();
        }
        said.add("route " + policy.name().toLowerCase(java.util.Locale.ROOT) + " tried in this order: " + String.join(", ", order));
        quoted.keySet().retainAll(order);
        return new Plan(order.stream().map(candidates::get).toList(), said, quoted);
    }

    /** Measured providers by median time to answer; those not measured yet go first, to be measured. */
    private List<String> fastestFirst() {
        List<String> ids = new ArrayList<>(candidates.keySet());
        ids.sort(Comparator.comparing((String id) -> medianLatency.apply(id).orElse(Duration.ZERO)));
        return ids;
    }

    /**
     * Quotes this request at every candidate. Under a ceiling, keeps those whose quote's high figure
     * is within it (a ceiling is a limit, so the least favourable estimate is compared); an unknown
     * price cannot be held under a ceiling and is dropped. For CHEAPEST the quote decides the order
     * (expected cost, unknown prices last); otherwise the given order stands. Puts every quote made into {@code quoted}.
     */
    private List<String> priced(ChatRequest request, List<String> order, List<String> said, Map<String, Quote> quoted) {
        Quotes quotes = junction.quote(request, QuoteOptions.defaults().withProviders(candidates.keySet()));
        quotes.unservable().forEach(u -> said.add(u.provider() + " cannot serve this request: " + u.reason()));
        Map<String, Quote> byProvider = new LinkedHashMap<>();
        quotes.quotes().stream().filter(q -> candidates.containsKey(q.provider()))
                .forEach(q -> byProvider.put(q.provider(), q));
        quoted.putAll(byProvider);
        List<String> ranked = policy == RoutePolicy.CHEAPEST ? new ArrayList<>(byProvider.keySet())
                : order.stream().filter(byProvider::containsKey).toList();
        List<String> kept = new ArrayList<>();
        for (String id : ranked) {
            Quote q = byProvider.get(id);
            if (maxPriceUsd != null && !q.priceKnown()) {
                said.add(id + " dropped: its price is unknown, so it cannot be held under maxPriceUsd " + maxPriceUsd.toPlainString());
            } else if (maxPriceUsd != null && q.usd().high().compareTo(maxPriceUsd) > 0) {
                said.add(id + " dropped: quoted up to $" + q.usd().high().toPlainString() + ", above maxPriceUsd "
                        + maxPriceUsd.toPlainString());
            } else {
                kept.add(id);
                if (q.priceKnown()) {
                    said.add(id + " quoted $" + q.usd().expected().toPlainString() + " expected ($" + q.usd().low().toPlainString()
                            + "–$" + q.usd().high().toPlainString() + ")");
                }
            }
        }
        return kept;
    }
}
