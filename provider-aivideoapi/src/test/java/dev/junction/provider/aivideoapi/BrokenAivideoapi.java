package dev.junction.provider.aivideoapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.catalog.CreditBalance;
import dev.junction.catalog.ProviderModels;
import dev.junction.catalog.RemoteModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.MediaSource;
import dev.junction.chat.ReasoningSettings;
import dev.junction.cost.Price;
import dev.junction.error.JunctionException;
import dev.junction.spi.ApiKey;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.ProviderFactory;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.InlineMedia;
import dev.junction.spi.openai.MediaPartContext;
import dev.junction.spi.openai.VendorError;
import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Deliberately broken aivideoapi variants, each wrong in one way, for {@link KitCatchesBreaksTest}:
 * the same profile with a broken {@link Dialect}, a profile with one wrong error mapping, or a
 * provider wrapped to lose a stream part. Never registered as services.
 */
final class BrokenAivideoapi {
    private static final String PROFILE = "aivideoapi.json";

    private BrokenAivideoapi() {
    }

    /** aivideoapi as shipped, but built here: the harness's control, which must pass. */
    static ProviderFactory unbroken() {
        return engine(profile(p -> { }), new Forwarding());
    }

    /** Writes media as yisu's {@code {"type":"image","image":…}} instead of {@code image_url}. */
    static ProviderFactory wrongMediaPartShape() {
        return engine(profile(p -> { }), new Forwarding() {
            @Override
            public void writeMediaPart(JsonGenerator json, MediaSource source, MediaPartContext context) throws IOException {
                json.writeStartObject();
                json.writeStringField("type", "image");
                json.writeFieldName("image");
                if (source instanceof MediaSource.Url url) {
                    json.writeString(url.url().toString());
                } else {
                    InlineMedia.writeDataUri(json, source, context);
                }
                json.writeEndObject();
            }
        });
    }

    /** Never reads {@code reasoning_content}. */
    static ProviderFactory reasoningDropped() {
        return engine(profile(p -> { }), new Forwarding() {
            @Override
            public String readReasoning(JsonNode message) {
                return null;
            }
        });
    }

    /** Maps {@code rate_limit_exceeded} to INVALID_REQUEST in the profile: a wrong row of the error table. */
    static ProviderFactory wrongErrorMapping() {
        return engine(profile(p -> ((ObjectNode) p.path("errorCodes")).put("rate_limit_exceeded", "INVALID_REQUEST")), new Forwarding());
    }

    /**
     * Keeps the vendor's whole error body as the trace id, "for support": a vendor that echoes the
     * key in its error then leaks it past the message scrubbing, through {@code traceId()}.
     */
    static ProviderFactory leakedKey() {
        return engine(profile(p -> { }), new Forwarding() {
            @Override
            public VendorError readError(JsonNode body) {
                VendorError plain = super.readError(body);
                return new VendorError(plain.code(), plain.message(), plain.type(), body.toString());
            }
        });
    }

    /** Reads no thought signature, as OpenAI-compatible layers that drop {@code extra_content} do. */
    static ProviderFactory thoughtSignatureDropped() {
        return engine(profile(p -> { }), new Forwarding() {
            @Override
            public String readThoughtSignature(JsonNode toolCall) {
                return null;
            }
        });
    }

    /** The shipped provider with its streams losing their first text part between the socket and the consumer. */
    static ProviderFactory lostStreamChunk() {
        ProviderFactory real = unbroken();
        return new ProviderFactory() {
            @Override public String id() { return real.id(); }
            @Override public String displayName() { return real.displayName(); }
            @Override public List<Price> builtInPrices() { return real.builtInPrices(); }
            @Override public String pricesNote() { return real.pricesNote(); }
            @Override public ProviderModels models() { return real.models(); }

            @Override
            public Provider create(ProviderContext context) {
                return new ChunkDropping(real.create(context));
            }
        };
    }

    private static ProviderFactory engine(VendorProfile profile, Dialect dialect) {
        return new OpenAiCompatibleFactory(profile, dialect) {
        };
    }

    /** aivideoapi's profile, read from its resource with one edit applied to the JSON first. */
    private static VendorProfile profile(java.util.function.Consumer<ObjectNode> edit) {
        try (InputStream in = AivideoapiProviderFactory.class.getResourceAsStream(PROFILE)) {
            ObjectNode json = (ObjectNode) new ObjectMapper().readTree(in);
            edit.accept(json);
            return VendorProfile.read(new ByteArrayInputStream(new ObjectMapper().writeValueAsBytes(json)), PROFILE + " (edited)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROFILE, e);
        }
    }

    /** {@link AivideoapiDialect} in every hook, so that each break overrides one hook and keeps the rest. */
    private static class Forwarding implements Dialect {
        private final Dialect real = new AivideoapiDialect();

        @Override public void authenticate(MultiMap headers, ApiKey key) { real.authenticate(headers, key); }
        @Override public void writeMediaPart(JsonGenerator json, MediaSource source, MediaPartContext context) throws IOException {
            real.writeMediaPart(json, source, context);
        }
        @Override public void writeWebSearchTool(JsonGenerator json, String provider) throws IOException { real.writeWebSearchTool(json, provider); }
        @Override public void writeReasoning(JsonGenerator json, ReasoningSettings settings) throws IOException { real.writeReasoning(json, settings); }
        @Override public String readReasoning(JsonNode message) { return real.readReasoning(message); }
        @Override public List<GeneratedImage> readImages(JsonNode message, List<String> warnings) { return real.readImages(message, warnings); }
        @Override public boolean standardChunksNeedNoHooks() { return real.standardChunksNeedNoHooks(); }
        @Override public boolean isErrorBody(JsonNode body) { return real.isErrorBody(body); }
        @Override public VendorError readError(JsonNode body) { return real.readError(body); }
        @Override public String readThoughtSignature(JsonNode toolCall) { return real.readThoughtSignature(toolCall); }
        @Override public void writeThoughtSignature(JsonGenerator json, String signature) throws IOException {
            real.writeThoughtSignature(json, signature);
        }
    }

    /** A provider that forwards everything, but whose streams drop their first text part. */
    private record ChunkDropping(Provider real) implements Provider {
        @Override public String id() { return real.id(); }
        @Override public String displayName() { return real.displayName(); }
        @Override public URI baseUrl() { return real.baseUrl(); }
        @Override public ProviderModels models() { return real.models(); }
        @Override public Future<ChatResponse> chat(ChatRequest request) { return real.chat(request); }
        @Override public ChatStream stream(ChatRequest request) { return new TextDeltaDropping(real.stream(request)); }
        @Override public Optional<JunctionException> precheck(ChatRequest request) { return real.precheck(request); }
        @Override public Future<CreditBalance> credits() { return real.credits(); }
        @Override public Future<List<RemoteModel>> remoteModels() { return real.remoteModels(); }
    }
}
