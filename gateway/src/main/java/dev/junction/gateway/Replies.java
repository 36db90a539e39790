package dev.junction.gateway;

import dev.junction.error.JunctionException;
import dev.junction.gateway.openai.ErrorJson;
import dev.junction.gateway.openai.GatewayRequestException;
import dev.junction.gateway.state.BudgetExceededException;
import dev.junction.gateway.state.RateLimitExceededException;
import dev.junction.gateway.state.StateUnavailableException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Errors as OpenAI's envelope, with the status, {@code Retry-After} and retry hint each deserves. */
final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);
    static final String JSON = "application/json";

    private Replies() {
    }

    /** Answers {@code failure} unless the response has gone out already (then the connection is closed). */
    static void error(RoutingContext ctx, Throwable failure) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            if (!response.ended()) {
                response.reset();
            }
            return;
        }
        if (failure instanceof GatewayRequestException e) {
            send(response, e.status(), ErrorJson.of(e), null, e.status() >= 500);
        } else if (failure instanceof JunctionException e) {
            int status = ErrorJson.status(e.kind());
            response.putHeader("x-junction-attempts", Integer.toString(Math.max(1, e.attempts().size())));
            if (e.provider() != null) {
                response.putHeader("x-junction-provider", e.provider());
            }
            send(response, status, ErrorJson.of(e), ErrorJson.retryAfterSeconds(e).orElse(null), e.retryable());
        } else if (failure instanceof BudgetExceededException e) {
            // No retry helps before the reset: tell the OpenAI SDKs not to retry (they honour x-should-retry).
            send(response, 429, ErrorJson.envelope(e.getMessage(), "spend_limit_exceeded", "budget_exceeded", null),
                    seconds(Duration.between(java.time.Instant.now(), e.resetsAt())), false);
        } else if (failure instanceof RateLimitExceededException e) {
            send(response, 429, ErrorJson.envelope(e.getMessage(), "rate_limited", "rate_limit_exceeded", null),
                    seconds(e.retryAfter()), true);
        } else if (failure instanceof StateUnavailableException e) {
            send(response, 503, ErrorJson.envelope(e.getMessage(), "service_unavailable", "budget_store_unavailable", null), "1", true);
        } else {
            LOG.error("Junction gateway: unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
            send(response, 500, ErrorJson.envelope("the gateway failed unexpectedly; its log has the details",
                    "server_error", "internal_error", null), null, true);
        }
    }

    static void send(HttpServerResponse response, int status, Buffer body, String retryAfter, boolean shouldRetry) {
        response.setStatusCode(status).putHeader("Content-Type", JSON);
        if (retryAfter != null) {
            response.putHeader("Retry-After", retryAfter);
        }
        response.putHeader("x-should-retry", Boolean.toString(shouldRetry));
        response.end(body);
    }

    private static String seconds(Duration d) {
        if (d == null || d.isNegative()) {
            return "1";
        }
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Long.toString(Math.max(1, s));
    }
}
