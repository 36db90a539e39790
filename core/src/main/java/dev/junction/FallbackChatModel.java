package dev.junction;

import dev.junction.catalog.HealthStore;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.error.Attempt;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.cost.CostRange;
import dev.junction.internal.async.Cancellation;
import dev.junction.internal.media.MediaScan;
import dev.junction.internal.observe.CallObserver;
import dev.junction.internal.observe.Listeners;
import dev.junction.internal.retry.AttemptLog;
import dev.junction.internal.retry.AttemptWatch;
import dev.junction.internal.retry.RetryingChatStream;
import dev.junction.quote.Quote;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat model over several providers, tried in order: each with its own retries, then the next.
 * A provider whose catalog or documented rules say it cannot serve the request, or that is cooling
 * down after recent failures, is skipped, and the response says why. An INVALID_REQUEST stops the
 * fallback: the request itself is wrong.
 */
final class FallbackChatModel implements ChatModel {
    private final List<BoundChatModel> members;
    private final Vertx vertx;
    private final HealthStore health;
    private final Listeners listeners;
    /** The route's policy, or {@code null} for a plain fallback. */
    private final String route;
    /** The quotes a route made for this request, by provider; empty when none was made. */
    private final Map<String, Quote> quotes;

    FallbackChatModel(List<BoundChatModel> members, Vertx vertx, HealthStore health, Listeners listeners) {
        this(members, vertx, health, listeners, null, Map.of());
    }

    /** A route's fallback for one request: its policy and the quotes it made, told to listeners and kept on the response. */
    FallbackChatModel(List<BoundChatModel> members, Vertx vertx, HealthStore health, Listeners listeners, String route,
            Map<String, Quote> quotes) {
        this.members = List.copyOf(members);
        this.vertx = vertx;
        this.health = health;
        this.listeners = listeners;
        this.route = route;
        this.quotes = Map.copyOf(quotes);
    }

    @Override
    public String provider() {
        return members.get(0).provider();
    }

    @Override
    public String model() {
        return members.get(0).model();
    }

    @Override
    public Future<ChatResponse> chat(ChatRequest request) {
        return chat(request, Cancellation.NEVER);
    }

    @Override
    public Future<ChatResponse> chat(ChatRequest request, Future<Void> cancellation) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(cancellation, "cancellation");
        Outcome outcome = new Outcome();
        // Prechecks may read the head of attached files, which must not happen on an event loop.
        Future<List<BoundChatModel>> servable = MediaScan.hasFile(request) ? vertx.executeBlocking(() -> servable(request, outcome), false)
                : Future.succeededFuture(servable(request, outcome));
        if (listeners.isEmpty()) {
            return servable.compose(s -> tryFrom(s, 0, request, outcome, AttemptWatch.NONE, cancellation));
        }
        CallObserver observer = listeners.call(request.model() != null ? request.model() : model(), false, route, servers(),
                quoteList(), request);
        return servable.compose(s -> tryFrom(s, 0, request, outcome, observer, cancellation)).onSuccess(observer::callSucceeded)
                .onFailure(observer::callFailed);
    }

    /** The members' providers, in order, with the base URLs in use. */
    private Map<String, URI> servers() {
        Map<String, URI> servers = new LinkedHashMap<>();
        members.forEach(m -> servers.putAll(m.servers()));
        return servers;
    }

    /** The route's quotes in the order of its members. */
    private List<Quote> quoteList() {
        return members.stream().map(m -> quotes.get(m.provider())).filter(Objects::nonNull).toList();
    }

    /**
     * Whether a provider's final error moves the fallback on to member {@code i + 1} of {@code size}:
     * not when the request is wrong, nor when the caller cancelled.
     */
    private static boolean movesOn(JunctionException error, int i, int size) {
        return error.kind() != ErrorKind.INVALID_REQUEST && error.kind() != ErrorKind.CANCELLED && i + 1 < size;
    }

    /** The response with the route's quote for the provider that answered, when one was made with a known price. */
    private ChatResponse quoted(ChatResponse response) {
        CostRange usd = quotedUsd(response.provider());
        return usd == null ? response : response.withQuotedUsd(usd);
    }

    /** What the route quoted a provider, or {@code null} when it made no quote or the price is unknown. */
    private CostRange quotedUsd(String provider) {
        Quote q = quotes.get(provider);
        return q == null ? null : q.usd();
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        Outcome outcome = new Outcome();
        // No file reads on the stream's event loop: with files attached, each provider's own
        // pre-send checks decide instead (an unservable provider then fails, and the next is tried).
        List<BoundChatModel> servable = MediaScan.hasFile(request) ? warm(members, outcome) : servable(request, outcome);
        if (servable.isEmpty()) {
            servable = members;
        }
        servable.get(0).retries().recordCall();
        if (listeners.isEmpty()) {
            StreamCursor cursor = new StreamCursor(servable, request, AttemptWatch.NONE);
            return new RetryingChatStream(vertx.getOrCreateContext(), cursor::attempt, cursor::next, AttemptWatch.NONE, this::quotedUsd);
        }
        CallObserver observer = listeners.call(request.model() != null ? request.model() : model(), true, route, servers(),
                quoteList(), request);
        StreamCursor cursor = new StreamCursor(servable, request, observer);
        return new RetryingChatStream(vertx.getOrCreateContext(), cursor::attempt, cursor::next, observer, this::quotedUsd);
    }

    /** The members that look able to serve the request and are not cooling down, noting why the others were skipped. */
    private List<BoundChatModel> servable(ChatRequest request, Outcome outcome) {
        List<BoundChatModel> out = new ArrayList<>();
        for (BoundChatModel m : members) {
            Optional<JunctionException> why = m.precheck(request);
            if (why.isPresent()) {
                outcome.skip(m.provider() + " was skipped: " + why.get().getMessage());
                outcome.failures.add(why.get());
            } else {
                out.add(m);
            }
        }
        return warm(out, outcome);
    }

    /**
     * The members not cooling down after recent failures; when every one is, the one whose cooldown
     * ends first, so that a call is still made.
     */
    private List<BoundChatModel> warm(List<BoundChatModel> candidates, Outcome outcome) {
        List<BoundChatModel> warm = new ArrayList<>();
        BoundChatModel soonest = null;
        Instant soonestEnd = null;
        for (BoundChatModel m : candidates) {
            Optional<Instant> until = health.cooldownUntil(m.provider());
            if (until.isEmpty()) {
                warm.add(m);
            } else {
                outcome.skip(m.provider() + " was skipped: cooling down after recent failures, until " + until.get());
                if (soonestEnd == null || until.get().isBefore(soonestEnd)) {
                    soonest = m;
                    soonestEnd = until.get();
                }
            }
        }
        if (warm.isEmpty() && soonest != null) {
            outcome.skip("every provider is cooling down; " + soonest.provider() + ", whose cooldown ends first, is tried");
            return List.of(soonest);
        }
        return warm;
    }

    private Future<ChatResponse> tryFrom(List<BoundChatModel> servable, int i, ChatRequest request, Outcome outcome, AttemptWatch watch,
            Future<Void> cancellation) {
        if (i >= servable.size()) {
            return Future.failedFuture(outcome.failure());
        }
        if (Cancellation.cancelled(cancellation)) {
            return Future.failedFuture(Cancellation.error(null).toBuilder().attempts(outcome.attempts).build());
        }
        BoundChatModel member = servable.get(i);
        if (watch.active()) {
            watch.fallsBackWhen(error -> movesOn(error, i, servable.size()));
        }
        return member.call(member.bind(request), watch, cancellation)
                .map(response -> quoted(response.withFailedAttempts(outcome.before(response.failedAttempts()))
                        .withWarnings(outcome.skipped)))
                .recover(e -> {
                    JunctionException error = (JunctionException) e;
                    outcome.failed(error);
                    logMove(servable, i, error);
                    if (error.kind() == ErrorKind.CANCELLED) {
                        // Not combined with the earlier providers' failures: the call ended because its caller gave up.
                        return Future.failedFuture(error.toBuilder().attempts(outcome.attempts).build());
                    }
                    return movesOn(error, i, servable.size()) ? tryFrom(servable, i + 1, request, outcome, watch, cancellation)
                            : Future.failedFuture(outcome.failure());
                });
    }

    /** Says on the debug log what follows member {@code i}'s failure: the next member, or the end and why. */
    private static void logMove(List<BoundChatModel> servable, int i, JunctionException error) {
        if (AttemptLog.enabled()) {
            String decision = error.kind() == ErrorKind.INVALID_REQUEST ? "no fallback: the request itself is wrong"
                    : error.kind() == ErrorKind.CANCELLED ? "no fallback: the caller cancelled"
                    : i + 1 < servable.size() ? "falling back to " + servable.get(i + 1).provider()
                    : "no fallback left";
            AttemptLog.fallback(servable.get(i).provider(), error, decision);
        }
    }

    /** What the members said so far: skips, failures and every attempt, in order. */
    private static final class Outcome {
        final List<String> skipped = new ArrayList<>();
        final List<JunctionException> failures = new ArrayList<>();
        final List<Attempt> attempts = new ArrayList<>();

        void skip(String why) {
            skipped.add(why);
            AttemptLog.skipped(why);
        }

        void failed(JunctionException error) {
            failures.add(error);
            attempts.addAll(error.attempts());
        }

        List<Attempt> before(List<Attempt> own) {
            List<Attempt> all = new ArrayList<>(attempts);
            all.addAll(own);
            return all;
        }

        JunctionException failure() {
            return FallbackErrors.combined(failures, attempts);
        }
    }

    /** Which member a stream's attempts go to, and when to move on to the next. */
    private final class StreamCursor {
        private final List<BoundChatModel> servable;
        private final ChatRequest request;
        private int index;
        private int attemptsHere;
        private final Outcome outcome = new Outcome();
        private final AttemptWatch watch;

        StreamCursor(List<BoundChatModel> servable, ChatRequest request, AttemptWatch watch) {
            this.servable = servable;
            this.request = request;
            this.watch = watch;
        }

        ChatStream attempt() {
            attemptsHere++;
            if (watch.active()) {
                int i = index;
                watch.fallsBackWhen(error -> movesOn(error, i, servable.size()));
                watch.started(servable.get(index).provider());
            }
            return servable.get(index).attempt(request);
        }

        /** The current member's retry verdict; once it says no, the next member at once, unless the request is wrong. */
        Future<Void> next(JunctionException error, int attemptsMade) {
            return servable.get(index).retries().next(error, attemptsHere, watch).recover(stop -> {
                outcome.failed(stop instanceof JunctionException je ? je : error);
                logMove(servable, index, error);
                if (!movesOn(error, index, servable.size())) {
                    return Future.failedFuture(outcome.failure());
                }
                index++;
                attemptsHere = 0;
                servable.get(index).retries().recordCall();
                return Future.succeededFuture();
            });
        }
    }
}
