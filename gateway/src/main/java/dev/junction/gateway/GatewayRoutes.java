package dev.junction.gateway;

import dev.junction.Junction;
import dev.junction.gateway.config.GatewayConfig;
import dev.junction.gateway.config.MediaConfig;
import dev.junction.gateway.media.AddressPolicy;
import dev.junction.gateway.media.SafeMediaInliner;
import dev.junction.gateway.openai.ErrorJson;
import dev.junction.gateway.state.GatewayState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The gateway's HTTP surface: which path goes to which handler, behind which limits. */
final class GatewayRoutes {
    /** Paths counted by name in the request metric; any other path counts as "other", so clients cannot grow its tags. */
    private static final Set<String> KNOWN_PATHS = Set.of("/v1/chat/completions", "/v1/models", "/v1/junction/quote",
            "/healthz", "/readyz", "/metrics");
    private final GatewayConfig config;
    private final Junction junction;
    private final Served served;
    private final GatewayState state;
    private final PrometheusMeterRegistry meters;
    private final InFlight inFlight;
    private final Clock clock;
    /**
     * The request counters, by path and then by status code, so that a request neither builds the
     * meter's tags and looks it up in the registry, nor makes a key to find it here.
     */
    private final Map<String, Counter[]> requestCounters = new ConcurrentHashMap<>();
    private SafeMediaInliner inliner;
    private final Accounting accounting;

    GatewayRoutes(GatewayConfig config, Junction junction, Served served, GatewayState state, PrometheusMeterRegistry meters,
            InFlight inFlight, Clock clock) {
        this.config = config;
        this.junction = junction;
        this.served = served;
        this.state = state;
        this.meters = meters;
        this.inFlight = inFlight;
        this.clock = clock;
        this.accounting = new Accounting(junction, state);
    }

    Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        ClientKeys keys = new ClientKeys(config.keys());
        Routes routes = new Routes(junction, config, served);
        Probes probes = new Probes(served, state, meters);
        MediaConfig media = config.media();
        inliner = media != null && media.inlineRemote()
                ? new SafeMediaInliner(vertx, AddressPolicy.strict(), media.maxBytes(), media.timeout()) : null;

        router.route().handler(this::track);
        if (!config.server().corsOrigins().isEmpty()) {
            router.route().handler(CorsHandler.create()
                    .addOrigins(config.server().corsOrigins())
                    .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS))
                    .allowedHeaders(Set.of("Authorization", "Content-Type", "x-api-key", "OpenAI-Organization", "OpenAI-Project",
                            "x-stainless-os", "x-stainless-lang", "x-stainless-package-version", "x-stainless-runtime",
                            "x-stainless-runtime-version", "x-stainless-arch", "x-stainless-retry-count", "x-stainless-timeout"))
                    .exposedHeaders(Set.of("x-junction-provider", "x-junction-cost-usd", "x-junction-quote-usd",
                            "x-junction-attempts", "Retry-After", "x-should-retry")));
        }
        BodyHandler body = BodyHandler.create(false).setBodyLimit(config.server().maxRequestBytes());
        // Authentication first, on routes of its own (Vert.x Web wants a route's body handler before
        // its other handlers): an unknown caller is turned away before its body is read.
        Handler<RoutingContext> auth = keys.handler();
        router.post("/v1/chat/completions").handler(auth);
        router.post("/v1/junction/quote").handler(auth);
        router.post("/v1/chat/completions").handler(body).handler(new ChatHandler(routes, accounting, inliner, clock));
        router.post("/v1/junction/quote").handler(body).handler(new QuoteHandler(routes, junction));
        router.get("/v1/models").handler(auth).handler(new ModelsHandler(config, served, routes));
        router.get("/healthz").handler(probes::health);
        router.get("/readyz").handler(probes::ready);
        router.get("/metrics").handler(probes::metrics);

        router.errorHandler(400, ctx -> error(ctx, 400, "invalid_request", "the request could not be read: "
                + (ctx.failure() == null ? "malformed HTTP" : ctx.failure().getMessage())));
        router.errorHandler(413, ctx -> error(ctx, 413, "request_too_large", "the request body is over the gateway's limit of "
                + config.server().maxRequestBytes() + " bytes (server.max_request_bytes); send media by URL, or smaller"));
        router.errorHandler(404, ctx -> error(ctx, 404, "not_found", "no such endpoint: " + ctx.request().method() + " "
                + ctx.request().path() + "; the gateway serves POST /v1/chat/completions, GET /v1/models and POST /v1/junction/quote"));
        router.errorHandler(405, ctx -> error(ctx, 405, "method_not_allowed", ctx.request().method() + " is not allowed on "
                + ctx.request().path()));
        router.errorHandler(500, ctx -> Replies.error(ctx, ctx.failure() == null ? new IllegalStateException("unknown") : ctx.failure()));
        return router;
    }

    /** Waits (up to {@code limit}) for settlements under way: a shutdown must not lose them. */
    Future<Void> drain(java.time.Duration limit) {
        return accounting.drain(limit);
    }

    /** Releases what the routes hold beyond the router: the media downloader's HTTP client. */
    Future<Void> close() {
        return inliner == null ? Future.succeededFuture() : inliner.close();
    }

    /** Counts each request in and out, and turns requests away once a shutdown has begun. */
    private void track(RoutingContext ctx) {
        if (!inFlight.enter()) {
            ctx.response().putHeader("Connection", "close");
            Replies.send(ctx.response(), 503, ErrorJson.envelope("the gateway is shutting down; retry, and the load balancer"
                    + " will send you to another instance", "service_unavailable", "shutting_down", null), "1", true);
            return;
        }
        String path = KNOWN_PATHS.contains(ctx.request().path()) ? ctx.request().path() : "other";
        ctx.addEndHandler(ended -> {
            inFlight.exit();
            requests(path, ctx.response().getStatusCode()).increment();
        });
        ctx.next();
    }

    private Counter requests(String path, int status) {
        Counter[] byStatus = requestCounters.computeIfAbsent(path, p -> new Counter[600]);
        if (status < 0 || status >= byStatus.length) {
            return meters.counter("junction.gateway.requests", "path", path, "status", Integer.toString(status));
        }
        Counter counter = byStatus[status];
        if (counter == null) {
            // Two threads may both fill the slot: the registry gives both the same meter.
            counter = meters.counter("junction.gateway.requests", "path", path, "status", Integer.toString(status));
            byStatus[status] = counter;
        }
        return counter;
    }

    private static void error(RoutingContext ctx, int status, String code, String message) {
        if (!ctx.response().headWritten()) {
            Replies.send(ctx.response(), status, ErrorJson.envelope(message, "invalid_request", code, null), null, false);
        }
    }
}
