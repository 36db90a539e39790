package dev.junction.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.catalog.CreditBalance;
import dev.junction.catalog.ProviderModels;
import dev.junction.catalog.RemoteModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.chat.ReasoningSettings;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.async.Cancellation;
import dev.junction.internal.json.ReplyTrees;
import dev.junction.internal.media.MediaScan;
import dev.junction.internal.openai.account.AccountEndpoints;
import dev.junction.internal.openai.errors.ErrorReplies;
import dev.junction.internal.openai.images.ImagesEndpoint;
import dev.junction.internal.openai.plan.CallPlan;
import dev.junction.internal.openai.plan.CallPlanner;
import dev.junction.internal.openai.reply.ReplyReader;
import dev.junction.internal.openai.request.RemoteMedia;
import dev.junction.internal.openai.request.RequestWriter;
import dev.junction.internal.openai.stream.ChunkMapper;
import dev.junction.internal.openai.stream.StreamingCall;
import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import dev.junction.spi.HttpResponseStream;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.ProviderSettings;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.VendorProfile;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAI-compatible engine: one implementation of {@link Provider} that every vendor module
 * reuses, configured by the vendor's {@link VendorProfile} and {@link Dialect}.
 */
public final class OpenAiCompatibleProvider implements Provider {
    /** Inline media above this many bytes is encoded on a worker thread: 1 MiB takes about a millisecond. */
    private static final long WORKER_THRESHOLD = 1024 * 1024;

    private final VendorProfile profile;
    private final Dialect dialect;
    private final ProviderContext context;
    private final ProviderSettings settings;
    private final URI baseUrl;
    /** The chat URL, parsed once rather than on every call. */
    private final URI chatUrl;
    /** The images URL, or {@code null} when the vendor has no images endpoint. */
    private final URI imagesUrl;
    private final CallPlanner planner;
    private final RequestWriter writer;
    private final ReplyReader reader;
    private final ErrorReplies errors;
    private final AccountEndpoints account;

    /** Creates the provider; makes no network call. */
    public OpenAiCompatibleProvider(VendorProfile profile, Dialect dialect, ProviderContext context) {
        this.profile = profile;
        this.dialect = dialect;
        this.context = context;
        this.settings = context.settings();
        this.baseUrl = settings.baseUrl() != null ? settings.baseUrl() : profile.baseUrl();
        this.chatUrl = URI.create(baseUrl + profile.chatPath());
        this.imagesUrl = profile.endpoints().images() == null ? null : URI.create(baseUrl + profile.endpoints().images());
        this.planner = new CallPlanner(profile, settings);
        this.writer = new RequestWriter(profile, dialect);
        this.reader = new ReplyReader(dialect, profile.reasoningTags());
        this.errors = new ErrorReplies(profile, dialect, settings);
        this.account = new AccountEndpoints(profile, dialect, context, baseUrl, errors);
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
    public ProviderModels models() {
        return profile.models();
    }

    @Override
    public Future<CreditBalance> credits() {
        return profile.endpoints().credits() == null ? Provider.super.credits() : account.credits();
    }

    @Override
    public Future<List<RemoteModel>> remoteModels() {
        return profile.endpoints().models() == null ? Provider.super.remoteModels() : account.models();
    }

    @Override
    public String toString() {
        return "Provider[" + profile.id() + " " + baseUrl + "]";
    }

    @Override
    public Future<ChatResponse> chat(ChatRequest request) {
        return chat(request, Cancellation.NEVER);
    }

    @Override
    public Future<ChatResponse> chat(ChatRequest request, Future<Void> cancellation) {
        Future<ChatResponse> answer = plan(request).compose(plan -> body(request, plan, false)
                        .compose(buffer -> context.transport().send(call(buffer, "application/json", plan), cancellation))
                        .map(reply -> interpret(reply, plan)))
                .recover(e -> Future.failedFuture(errors.unreadable(e)));
        if (cancellation == Cancellation.NEVER) {
            return answer;
        }
        // Fails at once even while the body is still being written or media downloaded, which the
        // transport's reset does not reach; whatever of that work is under way finishes unheard.
        Promise<ChatResponse> outcome = Promise.promise();
        Cancellation.onCancel(cancellation, () -> outcome.tryFail(Cancellation.error(profile.id())));
        answer.onComplete(done -> {
            if (done.succeeded()) {
                outcome.tryComplete(done.result());
            } else {
                outcome.tryFail(done.cause());
            }
        });
        return outcome.future();
    }

    /** Plans the call; on a worker thread when files must be sniffed for their type, since that blocks. */
    private Future<CallPlan> plan(ChatRequest request) {
        if (MediaScan.hasFile(request)) {
            return context.vertx().executeBlocking(() -> planner.plan(request), false)
                    .recover(e -> Future.failedFuture(asRequestError(e)));
        }
        try {
            return Future.succeededFuture(planner.plan(request));
        } catch (RuntimeException e) {
            return Future.failedFuture(asRequestError(e));
        }
    }

    @Override
    public Optional<JunctionException> precheck(ChatRequest request) {
        try {
            planner.check(request);
        } catch (JunctionException e) {
            return Optional.of(e);
        }
        if (!profile.acceptsMediaUrls() && !settings.inlineRemoteMedia() && MediaScan.hasUrl(request)) {
            return Optional.of(JunctionException.builder(ErrorKind.UNSUPPORTED_FEATURE,
                            profile.id() + " takes media only as inline data, not by URL")
                    .provider(profile.id())
                    .hint("add inlineRemoteMedia=true to the config string to have Junction download and inline it,"
                            + " or attach the file or its bytes instead")
                    .build());
        }
        return Optional.empty();
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        Context streamContext = context.vertx().getOrCreateContext();
        StreamingCall stream = new StreamingCall(streamContext, profile.id(), context.maxStreamEventBytes());
        // Everything runs on the stream's context, so the transport delivers the response there
        // too and the stream's state is only ever touched from one thread.
        streamContext.runOnContext(v -> plan(request).onComplete(planned -> {
            if (planned.failed()) {
                stream.failBeforeSending(planned.cause());
                return;
            }
            CallPlan plan = planned.result();
            Price price = price(plan);
            String url = url(plan);
            // The images endpoint answers with one JSON reply, which the stream reads as a whole reply.
            String accept = images(plan) ? "application/json" : "text/event-stream";
            Future<HttpResponseStream> opening = body(request, plan, true).compose(buffer -> context.transport()
                    .stream(call(buffer, accept, plan), settings.firstByteTimeout(), settings.idleTimeout(), stream.abandoned()));
            stream.follow(opening,
                    http -> new ChunkMapper(dialect, plan, price, errors, http.headers(), profile.reasoningTags()),
                    http -> http.readAll().map(reply -> errors.fromReply(reply, url)),
                    http -> http.readAll().map(reply -> interpret(reply, plan)));
        }));
        return stream;
    }

    /**
     * Writes the body; on a worker thread when files must be read or large media encoded, since that
     * blocks an event loop. Media URLs the dialect cannot send are downloaded first when the settings
     * say inlineRemoteMedia.
     */
    private Future<Buffer> body(ChatRequest request, CallPlan plan, boolean streaming) {
        if (images(plan)) {
            try {
                return Future.succeededFuture(ImagesEndpoint.write(profile.id(), request, plan.vendorModel()));
            } catch (IOException | RuntimeException e) {
                return Future.failedFuture(asRequestError(e));
            }
        }
        ReasoningSettings sendReasoning = plan.reasoning();
        if (MediaScan.inlineBytes(request) * 4 / 3 > context.maxRequestBytes()) {
            // Base64 grows media by a third: refused before a byte of it is encoded.
            return Future.failedFuture(tooLarge(MediaScan.inlineBytes(request) * 4 / 3));
        }
        Future<Buffer> body = writerFor(request).compose(w -> MediaScan.hasFile(request) || w != writer || MediaScan.inlineBytes(request) > WORKER_THRESHOLD
                ? context.vertx().executeBlocking(() -> w.write(request, plan.vendorModel(), sendReasoning, streaming), false)
                : write(w, request, plan, sendReasoning, streaming));
        return body.map(buffer -> {
            if (buffer.length() > context.maxRequestBytes()) {
                throw tooLarge(buffer.length());
            }
            return buffer;
        }).recover(e -> Future.failedFuture(asRequestError(e)));
    }

    private JunctionException tooLarge(long bytes) {
        return JunctionException.builder(ErrorKind.INVALID_REQUEST, profile.id() + ": the request body would be " + bytes
                        + " bytes, over the " + context.maxRequestBytes() + "-byte cap; nothing was sent")
                .provider(profile.id())
                .hint("attach smaller media (or by URL), or raise the cap with Junction.builder().maxRequestBytes(…)")
                .build();
    }

    /** The shared writer, or one carrying this request's downloaded media. */
    private Future<RequestWriter> writerFor(ChatRequest request) {
        if (profile.acceptsMediaUrls() || !settings.inlineRemoteMedia() || !MediaScan.hasUrl(request)) {
            return Future.succeededFuture(writer);
        }
        Duration timeout = settings.timeout().compareTo(RemoteMedia.DEFAULT_TIMEOUT) < 0 ? settings.timeout() : RemoteMedia.DEFAULT_TIMEOUT;
        return new RemoteMedia(context.transport(), profile.id(), RemoteMedia.DEFAULT_MAX_BYTES, timeout)
                .downloadAll(request)
                .map(writer::inlining);
    }

    private Future<Buffer> write(RequestWriter w, ChatRequest request, CallPlan plan, ReasoningSettings sendReasoning, boolean streaming) {
        try {
            return Future.succeededFuture(w.write(request, plan.vendorModel(), sendReasoning, streaming));
        } catch (IOException | RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private HttpCall call(Buffer body, String accept, CallPlan plan) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("Content-Type", "application/json")
                .set("Accept", accept);
        errors.authenticate(headers, settings.requireApiKey());
        return new HttpCall(profile.id(), HttpMethod.POST, uri(plan), headers, body, settings.timeout(), null,
                settings.connectTimeout());
    }

    /** Whether this call goes to the images endpoint rather than chat. */
    private boolean images(CallPlan plan) {
        return profile.usesImagesEndpoint(plan.model());
    }

    private URI uri(CallPlan plan) {
        return images(plan) ? imagesUrl : chatUrl;
    }

    private String url(CallPlan plan) {
        return uri(plan).toString();
    }

    private Price price(CallPlan plan) {
        return context.prices().find(profile.id(), plan.model()).orElse(null);
    }

    private ChatResponse interpret(HttpReply reply, CallPlan plan) {
        if (!reply.isSuccess()) {
            throw errors.fromReply(reply, url(plan));
        }
        JsonNode body;
        try {
            body = ReplyTrees.read(reply.body());
        } catch (IOException e) {
            throw errors.invalidJson(reply);
        }
        if (body == null || !body.isObject() && !(body.isArray() && dialect.isErrorBody(body))) {
            throw errors.invalidJson(reply);
        }
        if (dialect.isErrorBody(body)) {
            throw errors.fromEnvelope(reply.status(), body, reply.headers());
        }
        return images(plan) ? ImagesEndpoint.read(body, plan, price(plan), reader) : reader.read(body, plan, price(plan));
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
}
