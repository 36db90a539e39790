package dev.junction.spi.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.Message;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Part;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.Capability;
import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import dev.junction.spi.ModelCatalog;
import dev.junction.spi.ModelInfo;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.ProviderSettings;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-compatible engine: one implementation of {@link Provider} that every vendor module
 * reuses, configured by the vendor's {@link VendorProfile} and {@link Dialect}.
 */
public final class OpenAiCompatibleProvider implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiCompatibleProvider.class);

    private final VendorProfile profile;
    private final Dialect dialect;
    private final ProviderContext context;
    private final ProviderSettings settings;
    private final URI baseUrl;
    private final RequestWriter writer;
    private final ReplyReader reader;
    private final ErrorReplies errors;

    /** Creates the provider; makes no network call. */
    public OpenAiCompatibleProvider(VendorProfile profile, Dialect dialect, ProviderContext context) {
        this.profile = profile;
        this.dialect = dialect;
        this.context = context;
        this.settings = context.settings();
        this.baseUrl = settings.baseUrl() != null ? settings.baseUrl() : profile.baseUrl();
        this.writer = new RequestWriter(profile, dialect);
        this.reader = new ReplyReader(dialect);
        this.errors = new ErrorReplies(profile, dialect, settings);
    }

    @Override
    public String id() {
        return profile.id();
    }

    @Override
    public String displayName() {
        return profile.displayName();
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public ModelCatalog catalog() {
        return profile.catalog();
    }

    @Override
    public String toString() {
        return "Provider[" + profile.id() + " " + baseUrl + "]";
    }

    @Override
    public Future<ChatResponse> chat(ChatRequest request) {
        try {
            CallPlan plan = plan(request);
            boolean sendReasoning = request.reasoning() != null && honoursReasoning(request.model());
            Future<Buffer> body = hasFileMedia(request)
                    // Reading files must not block an event loop.
                    ? context.vertx().executeBlocking(() -> writer.write(request, plan.vendorModel(), sendReasoning), false)
                    : Future.succeededFuture(writer.write(request, plan.vendorModel(), sendReasoning));
            return body.recover(e -> Future.failedFuture(asRequestError(e)))
                    .compose(buffer -> send(buffer))
                    .compose(reply -> Future.succeededFuture(interpret(reply, plan)))
                    .recover(e -> Future.failedFuture(asReplyError(e)));
        } catch (JunctionException e) {
            return Future.failedFuture(e);
        } catch (IOException | RuntimeException e) {
            return Future.failedFuture(asRequestError(e));
        }
    }

    private CallPlan plan(ChatRequest request) {
        if (settings.apiKey() == null) {
            throw JunctionException.configuration(profile.id(), "no API key for " + profile.id(),
                    "set " + settings.apiKeyEnvVar() + " or add apiKey=… to the config string");
        }
        String requested = request.model();
        if (requested == null || requested.isBlank()) {
            throw JunctionException.builder(ErrorKind.INVALID_REQUEST, profile.id() + ": the request names no model")
                    .provider(profile.id())
                    .hint("put one in the config string (" + profile.id() + ":" + profile.catalog().ids().get(0)
                            + ") or on the request")
                    .build();
        }
        Optional<ModelInfo> known = profile.catalog().find(requested);
        RequestChecks.check(profile.id(), request, known.orElse(null));
        List<String> warnings = new ArrayList<>();
        String model = known.map(ModelInfo::id).orElse(requested);
        String vendorModel = known.map(ModelInfo::vendorModel).orElse(requested);
        if (known.isEmpty()) {
            warnings.add("model '" + requested + "' is not in " + profile.id() + "'s catalog " + profile.catalog().ids()
                    + "; it was sent unchanged and its capabilities and price are unknown");
        }
        if (request.reasoning() != null && !honoursReasoning(requested)) {
            warnings.add(profile.id() + " does not document reasoning controls for " + model
                    + "; the reasoning settings were not sent");
        }
        String priceWarning = "no price is known for " + profile.id() + ":" + model
                + (profile.pricesNote() != null ? " (" + profile.pricesNote() + ")" : "")
                + ", so cost is null; register your price with Junction.builder().price(…)";
        return new CallPlan(profile.id(), model, vendorModel, warnings, priceWarning);
    }

    /** Known models say whether they take reasoning controls; for unknown ones, any model of the vendor that does decides. */
    private boolean honoursReasoning(String requested) {
        return profile.catalog().find(requested)
                .map(m -> m.can(Capability.REASONING_CONTROL))
                .orElseGet(() -> profile.catalog().models().stream().anyMatch(m -> m.can(Capability.REASONING_CONTROL)));
    }

    private Future<HttpReply> send(Buffer body) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("Content-Type", "application/json")
                .set("Accept", "application/json");
        dialect.authenticate(headers, settings.apiKey());
        URI url = URI.create(baseUrl + profile.chatPath());
        HttpCall call = new HttpCall(profile.id(), HttpMethod.POST, url, headers, body, settings.timeout());
        LOG.debug("sending {}", call);
        return context.transport().send(call);
    }

    private ChatResponse interpret(HttpReply reply, CallPlan plan) {
        String url = baseUrl + profile.chatPath();
        if (!reply.isSuccess()) {
            throw errors.fromReply(reply, url);
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(reply.body().getBytes());
        } catch (IOException e) {
            throw errors.invalidJson(reply);
        }
        if (body == null || !body.isObject()) {
            throw errors.invalidJson(reply);
        }
        if (dialect.isErrorBody(body)) {
            throw errors.fromEnvelope(reply.status(), body, reply.headers());
        }
        Price price = context.prices().find(profile.id(), plan.model()).orElse(null);
        return reader.read(body, plan, price);
    }

    private JunctionException asRequestError(Throwable e) {
        if (e instanceof JunctionException je) {
            return je;
        }
        return JunctionException.builder(ErrorKind.INVALID_REQUEST, profile.id() + ": could not write the request: " + e.getMessage())
                .provider(profile.id())
                .cause(e)
                .hint("check that every attached file is readable")
                .build();
    }

    /** Keeps the promise that futures fail only with JunctionException, even when a hook throws. */
    private JunctionException asReplyError(Throwable e) {
        if (e instanceof JunctionException je) {
            return je;
        }
        return JunctionException.builder(ErrorKind.PROTOCOL, profile.id() + ": the reply could not be read ("
                        + e.getClass().getSimpleName() + ")")
                .provider(profile.id())
                .cause(e)
                .hint("report this with the vendor's reply; it is a bug in Junction or the vendor module")
                .build();
    }

    private static boolean hasFileMedia(ChatRequest request) {
        for (Message message : request.messages()) {
            for (Part part : message.parts()) {
                if (part instanceof Part.Media media && media.source() instanceof MediaSource.File) {
                    return true;
                }
            }
        }
        return false;
    }
}
