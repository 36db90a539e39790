package dev.junction.gateway;

import dev.junction.gateway.state.GatewayState;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's endpoints: {@code /healthz} (the process answers), {@code /readyz} (providers
 * are served and, when configured, Redis answers; a load balancer sends traffic only then) and
 * {@code /metrics} (Prometheus text: Junction's GenAI client meters with cost, and the gateway's).
 */
final class Probes {
    private final Served served;
    private final GatewayState state;
    private final PrometheusMeterRegistry meters;

    Probes(Served served, GatewayState state, PrometheusMeterRegistry meters) {
        this.served = served;
        this.state = state;
        this.meters = meters;
    }

    void health(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", Replies.JSON).end(new JsonObject().put("status", "ok").encode());
    }

    void ready(RoutingContext ctx) {
        List<String> problems = new ArrayList<>();
        if (served.providers().isEmpty()) {
            problems.add("no provider is served: " + (served.problems().isEmpty() ? "none is installed" : String.join("; ", served.problems())));
        }
        state.ping().onComplete(ping -> {
            if (ping.failed()) {
                problems.add("redis: " + ping.cause().getMessage());
            }
            JsonObject body = new JsonObject()
                    .put("status", problems.isEmpty() ? "ready" : "not_ready")
                    .put("providers", new JsonArray(List.copyOf(new java.util.TreeSet<>(served.providers()))))
                    .put("state", state.shared() ? "redis" : "memory")
                    .put("problems", new JsonArray(problems));
            ctx.response().setStatusCode(problems.isEmpty() ? 200 : 503).putHeader("Content-Type", Replies.JSON).end(body.encode());
        });
    }

    void metrics(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(meters.scrape());
    }
}
