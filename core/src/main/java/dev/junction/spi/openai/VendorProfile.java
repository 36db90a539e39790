package dev.junction.spi.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.catalog.ProviderModels;
import dev.junction.chat.Role;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.internal.json.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

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
     */
    public record Endpoints(String credits, String models) {
        /** No endpoints besides chat. */
        public static final Endpoints NONE = new Endpoints(null, null);

        /** Checks that each path present starts with {@code /}. */
        public Endpoints {
            for (String path : new String[] {credits, models}) {
                if (path != null && !path.startsWith("/")) {
                    throw new IllegalArgumentException("endpoint path must start with /: " + path);
                }
            }
        }
    }
}
