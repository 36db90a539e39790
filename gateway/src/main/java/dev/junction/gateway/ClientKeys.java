package dev.junction.gateway;

import dev.junction.gateway.config.KeyConfig;
import dev.junction.gateway.config.KeyHashes;
import dev.junction.gateway.openai.GatewayRequestException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling: the virtual key a request presents ({@code Authorization: Bearer …}, as every
 * OpenAI SDK sends it, or {@code x-api-key}), found by its SHA-256 hash. The config holds only
 * hashes, so neither the config nor this class ever holds a key itself.
 */
final class ClientKeys {
    /**
     * The caller when the gateway runs without keys (loopback only): no limits, every model. Its
     * hash is no SHA-256 of anything, and is never looked up.
     */
    static final KeyConfig ANONYMOUS = new KeyConfig("anonymous", "none", Set.of(), null, null, null, null);

    private static final String CONTEXT_KEY = "junction.key";

    private final Map<String, KeyConfig> byHash = new HashMap<>();
    private final boolean required;

    ClientKeys(List<KeyConfig> keys) {
        keys.forEach(k -> byHash.put(k.hash(), k));
        this.required = !keys.isEmpty();
    }

    /**
     * The key config of the request's key.
     *
     * @throws GatewayRequestException 401 when keys are required and none or an unknown one is sent;
     *     the message never repeats what was sent
     */
    KeyConfig authenticate(HttpServerRequest request) {
        if (!required) {
            return ANONYMOUS;
        }
        String presented = presented(request);
        if (presented == null) {
            throw unauthorized("no API key: send the gateway key as 'Authorization: Bearer <key>'"
                    + " (an OpenAI SDK does so with its apiKey option)");
        }
        // A lookup by the hash: the hash of a guess reveals nothing about the stored ones.
        KeyConfig key = byHash.get(KeyHashes.hash(presented));
        if (key == null) {
            throw unauthorized("the API key is not one of this gateway's keys; ask its operator for one"
                    + " (made with 'junction keys new')");
        }
        return key;
    }

    /**
     * A route handler that authenticates before the body is read (an unknown caller must not make
     * the gateway buffer 10 MiB) and keeps the key on the context for {@link #of}.
     */
    Handler<RoutingContext> handler() {
        return ctx -> {
            try {
                ctx.put(CONTEXT_KEY, authenticate(ctx.request()));
                ctx.next();
            } catch (GatewayRequestException e) {
                Replies.error(ctx, e);
            }
        };
    }

    /** The key {@link #handler()} authenticated for this request. */
    static KeyConfig of(RoutingContext ctx) {
        KeyConfig key = ctx.get(CONTEXT_KEY);
        if (key == null) {
            throw new IllegalStateException("the request was not authenticated: ClientKeys.handler() must run first");
        }
        return key;
    }

    private static String presented(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            String value = authorization.strip();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String key = value.substring(7).strip();
                if (!key.isEmpty()) {
                    return key;
                }
            }
        }
        String apiKey = request.getHeader("x-api-key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    private static GatewayRequestException unauthorized(String message) {
        return new GatewayRequestException(401, "authentication", "invalid_api_key", null, message);
    }
}
