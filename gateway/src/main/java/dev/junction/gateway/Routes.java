package dev.junction.gateway;

import dev.junction.Junction;
import dev.junction.RoutePolicy;
import dev.junction.catalog.CanonicalModel;
import dev.junction.chat.ChatModel;
import dev.junction.gateway.config.GatewayConfig;
import dev.junction.gateway.config.KeyConfig;
import dev.junction.gateway.config.RouteConfig;
import dev.junction.gateway.openai.GatewayRequestException;
import dev.junction.gateway.openai.JunctionOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a request's {@code model} (and its {@code junction} object) into the chat model that
 * serves it: {@code provider/model} goes to that provider; a canonical id goes through its route,
 * the config's or, when the config has none for it, an {@code ordered} route over every served
 * provider offering it. A request may narrow a route (fewer providers, another policy, a lower
 * price ceiling), never widen it.
 */
final class Routes {
    /** Settings every gateway call carries: media URLs are never fetched by the engine (see SafeMediaInliner). */
    private static final String GATEWAY_SETTINGS = "inlineRemoteMedia=false";
    /**
     * What a provider id or model name may hold. The names go into config strings, so nothing
     * that a config string parses ({@code ? & = / :} and blanks) may come from a client.
     */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}");
    /** At most this many chat models are kept; past it, narrowed routes are made per request. */
    private static final int CACHED_MODELS = 256;

    private final Junction junction;
    private final GatewayConfig config;
    private final Served served;
    private final String providerQuery;
    private final Map<String, ChatModel> models = new ConcurrentHashMap<>();

    Routes(Junction junction, GatewayConfig config, Served served) {
        this.junction = junction;
        this.config = config;
        this.served = served;
        String upstream = config.upstream() == null ? "" : config.upstream().strip();
        this.providerQuery = upstream.isEmpty() ? GATEWAY_SETTINGS : upstream + "&" + GATEWAY_SETTINGS;
    }

    /**
     * Where a request goes.
     *
     * @param model the canonical model id sent to the engine
     * @param providers the providers that may serve it, in route order
     * @param policy how they are ordered
     * @param maxPriceUsd the price ceiling, or {@code null}
     * @param chatModel the engine's chat model for it
     */
    record Resolved(String model, List<String> providers, RoutePolicy policy, BigDecimal maxPriceUsd, ChatModel chatModel) {
    }

    Resolved resolve(String requested, JunctionOptions options, KeyConfig key) {
        if (key != null && !key.models().isEmpty() && !key.models().contains(requested)) {
            throw new GatewayRequestException(403, "permission_denied", "model_not_allowed", "model",
                    "the key '" + key.name() + "' may not use the model '" + requested + "'; it may use: "
                            + String.join(", ", key.models().stream().sorted().toList()));
        }
        int slash = requested.indexOf('/');
        String provider = slash > 0 ? requested.substring(0, slash) : null;
        String model = slash > 0 ? requested.substring(slash + 1) : requested;
        if (provider != null && !NAME.matcher(provider).matches() || !NAME.matcher(model).matches()) {
            throw new GatewayRequestException(400, "invalid_request", "invalid_request", "model",
                    "the model must be a canonical id such as gemini-2.5-pro, or provider/model such as acedata/gemini-2.5-pro,"
                            + " made of letters, digits and . _ @ + -");
        }
        if (options.providers().size() != new java.util.HashSet<>(options.providers()).size()) {
            throw new GatewayRequestException(400, "invalid_request", "invalid_request", "junction.providers",
                    "junction.providers names a provider twice: " + options.providers());
        }
        return provider != null ? direct(provider, model, options) : routed(model, options);
    }

    private Resolved direct(String provider, String model, JunctionOptions options) {
        if (!served.providers().contains(provider)) {
            throw notFound("the provider '" + provider + "' is not served by this gateway; served: "
                    + String.join(", ", served.providers()) + " (GET /v1/models lists every model)");
        }
        if (!options.providers().isEmpty() && !options.providers().contains(provider)) {
            throw new GatewayRequestException(400, "invalid_request", "invalid_request", "junction.providers",
                    "junction.providers " + options.providers() + " excludes " + provider + ", the provider the model names");
        }
        CanonicalModel canonical = served.catalog().find(model).orElse(null);
        if (canonical == null) {
            // A vendor model name Junction's catalog does not know yet: sent as is, unpriced.
            if (options.maxPriceUsd() != null) {
                throw new GatewayRequestException(400, "invalid_request", "price_unknown", "junction.max_price_usd",
                        "no price is known for " + provider + "/" + model + ", so a price ceiling cannot be held;"
                                + " use a model GET /v1/models lists, or drop max_price_usd");
            }
            return new Resolved(model, List.of(provider), RoutePolicy.ORDERED, null, chatModel(provider + ":" + model + "?" + providerQuery));
        }
        if (canonical.offers().stream().noneMatch(o -> o.provider().equals(provider))) {
            throw notFound(provider + " does not offer " + canonical.id() + "; GET /v1/models lists what it does");
        }
        // The operator's ceiling for this model holds for direct calls too; its provider list does
        // not: naming a provider is how a key with access to provider/model pairs skips routing.
        RouteConfig route = config.routes().get(canonical.id());
        BigDecimal ceiling = lower(route == null ? null : route.maxPriceUsd(), options.maxPriceUsd());
        String configString = ceiling == null
                ? provider + ":" + canonical.id() + "?" + providerQuery
                : routeString(canonical.id(), RoutePolicy.ORDERED, ceiling, List.of(provider));
        return new Resolved(canonical.id(), List.of(provider), RoutePolicy.ORDERED, ceiling, chatModel(configString));
    }

    private Resolved routed(String requested, JunctionOptions options) {
        CanonicalModel canonical = served.catalog().find(requested).orElseThrow(() -> notFound("no route or provider serves the model '"
                + requested + "'; use a canonical id (" + String.join(", ", routeIds()) + ") or provider/model"));
        RouteConfig route = config.routes().get(canonical.id());
        List<String> providers = route != null && !route.providers().isEmpty() ? route.providers() : served.offering(canonical);
        if (providers.isEmpty()) {
            throw notFound("no served provider offers " + canonical.id() + "; served: " + String.join(", ", served.providers()));
        }
        if (!options.providers().isEmpty()) {
            List<String> narrowed = new ArrayList<>();
            for (String id : options.providers()) {
                if (!providers.contains(id)) {
                    throw new GatewayRequestException(400, "invalid_request", "invalid_request", "junction.providers",
                            "junction.providers names " + id + ", which is not in the route for " + canonical.id()
                                    + "; the route's providers: " + String.join(", ", providers));
                }
                narrowed.add(id);
            }
            providers = narrowed;
        }
        RoutePolicy policy = options.route() != null ? options.route()
                : route != null && route.policy() != null ? route.policy() : RoutePolicy.ORDERED;
        BigDecimal ceiling = lower(route == null ? null : route.maxPriceUsd(), options.maxPriceUsd());
        return new Resolved(canonical.id(), List.copyOf(providers), policy, ceiling,
                chatModel(routeString(canonical.id(), policy, ceiling, providers)));
    }

    /** The canonical ids this gateway routes: those with at least one served provider. */
    List<String> routeIds() {
        return served.catalog().models().stream().filter(m -> !served.offering(m).isEmpty()).map(CanonicalModel::id).toList();
    }

    private String routeString(String model, RoutePolicy policy, BigDecimal ceiling, List<String> providers) {
        return "route:" + model + "?policy=" + policy.name().toLowerCase(Locale.ROOT)
                + (ceiling == null ? "" : "&maxPriceUsd=" + ceiling.toPlainString())
                + "&providers=" + String.join(",", providers) + "&" + providerQuery;
    }

    /**
     * One chat model per distinct config string, made once (routes keep their providers' clients),
     * for up to {@link #CACHED_MODELS} strings.
     */
    private ChatModel chatModel(String configString) {
        ChatModel model = models.get(configString);
        if (model != null) {
            return model;
        }
        if (models.size() >= CACHED_MODELS) {
            // Clients choose ceilings and provider subsets freely: past the bound, made per request.
            return junction.chatModel(configString);
        }
        return models.computeIfAbsent(configString, junction::chatModel);
    }

    private static BigDecimal lower(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    private static GatewayRequestException notFound(String message) {
        return new GatewayRequestException(404, "model_not_found", "model_not_found", "model", message);
    }
}
