package dev.junction.internal.openai.account;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.junction.catalog.CreditBalance;
import dev.junction.catalog.RemoteModel;
import dev.junction.error.JunctionException;
import dev.junction.internal.json.JsonMappers;
import dev.junction.internal.openai.errors.ErrorReplies;
import dev.junction.spi.ApiKey;
import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.Json;
import dev.junction.spi.openai.VendorProfile;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The vendor's account endpoints besides chat (its balance and its model list), each one plain
 * authenticated {@code GET} whose failures map exactly as chat's do. The caller checks that the
 * profile has the endpoint.
 */
public final class AccountEndpoints {
    /**
     * Balances and model lists are small; a cap far below the transport's keeps a misbehaving
     * endpoint from filling memory (the balance reply is kept whole in {@link CreditBalance#rawJson()}).
     */
    static final long MAX_REPLY_BYTES = 4L * 1024 * 1024;
    /** Balances are money: decimals stay exact, trailing zeros included ({@code 98.20} is not {@code 98.2}). */
    static final ObjectReader EXACT = JsonMappers.LENIENT.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private final VendorProfile profile;
    private final Dialect dialect;
    private final ProviderContext context;
    private final URI baseUrl;
    private final ErrorReplies errors;

    public AccountEndpoints(VendorProfile profile, Dialect dialect, ProviderContext context, URI baseUrl, ErrorReplies errors) {
        this.profile = profile;
        this.dialect = dialect;
        this.context = context;
        this.baseUrl = baseUrl;
        this.errors = errors;
    }

    /** {@code GET} the balance endpoint, read leniently by {@link CreditReader}. */
    public Future<CreditBalance> credits() {
        return get(profile.endpoints().credits(), reply -> {
            JsonNode body = json(reply);
            // Verbatim but for the key, should the vendor echo it: callers print this.
            String raw = errors.scrub(reply.body().toString(StandardCharsets.UTF_8));
            return CreditReader.read(profile.id(), body, raw);
        });
    }

    /** {@code GET} the model list, in OpenAI's {@code {"object":"list","data":[…]}} shape. */
    public Future<List<RemoteModel>> models() {
        String path = profile.endpoints().models();
        return get(path, reply -> {
            JsonNode data = json(reply).path("data");
            if (!data.isArray()) {
                throw errors.unexpectedShape(reply, "GET " + path, "a \"data\" array");
            }
            List<RemoteModel> models = new ArrayList<>();
            for (JsonNode entry : data) {
                JsonNode id = entry.path("id");
                // Lenient: an entry without a usable id cannot be named, so it is left out rather than failing the list.
                if (id.isTextual() && !id.asText().isBlank()) {
                    models.add(new RemoteModel(id.asText(), Json.text(entry, "owned_by"), Json.count(entry, "created")));
                }
            }
            return List.copyOf(models);
        });
    }

    /**
     * Sends the {@code GET} and interprets a 2xx reply; any other status becomes the error chat
     * would get. Fails only with {@link JunctionException}; without a key, before any network call.
     */
    private <T> Future<T> get(String path, Function<HttpReply, T> interpret) {
        ApiKey key;
        try {
            key = context.settings().requireApiKey();
        } catch (JunctionException e) {
            return Future.failedFuture(e);
        }
        String url = baseUrl + path;
        Future<HttpReply> sent;
        try {
            sent = context.transport().send(call(url, key));
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);
        }
        return sent.map(reply -> {
            if (!reply.isSuccess()) {
                throw errors.fromReply(reply, url);
            }
            return interpret.apply(reply);
        }).recover(e -> Future.failedFuture(errors.unreadable(e)));
    }

    private HttpCall call(String url, ApiKey key) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Accept", "application/json");
        errors.authenticate(headers, key);
        HttpCall call = new HttpCall(profile.id(), HttpMethod.GET, URI.create(url), headers, null,
                context.settings().timeout(), MAX_REPLY_BYTES, context.settings().connectTimeout());
        return call;
    }

    /** The 2xx body as JSON, any JSON value; an error envelope (some vendors send them with 200) fails as chat's would. */
    private JsonNode json(HttpReply reply) {
        JsonNode body;
        try {
            body = EXACT.readTree(reply.body().getBytes());
        } catch (IOException e) {
            throw errors.invalidJson(reply);
        }
        if (body == null || body.isMissingNode()) {
            throw errors.invalidJson(reply);
        }
        if (body.isObject() && dialect.isErrorBody(body)) {
            throw errors.fromEnvelope(reply.status(), body, reply.headers());
        }
        return body;
    }
}
