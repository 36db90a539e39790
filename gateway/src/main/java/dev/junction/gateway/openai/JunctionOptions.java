package dev.junction.gateway.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.RoutePolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The request body's optional {@code junction} object, the gateway's own routing controls:
 * {@code {"route":"cheapest","max_price_usd":0.01,"providers":["acedata","google"]}}.
 *
 * @param route how to order the providers that serve the model, or {@code null} for the server's default
 * @param maxPriceUsd the most the call may be quoted at, in US dollars, positive; or {@code null} for no ceiling
 * @param providers the providers to consider, in order of preference; empty for the server's default
 */
public record JunctionOptions(RoutePolicy route, BigDecimal maxPriceUsd, List<String> providers) {

    /** No options: every field absent. */
    public static final JunctionOptions NONE = new JunctionOptions(null, null, List.of());

    /** Copies the providers and checks the ceiling is positive. */
    public JunctionOptions {
        providers = providers == null ? List.of() : List.copyOf(providers);
        if (maxPriceUsd != null && maxPriceUsd.signum() <= 0) {
            throw new IllegalArgumentException("maxPriceUsd must be positive, got " + maxPriceUsd.toPlainString());
        }
    }

    /** Reads the {@code junction} object; {@code null} reads as {@link #NONE}. */
    static JunctionOptions fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            return NONE;
        }
        if (!node.isObject()) {
            throw Fields.wrongType("junction", "an object such as {\"route\":\"cheapest\"}", node);
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (!name.equals("route") && !name.equals("max_price_usd") && !name.equals("providers")) {
                throw GatewayRequestException.invalid(GatewayRequestException.UNRECOGNIZED_ARGUMENT, "junction." + name,
                        "unrecognized request argument supplied: junction." + name
                                + " (the junction object takes route, max_price_usd and providers)");
            }
        }
        return new JunctionOptions(route(node), maxPrice(node), providers(node));
    }

    private static RoutePolicy route(JsonNode node) {
        String route = Fields.string(node, "route", "junction.route", false);
        if (route == null) {
            return null;
        }
        for (RoutePolicy policy : RoutePolicy.values()) {
            if (policy.name().equalsIgnoreCase(route)) {
                return policy;
            }
        }
        throw GatewayRequestException.invalid("junction.route", "'junction.route' must be ordered, cheapest or fastest, got \"" + route + "\"");
    }

    private static BigDecimal maxPrice(JsonNode node) {
        JsonNode price = Fields.number(node, "max_price_usd", "junction.max_price_usd");
        if (price == null) {
            return null;
        }
        boolean finite = !price.isFloatingPointNumber() || price.isBigDecimal() || Double.isFinite(price.doubleValue());
        if (!finite || price.decimalValue().signum() <= 0) {
            throw GatewayRequestException.invalid("junction.max_price_usd",
                    "'junction.max_price_usd' must be a positive number of US dollars, such as 0.01, got " + price);
        }
        return price.decimalValue();
    }

    private static List<String> providers(JsonNode node) {
        JsonNode array = Fields.array(node, "providers", "junction.providers", false);
        List<String> providers = new ArrayList<>();
        if (array == null) {
            return providers;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = Fields.path("junction.providers", i);
            JsonNode id = array.get(i);
            if (!id.isTextual() || id.textValue().isBlank()) {
                throw Fields.wrongType(path, "a provider id such as \"acedata\"", id);
            }
            providers.add(id.textValue());
        }
        return providers;
    }
}
