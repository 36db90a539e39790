package dev.junction.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.Junction;
import dev.junction.chat.ChatRequest;
import dev.junction.cost.CostRange;
import dev.junction.gateway.config.KeyConfig;
import dev.junction.gateway.openai.InboundChat;
import dev.junction.gateway.openai.InboundChats;
import dev.junction.quote.Quote;
import dev.junction.quote.QuoteOptions;
import dev.junction.quote.Quotes;
import dev.junction.quote.Unservable;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /v1/junction/quote}: the body of a chat completion, answered with what it would cost
 * at each provider of its route, ranked cheapest first, before anything is sent. Needs no vendor
 * call, so it is free and instant; the route's policy and ceiling show which provider a real call
 * would try first.
 */
final class QuoteHandler implements Handler<RoutingContext> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Routes routes;
    private final Junction junction;
    QuoteHandler(Routes routes, Junction junction) {
        this.routes = routes;
        this.junction = junction;
    }

    @Override
    public void handle(RoutingContext ctx) {
        try {
            KeyConfig key = ClientKeys.of(ctx);
            InboundChat inbound = InboundChats.parse(ctx.body().buffer());
            Routes.Resolved route = routes.resolve(inbound.model(), inbound.options(), key);
            ChatRequest request = inbound.request().withModel(route.model());
            Quotes quotes = junction.quote(request, QuoteOptions.defaults().withProviders(Set.copyOf(route.providers())));
            ctx.response().putHeader("Content-Type", Replies.JSON)
                    .end(Buffer.buffer(JSON.writeValueAsBytes(render(inbound.model(), route, quotes))));
        } catch (RuntimeException e) {
            Replies.error(ctx, e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Replies.error(ctx, new IllegalStateException("cannot write the quote", e));
        }
    }

    static ObjectNode render(String requested, Routes.Resolved route, Quotes quotes) {
        ObjectNode root = NODES.objectNode();
        root.put("object", "junction.quote");
        root.put("model", requested);
        root.put("canonical_model", quotes.model());
        ObjectNode routeNode = root.putObject("route");
        routeNode.put("policy", route.policy().name().toLowerCase(Locale.ROOT));
        putUsd(routeNode, "max_price_usd", route.maxPriceUsd());
        ArrayNode providers = routeNode.putArray("providers");
        route.providers().forEach(providers::add);
        ObjectNode input = root.putObject("input_tokens");
        input.put("low", quotes.input().low()).put("expected", quotes.input().expected()).put("high", quotes.input().high());
        root.put("output_tokens", quotes.outputTokens());
        root.put("output_assumption", quotes.outputAssumption());
        ArrayNode ranked = root.putArray("quotes");
        for (Quote quote : quotes.quotes()) {
            ObjectNode q = ranked.addObject();
            q.put("provider", quote.provider());
            q.put("vendor_model", quote.vendorModel());
            q.put("price_known", quote.priceKnown());
            if (quote.priceKnown()) {
                range(q.putObject("usd"), quote.usd());
                // As the route decides: a provider whose high figure is over the ceiling is not called.
                boolean over = route.maxPriceUsd() != null && quote.usd().high().compareTo(route.maxPriceUsd()) > 0;
                q.put("within_ceiling", !over);
                if (quote.credits() != null) {
                    range(q.putObject("credits"), quote.credits());
                }
            } else {
                // Under a ceiling, a provider with no known price is not called.
                q.put("within_ceiling", route.maxPriceUsd() == null);
                q.put("unknown_price_reason", quote.unknownPriceReason());
            }
            ArrayNode notes = q.putArray("notes");
            quote.notes().forEach(notes::add);
        }
        ArrayNode unservable = root.putArray("unservable");
        for (Unservable u : quotes.unservable()) {
            unservable.addObject().put("provider", u.provider()).put("vendor_model", u.vendorModel()).put("reason", u.reason());
        }
        return root;
    }

    private static void range(ObjectNode node, CostRange range) {
        putUsd(node, "low", range.low());
        putUsd(node, "expected", range.expected());
        putUsd(node, "high", range.high());
    }

    private static void putUsd(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.stripTrailingZeros());
        }
    }
}
