package dev.junction.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Local stand-ins for every vendor, so the gateway can be tried with no vendor key and no network
 * ({@code junction serve --stand-ins}): one loopback HTTP server that answers any chat completion
 * in the common OpenAI-compatible shape, streamed when asked, with a canned answer and token
 * counts, and prices applying as for the real vendor. Not a simulation of any vendor's quirks: the
 * tests use each vendor's documented replies for that.
 */
public final class StandInVendors implements AutoCloseable {
    /** The key every stand-in accepts; it opens nothing anywhere else. */
    public static final String KEY = "stand-in-key";

    private final Vertx vertx;
    private final HttpServer server;

    private StandInVendors(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Starts the stand-ins on a free loopback port. */
    public static StandInVendors start() {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(StandInVendors::answer)
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return new StandInVendors(vertx, server);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the stand-in vendors could not start: " + e.getMessage(), e);
        }
    }

    /** The port the stand-ins listen on. */
    public int port() {
        return server.actualPort();
    }

    /**
     * An environment in which every provider's key is {@link #KEY} and its base URL is this
     * server, each under its own path; other variables come from {@code fallback}.
     */
    public Function<String, String> environment(Function<String, String> fallback) {
        return name -> {
            if (name.endsWith("_API_KEY")) {
                return KEY;
            }
            if (name.endsWith("_BASE_URL")) {
                String id = name.substring(0, name.length() - "_BASE_URL".length()).toLowerCase(Locale.ROOT);
                return "http://127.0.0.1:" + port() + "/" + id + "/v1";
            }
            return fallback.apply(name);
        };
    }

    private static void answer(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            JsonObject call;
            try {
                call = body.toJsonObject();
            } catch (RuntimeException e) {
                request.response().setStatusCode(400).end("{\"error\":{\"message\":\"not JSON\"}}");
                return;
            }
            String vendor = request.path().split("/").length > 1 ? request.path().split("/")[1] : "vendor";
            String model = call.getString("model", "model");
            String text = "Hello from the " + vendor + " stand-in (" + model + "). A real vendor answers here once its key is set.";
            JsonObject usage = new JsonObject().put("prompt_tokens", 12).put("completion_tokens", 20).put("total_tokens", 32);
            if (call.getBoolean("stream", false)) {
                request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
                for (String word : text.split("(?<= )")) {
                    request.response().write("data: " + chunk(model, new JsonObject().put("content", word), null, null).encode() + "\n\n");
                }
                request.response().write("data: " + chunk(model, new JsonObject(), "stop", null).encode() + "\n\n");
                request.response().write("data: " + chunk(model, null, null, usage).encode() + "\n\n");
                request.response().end("data: [DONE]\n\n");
                return;
            }
            JsonObject reply = new JsonObject().put("id", "chatcmpl-standin").put("object", "chat.completion")
                    .put("created", System.currentTimeMillis() / 1000).put("model", model)
                    .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                            .put("message", new JsonObject().put("role", "assistant").put("content", text))
                            .put("finish_reason", "stop")))
                    .put("usage", usage);
            request.response().putHeader("Content-Type", "application/json").end(reply.encode());
        });
    }

    private static JsonObject chunk(String model, JsonObject delta, String finish, JsonObject usage) {
        JsonArray choices = new JsonArray();
        if (delta != null) {
            choices.add(new JsonObject().put("index", 0).put("delta", delta).put("finish_reason", finish));
        }
        JsonObject chunk = new JsonObject().put("id", "chatcmpl-standin").put("object", "chat.completion.chunk")
                .put("created", System.currentTimeMillis() / 1000).put("model", model).put("choices", choices);
        return usage == null ? chunk : chunk.put("usage", usage);
    }

    /** Stops the stand-ins. */
    @Override
    public void close() {
        vertx.close();
    }
}
