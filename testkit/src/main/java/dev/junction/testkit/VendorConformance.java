package dev.junction.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.junction.Junction;
import dev.junction.catalog.Capability;
import dev.junction.error.ErrorKind;
import dev.junction.spi.ProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole conformance kit in one class: a provider module's tests subclass it once, supplying
 * {@link #vendor()} and the vendor's documented fixtures, and every area runs as a {@link Nested}
 * class (JUnit discovers the inner classes of this abstract superclass in the subclass). An area
 * that does not apply to the vendor (no streaming, no image output, no tools…) is skipped through
 * an assumption that says why, judged from the declaration's catalog.
 *
 * <p>Every area uses this class's hooks: {@link #environment()}, {@link #junctionBuilder()} and
 * {@link #factory()}. So a variant that overrides them here (a broken dialect injected with
 * {@code Junction.builder().factories(…)}, or a vendor defined in JSON and found through the
 * environment) is checked by every area alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class VendorConformance {

    /** The vendor under test, as its documents describe it. */
    protected abstract VendorDeclaration vendor();

    /** The vendor's documented non-streaming replies and what Junction must make of them. */
    protected abstract List<DocumentedReply> documentedReplies();

    /** The vendor's documented error table. */
    protected abstract List<DocumentedError> documentedErrors();

    /** The request bodies the vendor's documents show, and the canonical requests that must produce them. */
    protected abstract List<DocumentedRequest> documentedRequests();

    /**
     * The vendor's JSON for one media part that carries {@code url} (a URL or a data URI). Default:
     * OpenAI's {@code {"type":"image_url","image_url":{"url":…}}}; override it only for a vendor
     * whose docs show another shape.
     */
    protected String mediaPartJson(String url) {
        return Fixtures.toJson(Map.of("type", "image_url", "image_url", Map.of("url", url)));
    }

    /** The vendor's documented event streams; required when a model declares {@link Capability#STREAMING}. */
    protected List<DocumentedStream> documentedStreams() {
        return List.of();
    }

    /** The error row sent as an event in the middle of the first documented stream; default: the first retryable row. */
    protected DocumentedError midStreamError() {
        List<DocumentedError> rows = documentedErrors();
        return rows.stream().filter(DocumentedError::retryable).findFirst().orElse(rows.get(0));
    }

    /** The vendor's error code for a bad key, echoed back by the key canary; default: the first AUTHENTICATION row's. */
    protected String invalidKeyCode() {
        return documentedErrors().stream().filter(r -> r.kind() == ErrorKind.AUTHENTICATION).map(DocumentedError::vendorCode)
                .findFirst().orElseThrow(() -> new AssertionError("the error table documents no AUTHENTICATION code; override invalidKeyCode()"));
    }

    /** The vendor's built-in web-search tool as it appears in {@code tools}; required when a model declares WEB_SEARCH. */
    protected String webSearchToolJson() {
        return null;
    }

    /**
     * A documented-shape reply whose tool calls each carry a thought signature (at least two calls);
     * required when the first model declares {@link Capability#TOOLS}.
     */
    protected String signedToolCallReplyFixture() {
        return null;
    }

    /** The same signed tool calls as a server-sent-event stream; required with {@link #signedToolCallReplyFixture()}. */
    protected String signedToolCallStreamFixture() {
        return null;
    }

    /** The signatures both signed fixtures carry, in tool-call order, exactly as written there. */
    protected List<String> expectedSignatures() {
        return List.of();
    }

    /** The environment every Junction of every area sees; empty by default. See {@link ConformanceBase#environment()}. */
    protected Function<String, String> environment() {
        return name -> null;
    }

    /** Starts every Junction of every area; discovery with {@link #environment()} by default. See {@link ConformanceBase#junctionBuilder()}. */
    protected Junction.Builder junctionBuilder() {
        return Junction.builder().environment(environment());
    }

    /** The factory behind {@link #vendor()}, for the checks that read its profile; by default found by id through {@link ServiceLoader}. */
    protected Optional<ProviderFactory> factory() {
        String id = vendor().id();
        return ServiceLoader.load(ProviderFactory.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals(id)).findFirst();
    }

    private void assumeSomeModelCan(Capability capability) {
        assumeTrue(vendor().anyModelCan(capability), () -> vendor().id() + " declares no model with " + capability + "; nothing to check");
    }

    /** Discovery and config strings. */
    @Nested
    class Discovery extends DiscoveryConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
    }

    /** The catalog agrees with the declaration, the factory and the capabilities the fixtures show. */
    @Nested
    class Catalog extends CatalogConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected List<DocumentedReply> documentedReplies() { return VendorConformance.this.documentedReplies(); }
        @Override protected List<DocumentedStream> documentedStreams() { return VendorConformance.this.documentedStreams(); }
        @Override protected String webSearchToolJson() { return VendorConformance.this.webSearchToolJson(); }
    }

    /** Documented replies become the documented responses. */
    @Nested
    class ChatReplies extends ChatReplyConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected List<DocumentedReply> documentedReplies() { return VendorConformance.this.documentedReplies(); }
    }

    /** Documented request bodies, model names, roles, stream flag and reasoning fields on the wire. */
    @Nested
    class WireRequests extends WireRequestConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected List<DocumentedRequest> documentedRequests() { return VendorConformance.this.documentedRequests(); }
    }

    /** The vendor's media part shape for bytes, files, data URIs and URLs, for every declared media kind. */
    @Nested
    class MediaParts extends MediaPartConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected String mediaPartJson(String url) { return VendorConformance.this.mediaPartJson(url); }
    }

    /** Generated images, decoded, for vendors with image output. */
    @Nested
    class ImageOutput extends ImageOutputConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected List<DocumentedReply> documentedReplies() { return VendorConformance.this.documentedReplies(); }
        @BeforeEach void onlyWithImageOutput() { assumeSomeModelCan(Capability.IMAGE_OUTPUT); }
    }

    /** Reasoning text, whole and streamed, for vendors whose models return it. */
    @Nested
    class Reasoning extends ReasoningConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected List<DocumentedStream> documentedStreams() { return VendorConformance.this.documentedStreams(); }
        @BeforeEach void onlyWithReasoning() { assumeSomeModelCan(Capability.REASONING_OUTPUT); }
    }

    /** Streaming, split anywhere, folded, and failing mid-stream. */
    @Nested
    class Streams extends StreamConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected List<DocumentedStream> documentedStreams() { return VendorConformance.this.documentedStreams(); }
        @Override protected DocumentedError midStreamError() { return VendorConformance.this.midStreamError(); }
        @BeforeEach void onlyWithStreaming() { assumeSomeModelCan(Capability.STREAMING); }
    }

    /** Function tools, web search and structured output: request bytes and reply mapping. */
    @Nested
    class Tools extends ToolsConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected String webSearchToolJson() { return VendorConformance.this.webSearchToolJson(); }
    }

    /** What a model lacks is refused before sending. */
    @Nested
    class ToolSupport extends ToolSupportConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
    }

    /** Every documented vendor rule is checked before sending. */
    @Nested
    class PreSendRules extends PreSendRuleConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
    }

    /** The documented error table. */
    @Nested
    class ErrorMatrix extends ErrorMatrixConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected List<DocumentedError> documentedErrors() { return VendorConformance.this.documentedErrors(); }
    }

    /** Retries, Retry-After and what is never repeated. */
    @Nested
    class Retries extends RetryConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected List<DocumentedError> documentedErrors() { return VendorConformance.this.documentedErrors(); }
        @Override protected List<DocumentedStream> documentedStreams() { return VendorConformance.this.documentedStreams(); }
    }

    /** Which documented errors fall through to the next provider. */
    @Nested
    class Fallback extends FallbackConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected List<DocumentedError> documentedErrors() { return VendorConformance.this.documentedErrors(); }
    }

    /** Replies no vendor documents: proxies' HTML, empty bodies, broken JSON. */
    @Nested
    class MalformedReplies extends MalformedReplyConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
    }

    /** Base URL defaults and overrides. */
    @Nested
    class BaseUrls extends BaseUrlConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
    }

    /** The API key never shows. */
    @Nested
    class ApiKeyCanary extends ApiKeyCanaryConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected String invalidKeyCode() { return VendorConformance.this.invalidKeyCode(); }
    }

    /** Prices with provenance, or a note why there are none; quotes. */
    @Nested
    class Prices extends PriceConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
    }

    /** The balance and model-list endpoints. */
    @Nested
    class AccountEndpoints extends AccountEndpointConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
    }

    /** Thought signatures go back to the provider that issued them, whole and streamed. */
    @Nested
    class ThoughtSignatures extends ThoughtSignatureConformance {
        @Override protected VendorDeclaration vendor() { return VendorConformance.this.vendor(); }
        @Override VendorConformance suite() { return VendorConformance.this; }
        @Override protected String signedToolCallReplyFixture() { return VendorConformance.this.signedToolCallReplyFixture(); }
        @Override protected String signedToolCallStreamFixture() { return VendorConformance.this.signedToolCallStreamFixture(); }
        @Override protected List<String> expectedSignatures() { return VendorConformance.this.expectedSignatures(); }
    }
}
