package dev.junction.gateway;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.cost.CostRange;
import dev.junction.gateway.config.KeyConfig;
import dev.junction.gateway.media.SafeMediaInliner;
import dev.junction.gateway.openai.CompletionJson;
import dev.junction.gateway.openai.InboundChat;
import dev.junction.gateway.openai.InboundChats;
import dev.junction.gateway.state.Reservation;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /v1/chat/completions}: parse, route, rate-limit, inline media (when enabled), quote,
 * reserve the budget, call, settle, and answer in OpenAI's shape, streamed or not. The caller's key
 * was checked before the body was read ({@link ClientKeys#handler}).
 */
final class ChatHandler implements Handler<RoutingContext> {
    private final Routes routes;
    private final Accounting accounting;
    private final SafeMediaInliner inliner;
    private final Clock clock;

    ChatHandler(Routes routes, Accounting accounting, SafeMediaInliner inliner, Clock clock) {
        this.routes = routes;
        this.accounting = accounting;
        this.inliner = inliner;
        this.clock = clock;
    }

    /** A request ready to send: its route, its quotes and the budget held for it. */
    record Admitted(KeyConfig key, InboundChat inbound, Routes.Resolved route, Accounting.Priced priced, Reservation reservation) {

        ChatRequest request() {
            return priced.request();
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        try {
            KeyConfig key = ClientKeys.of(ctx);
            InboundChat inbound = InboundChats.parse(ctx.body().buffer());
            Routes.Resolved route = routes.resolve(inbound.model(), inbound.options(), key);
            ChatRequest request = prepare(inbound, route);
            SafeMediaInliner.refuseFiles(request);
            // Every step below is asynchronous (Redis, downloads); the call and the reply must run
            // back on this request's event loop, where the connection's handlers run.
            Context home = Vertx.currentContext();
            accounting.limit(key)
                    .compose(ok -> inliner == null ? Future.succeededFuture(request) : inliner.inline(request))
                    .compose(sent -> {
                        Accounting.Priced priced = accounting.price(sent, route, Accounting.budgeted(key));
                        return accounting.reserve(key, priced, route.model())
                                .map(reservation -> new Admitted(key, inbound, route, priced, reservation));
                    })
                    .onComplete(result -> home.runOnContext(v -> admitted(ctx, result)));
        } catch (RuntimeException e) {
            Replies.error(ctx, e);
        }
    }

    private void admitted(RoutingContext ctx, AsyncResult<Admitted> result) {
        if (result.failed()) {
            Replies.error(ctx, result.cause());
            return;
        }
        Admitted a = result.result();
        try {
            if (ctx.response().closed()) {
                // The client left while we were admitting it: give the budget back and call nobody.
                accounting.release(a.key(), a.reservation());
            } else if (a.inbound().stream()) {
                new StreamRelay(ctx, a, accounting, clock).start();
            } else {
                complete(ctx, a);
            }
        } catch (RuntimeException e) {
            // Nothing was sent when the call could not even start.
            accounting.release(a.key(), a.reservation());
            Replies.error(ctx, e);
        }
    }

    /**
     * The canonical request sent: the route's model, and OpenAI fields the canonical contract does
     * not model (top_p, stop, seed…) passed to each provider of the route as its options.
     */
    private static ChatRequest prepare(InboundChat inbound, Routes.Resolved route) {
        ChatRequest request = inbound.request().withModel(route.model());
        if (inbound.passThrough().isEmpty()) {
            return request;
        }
        ChatRequest.Builder builder = request.toBuilder();
        for (String provider : route.providers()) {
            Map<String, Object> options = new LinkedHashMap<>(request.providerOptions().getOrDefault(provider, Map.of()));
            options.putAll(inbound.passThrough());
            builder.providerOptions(provider, options);
        }
        return builder.build();
    }

    private void complete(RoutingContext ctx, Admitted a) {
        // A client that leaves cancels the vendor call: no further attempt, retry or fallback.
        Promise<Void> clientLeft = Promise.promise();
        ctx.response().closeHandler(closed -> clientLeft.tryComplete());
        a.route().chatModel().chat(a.request(), clientLeft.future()).onComplete(result -> {
            if (result.failed()) {
                accounting.settleFailed(a.key(), a.reservation(), result.cause());
                Replies.error(ctx, result.cause());
                return;
            }
            ChatResponse response = result.result();
            BigDecimal cost = response.cost() == null ? null : response.cost().usd();
            accounting.settle(a.key(), a.reservation(), cost, response.usage());
            try {
                reply(ctx, a, response, cost);
            } catch (RuntimeException e) {
                Replies.error(ctx, e);
            }
        });
    }

    private void reply(RoutingContext ctx, Admitted a, ChatResponse response, BigDecimal cost) {
        HttpServerResponse http = ctx.response();
        if (http.closed()) {
            return;
        }
        headers(http, response.provider(), response.failedAttempts().size() + 1, quoted(a, response.provider()));
        if (cost != null) {
            http.putHeader("x-junction-cost-usd", usd(cost));
        }
        http.putHeader("Content-Type", Replies.JSON)
                .end(CompletionJson.render(response, a.inbound().model(), clock.instant().getEpochSecond()));
    }

    /** What the quote before sending expected at the provider that answered. */
    static BigDecimal quoted(Admitted a, String provider) {
        CostRange range = a.priced().byProvider().get(provider);
        return range == null ? null : range.expected();
    }

    /** Dollars as a plain decimal without trailing zeros, as {@code usage.cost} writes them. */
    static String usd(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    static void headers(HttpServerResponse http, String provider, int attempts, BigDecimal quoted) {
        http.putHeader("x-junction-provider", provider).putHeader("x-junction-attempts", Integer.toString(attempts));
        if (quoted != null) {
            http.putHeader("x-junction-quote-usd", usd(quoted));
        }
    }
}
