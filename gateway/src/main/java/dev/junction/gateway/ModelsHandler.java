package dev.junction.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.RoutePolicy;
import dev.junction.catalog.CanonicalModel;
import dev.junction.catalog.Offer;
import dev.junction.gateway.config.GatewayConfig;
import dev.junction.gateway.config.KeyConfig;
import dev.junction.gateway.config.RouteConfig;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/models}, in OpenAI's list shape: each routed canonical id (with its route under
 * {@code junction}), then each served {@code provider/model} pair; only what the caller's key may use.
 */
final class ModelsHandler implements Handler<RoutingContext> {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final GatewayConfig config;
    private final Served served;
    private final Routes routes;
    ModelsHandler(GatewayConfig config, Served served, Routes routes) {
        this.config = config;
        this.served = served;
        this.routes = routes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        try {
            KeyConfig key = ClientKeys.of(ctx);
            ObjectNode root = JsonNodeFactory.instance.objectNode().put("object", "list");
            ArrayNode data = root.putArray("data");
            for (String id : routes.routeIds()) {
                if (!allowed(key, id)) {
                    continue;
                }
                CanonicalModel model = served.catalog().find(id).orElseThrow();
                RouteConfig route = config.routes().get(id);
                ObjectNode entry = entry(data, id, "junction");
                ObjectNode junction = entry.putObject("junction");
                RoutePolicy policy = route != null && route.policy() != null ? route.policy() : RoutePolicy.ORDERED;
                junction.put("policy", policy.name().toLowerCase(Locale.ROOT));
                if (route != null && route.maxPriceUsd() != null) {
                    junction.put("max_price_usd", route.maxPriceUsd());
                }
                ArrayNode providers = junction.putArray("providers");
                List<String> ids = route != null && !route.providers().isEmpty() ? route.providers() : served.offering(model);
                ids.forEach(providers::add);
            }
            for (CanonicalModel model : served.catalog().models()) {
                for (Offer offer : model.offers()) {
                    String id = offer.provider() + "/" + model.id();
                    if (served.providers().contains(offer.provider()) && allowed(key, id)) {
                        entry(data, id, offer.provider()).putObject("junction").put("vendor_model", offer.vendorModel());
                    }
                }
            }
            ctx.response().putHeader("Content-Type", Replies.JSON).end(Buffer.buffer(JSON.writeValueAsBytes(root)));
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            Replies.error(ctx, e);
        }
    }

    private static boolean allowed(KeyConfig key, String id) {
        return key.models().isEmpty() || key.models().contains(id);
    }

    private static ObjectNode entry(ArrayNode data, String id, String owner) {
        return data.addObject().put("id", id).put("object", "model").put("created", 0).put("owned_by", owner);
    }
}
