package dev.junction.spi.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.catalog.ProviderModels;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.Role;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.internal.json.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything about a vendor that is data rather than code, read by {@link #read} from the JSON
 * resource its module ships: endpoints, model catalog, prices, error codes, documented rules and
 * wire names. See {@code README.md}, "Adding a vendor", for every field, or any provider module's
 * {@code *.json}. Immutable.
 */
public final class VendorProfile {
    private final String id;
    private final String displayName;
    private final URI baseUrl;
    private final String chatPath;
    private final boolean streamsByDefault;
    private final ProviderModels models;
    private final List<Price> prices;
    private final String pricesNote;
    private final Map<String, ErrorKind> errorCodes;
    private final Map<String, String> errorHints;
    private final List<VendorRule> rules;
    private final Endpoints endpoints;
    private final Map<Role, String> roles;
    private final String maxOutputTokensField;
    private final boolean acceptsMediaUrls;
    private final Map<String, String> thoughtSignaturesWhenMissing;
    private final List<String> apiKeyEnvFallbacks;
    private final Set<ReasoningEffort> reasoningEfforts;
    private final Map<String, Set<ReasoningEffort>> modelReasoningEfforts;
    private final Set<String> imagesEndpointModels;
    private final ReasoningTags reasoningTags;
    private final DialectFields dialectFields;

    /** The fields as {@link VendorProfileReader} gathered them. */
    static final class Data {
        String id;
        String displayName;
        URI baseUrl;
        String chatPath;
        boolean streamsByDefault;
        ProviderModels models;
        List<Price> prices;
        String pricesNote;
        Map<String, ErrorKind> errorCodes;
        Map<String, String> errorHints;
        List<VendorRule> rules;
        Endpoints endpoints;
        Map<Role, String> roles;
        String maxOutputTokensField;
        boolean acceptsMediaUrls;
        Map<String, String> thoughtSignaturesWhenMissing = Map.of();
        List<String> apiKeyEnvFallbacks = List.of();
        Set<ReasoningEffort> reasoningEfforts = Set.of();
        Map<String, Set<ReasoningEffort>> modelReasoningEfforts = Map.of();
        Set<String> imagesEndpointModels = Set.of();
        ReasoningTags reasoningTags;
        DialectFields dialectFields;
    }

    VendorProfile(Data d) {
        this.id = d.id;
        this.displayName = d.displayName;
        this.baseUrl = d.baseUrl;
        this.chatPath = d.chatPath;
        this.streamsByDefault = d.streamsByDefault;
        this.models = d.models;
        this.prices = List.copyOf(d.prices);
        this.pricesNote = d.pricesNote;
        this.errorCodes = Map.copyOf(d.errorCodes);
        this.errorHints = Map.copyOf(d.errorHints);
        this.rules = List.copyOf(d.rules);
        this.endpoints = d.endpoints == null ? Endpoints.NONE : d.endpoints;
        this.roles = Map.copyOf(d.roles);
        this.maxOutputTokensField = d.maxOutputTokensField;
        this.acceptsMediaUrls = d.acceptsMediaUrls;
        this.thoughtSignaturesWhenMissing = Map.copyOf(d.thoughtSignaturesWhenMissing);
        this.apiKeyEnvFallbacks = List.copyOf(d.apiKeyEnvFallbacks);
        this.reasoningEfforts = Set.copyOf(d.reasoningEfforts);
        this.modelReasoningEfforts = Map.copyOf(d.modelReasoningEfforts);
        this.imagesEndpointModels = Set.copyOf(d.imagesEndpointModels);
        this.reasoningTags = d.reasoningTags;
        this.dialectFields = d.dialectFields;
    }

    /**
     * Reads a profile. The vendor module opens the stream itself, since its resources are not
     * open to core under the module system.
     *
     * @param in the JSON, closed here; {@code null} (a missing resource) is reported as missing
     * @param resourceName used in error messages
     * @throws IllegalStateException naming the resource and field when the JSON is unusable
     */
    public static VendorProfile read(InputStream in, String resourceName) {
        if (in == null) {
            throw new IllegalStateException("vendor profile " + resourceName + " is missing from the module");
        }
        try (in) {
            JsonNode root = JsonMappers.LENIENT.readTree(in);
            if (root == null || !root.isObject()) {
                throw new IllegalStateException("vendor profile " + resourceName + " must be a JSON object");
            }
            return VendorProfileReader.parse(root, resourceName);
        } catch (IOException e) {
            throw new IllegalStateException("vendor profile " + resourceName + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The provider id ({@code "id"}). */
    public String id() {
        return id;
    }

    /** The human name ({@code "displayName"}, else the id). */
    public String displayName() {
        return displayName;
    }

    /** The default base URL, without a trailing slash ({@code "baseUrl"}). */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The chat endpoint's path after the base URL, starting with {@code /} ({@code "chatPath"}). */
    public String chatPath() {
        return chatPath;
    }

    /** Whether the vendor streams unless told {@code "stream": false} ({@code "streamsByDefault"}). */
    public boolean streamsByDefault() {
        return streamsByDefault;
    }

    /** The models ({@code "models"}). */
    public ProviderModels models() {
        return models;
    }

    /** The published prices, possibly none ({@code "prices"}). */
    public List<Price> prices() {
        return prices;
    }

    /** Why prices are missing, when they are ({@code "pricesNote"}), or {@code null}. */
    public String pricesNote() {
        return pricesNote;
    }

    /** The vendor's error codes mapped to canonical kinds ({@code "errorCodes"}). */
    public Map<String, ErrorKind> errorCodes() {
        return errorCodes;
    }

    /** What to do next, per vendor error code ({@code "errorHints"}). */
    public Map<String, String> errorHints() {
        return errorHints;
    }

    /** Documented rules checked before sending ({@code "rules"}). */
    public List<VendorRule> rules() {
        return rules;
    }

    /** The vendor's documented endpoints besides chat ({@code "endpoints"}); {@link Endpoints#NONE} when none. */
    public Endpoints endpoints() {
        return endpoints;
    }

    /**
     * The name this vendor expects for a role: the profile's {@code "roles"} mapping (such as
     * {@code {"developer": "system"}} for a vendor that documents no developer role), else the
     * OpenAI name.
     */
    public String roleName(Role role) {
        return roles.getOrDefault(role, role.wireName());
    }

    /** The request field that caps output tokens ({@code "maxOutputTokensField"}, {@code max_tokens} by default). */
    public String maxOutputTokensField() {
        return maxOutputTokensField;
    }

    /**
     * Whether media may travel by URL ({@code "acceptsMediaUrls"}, {@code true} by default). For a
     * vendor that takes only inline data, URL parts reach {@link Dialect#writeMediaPart} unchanged
     * (to be rejected there) unless the config string says {@code inlineRemoteMedia=true}, in which
     * case Junction downloads them first and hands over the bytes.
     */
    public boolean acceptsMediaUrls() {
        return acceptsMediaUrls;
    }

    /**
     * The dummy thought signature to send with an earlier tool call that has none this provider
     * issued, for a model whose {@code models[]} entry sets {@code "thoughtSignatureWhenMissing"}:
     * Gemini 3 answers HTTP 400 to a function call of the current turn without a signature, and
     * Google documents {@code skip_thought_signature_validator} (or
     * {@code context_engineering_is_the_way_to_go}) for calls that never had a valid one, such as
     * a conversation begun with another provider
     * (<a href="https://ai.google.dev/gemini-api/docs/thought-signatures#faqs">Google</a>). The
     * reader accepts only those two values.
     *
     * @param model a canonical id or vendor name, as {@link ProviderModels#find} takes it
     * @return the value, or {@code null} when the model is unknown or its entry sets none
     */
    public String thoughtSignatureWhenMissing(String model) {
        return models.find(model).map(m -> thoughtSignaturesWhenMissing.get(m.id())).orElse(null);
    }

    /**
     * Variables read for the key, in order, when {@code <ID>_API_KEY} is unset
     * ({@code "apiKeyEnvFallbacks"}, such as {@code ["GEMINI_API_KEY"]}); empty by default.
     */
    public List<String> apiKeyEnvFallbacks() {
        return apiKeyEnvFallbacks;
    }

    /**
     * The reasoning efforts the vendor documents for a model: the model's own
     * {@code "reasoningEfforts"}, else the profile's, such as {@code ["low", "high"]}. An effort
     * outside the set is sent as the nearest one in it ({@link ReasoningEffort#nearest}), with a
     * warning. Empty when the profile declares none: every effort is then sent as asked.
     */
    public Set<ReasoningEffort> reasoningEfforts(String model) {
        return modelReasoningEfforts.getOrDefault(model, reasoningEfforts);
    }

    /**
     * Whether a model's output comes from the images endpoint ({@link Endpoints#images()}) rather
     * than chat: its catalog entry says {@code "endpoint": "images"}.
     */
    public boolean usesImagesEndpoint(String model) {
        return imagesEndpointModels.contains(model);
    }

    /**
     * The tags that wrap reasoning inside a reply's {@code content} ({@code "reasoningTags"}, such
     * as {@code {"open": "<thought>", "close": "</thought>"}}), or {@code null} when reasoning
     * never travels in the content. The engine moves the tagged text to the reasoning, in whole
     * replies and across stream chunks alike.
     */
    public ReasoningTags reasoningTags() {
        return reasoningTags;
    }

    /**
     * The wire habits declared as data ({@code "auth"}, {@code "mediaPart"}, {@code "reply"},
     * {@code "errorEnvelope"}); {@link DialectFields#OPENAI} when the profile declares none. They
     * take effect through {@link dev.junction.spi.openai.factory.OpenAiCompatibleFactory#declaredDialect}.
     */
    public DialectFields dialectFields() {
        return dialectFields;
    }

    @Override
    public String toString() {
        return "VendorProfile[" + id + " " + baseUrl + chatPath + ", " + models.ids().size() + " models]";
    }

    /**
     * The endpoints a vendor documents besides chat, as paths after the base URL. The profile's
     * JSON names them in an optional {@code "endpoints"} object, such as
     * {@code {"credits": "/credits"}}; any other key there is an error.
     *
     * @param credits path of the {@code GET} balance endpoint, or {@code null} when there is none
     * @param models path of the {@code GET} model-list endpoint (OpenAI's {@code /v1/models} shape), or {@code null}
     * @param images path of the {@code POST} image-generation endpoint (OpenAI's {@code images/generations}
     *     shape), used by the models whose catalog entry says {@code "endpoint": "images"}; or {@code null}
     */
    public record Endpoints(String credits, String models, String images) {
        /** No endpoints besides chat. */
        public static final Endpoints NONE = new Endpoints(null, null, null);

        /** The balance and model-list endpoints only. */
        public Endpoints(String credits, String models) {
            this(credits, models, null);
        }

        /** Checks that each path present starts with {@code /}. */
        public Endpoints {
            for (String path : new String[] {credits, models, images}) {
                if (path != null && !path.startsWith("/")) {
                    throw new IllegalArgumentException("endpoint path must start with /: " + path);
                }
            }
        }
    }

    /**
     * The tags that wrap reasoning inside {@code content}.
     *
     * @param open the opening tag, such as {@code <thought>}
     * @param close the closing tag, such as {@code </thought>}
     */
    public record ReasoningTags(String open, String close) {
        /** Checks both tags are non-empty. */
        public ReasoningTags {
            if (open == null || open.isEmpty() || close == null || close.isEmpty()) {
                throw new IllegalArgumentException("reasoning tags must both be non-empty");
            }
        }
    }
}
