package dev.junction.spi.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.catalog.ProviderModels;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.Role;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.config.ConfigStrings;
import dev.junction.internal.prices.PriceRows;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a vendor profile's JSON, checking every field and naming the resource and field of each problem. */
final class VendorProfileReader {
    /** The keys the profile's {@code "endpoints"} object may hold. */
    private static final List<String> KNOWN_ENDPOINTS = List.of("credits", "models", "images");
    /**
     * The dummy thought signatures Google documents for a function call that has no valid one
     * (https://ai.google.dev/gemini-api/docs/thought-signatures#faqs). A typo would not fail until
     * the vendor answered every tool loop with HTTP 400, so nothing else is accepted.
     */
    static final List<String> DOCUMENTED_DUMMY_SIGNATURES = List.of("skip_thought_signature_validator",
            "context_engineering_is_the_way_to_go");
    /** The values a model's {@code "endpoint"} may take. */
    private static final List<String> KNOWN_MODEL_ENDPOINTS = List.of("chat", "images");
        /**
     * Every top-level field a profile may hold; anything else is a mistake. A new field is added
     * here, and in {@code docs/vendor.schema.json}, whose agreement with this reader is a test.
     */
    static final List<String> KNOWN_FIELDS = known(List.of("$schema", "$comment", "id", "displayName", "baseUrl", "chatPath",
            "streamsByDefault", "roles", "models", "prices", "pricesNote", "errorCodes", "errorHints", "rules", "endpoints",
            "maxOutputTokensField", "acceptsMediaUrls", "apiKeyEnvFallbacks", "reasoningEfforts", "reasoningTags"),
            DialectFieldsReader.FIELDS);
    /** The fields of one entry of {@code "models"}. */
    static final List<String> MODEL_FIELDS = List.of("id", "vendorModel", "capabilities", "contextWindow",
            "thoughtSignatureWhenMissing", "reasoningEfforts", "endpoint");

    private VendorProfileReader() {
    }

    static VendorProfile parse(JsonNode root, String resource) {
        // Unknown keys first: a misspelt "basUrl" should say so, not that baseUrl is missing.
        ProfileKeys.check(root, KNOWN_FIELDS, "", resource);
        String id = id(root, resource);
        String chatPath = path(required(root, "chatPath", resource), "chatPath", resource);
        List<ModelInfo> models = new ArrayList<>();
        Map<String, String> vendorNames = new LinkedHashMap<>();
        Map<String, String> dummySignatures = new LinkedHashMap<>();
        Map<String, Set<ReasoningEffort>> modelEfforts = new LinkedHashMap<>();
        Set<String> imagesModels = new HashSet<>();
        JsonNode modelList = root.path("models");
        if (!modelList.isMissingNode() && !modelList.isArray()) {
            throw bad(resource, "models", "must be an array of models such as [{\"id\": \"gemini-2.5-pro\"}]");
        }
        for (JsonNode m : modelList) {
            if (!m.isObject()) {
                throw bad(resource, "models", "must hold objects such as {\"id\": \"gemini-2.5-pro\"}, not " + m);
            }
            String model = required(m, "id", resource);
            ProfileKeys.check(m, MODEL_FIELDS, "models[" + model + "].", resource);
            String vendorModel = Objects.requireNonNullElse(Json.text(m, "vendorModel"), model);
            Set<Capability> caps = EnumSet.noneOf(Capability.class);
            for (JsonNode c : array(m, "capabilities", "models[" + model + "].capabilities", resource)) {
                caps.add(constant(Capability.class, c, "models[" + model + "].capabilities", "capability", resource));
            }
            models.add(new ModelInfo(model, vendorModel, caps, Json.count(m, "contextWindow")));
            vendorNames.put(model, vendorModel);
            String dummy = dummySignature(m.get("thoughtSignatureWhenMissing"), model, resource);
            if (dummy != null) {
                dummySignatures.put(model, dummy);
            }
            if (m.has("reasoningEfforts")) {
                modelEfforts.put(model, efforts(m.get("reasoningEfforts"), resource, "models[" + model + "].reasoningEfforts"));
            }
            String endpoint = optionalText(m, "endpoint", "chat", resource);
            if (!KNOWN_MODEL_ENDPOINTS.contains(endpoint)) {
                throw bad(resource, "models[" + model + "].endpoint", "must be one of " + String.join(", ", KNOWN_MODEL_ENDPOINTS));
            }
            if (endpoint.equals("images")) {
                imagesModels.add(model);
            }
        }
        if (models.isEmpty()) {
            throw bad(resource, "models", "needs at least one model");
        }
        List<Price> prices;
        try {
            prices = new PriceRows("vendor profile " + resource, id, null, (provider, model, vendorModel) -> {
                if (!provider.equals(id)) {
                    throw new IllegalArgumentException("provider must be " + id + " or left out, got " + provider);
                }
                if (!vendorNames.containsKey(model)) {
                    throw new IllegalArgumentException("model " + model + " is not in models");
                }
                return vendorModel != null ? vendorModel : vendorNames.get(model);
            }).read(root.get("prices"));
        } catch (JunctionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Map<String, ErrorKind> codes = new LinkedHashMap<>();
        object(root, "errorCodes", "{\"invalid_api_key\": \"AUTHENTICATION\"}", resource).fields().forEachRemaining(e -> {
            ErrorKind kind = constant(ErrorKind.class, e.getValue(), "errorCodes." + e.getKey(), "error kind", resource);
            if (kind == ErrorKind.CANCELLED) {
                throw bad(resource, "errorCodes." + e.getKey(), "may not be CANCELLED: that kind is Junction's own, for a call"
                        + " its caller cancelled; no vendor error means it");
            }
            codes.put(e.getKey(), kind);
        });
        Map<String, String> hints = new LinkedHashMap<>();
        object(root, "errorHints", "{\"invalid_api_key\": \"check MY_VENDOR_API_KEY\"}", resource).fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw bad(resource, "errorHints." + e.getKey(), "must be a string saying what to do next");
            }
            hints.put(e.getKey(), e.getValue().asText());
        });
        List<VendorRule> rules = new ArrayList<>();
        for (JsonNode r : array(root, "rules", "rules", resource)) {
            rules.add(constant(VendorRule.class, r, "rules", "rule", resource));
        }
        VendorProfile.Data data = new VendorProfile.Data();
        data.id = id;
        data.displayName = optionalText(root, "displayName", id, resource);
        data.baseUrl = baseUrl(required(root, "baseUrl", resource), resource);
        data.chatPath = chatPath;
        data.streamsByDefault = optionalBoolean(root, "streamsByDefault", false, resource);
        data.models = new ProviderModels(models);
        data.prices = prices;
        data.pricesNote = optionalText(root, "pricesNote", null, resource);
        data.errorCodes = codes;
        data.errorHints = hints;
        data.rules = rules;
        data.endpoints = endpoints(root.get("endpoints"), resource);
        data.roles = roles(root.get("roles"), resource);
        data.maxOutputTokensField = optionalText(root, "maxOutputTokensField", "max_tokens", resource);
        data.acceptsMediaUrls = optionalBoolean(root, "acceptsMediaUrls", true, resource);
        data.thoughtSignaturesWhenMissing = dummySignatures;
        data.apiKeyEnvFallbacks = envVars(root.get("apiKeyEnvFallbacks"), resource);
        data.reasoningEfforts = root.has("reasoningEfforts")
                ? efforts(root.get("reasoningEfforts"), resource, "reasoningEfforts") : Set.of();
        data.modelReasoningEfforts = modelEfforts;
        if (!imagesModels.isEmpty() && data.endpoints.images() == null) {
            throw bad(resource, "endpoints.images", "is required by the models whose endpoint is \"images\": " + imagesModels);
        }
        data.imagesEndpointModels = imagesModels;
        data.reasoningTags = reasoningTags(root.get("reasoningTags"), resource);
        data.dialectFields = DialectFieldsReader.read(root, resource);
        return new VendorProfile(data);
    }

    /** A model's {@code thoughtSignatureWhenMissing}: absent or one of Google's documented dummies. */
    private static String dummySignature(JsonNode node, String model, String resource) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || !DOCUMENTED_DUMMY_SIGNATURES.contains(node.asText())) {
            // No URL here: core's compiled strings name no vendor (NoVendorInCoreTest); the README cites the page.
            throw bad(resource, "models[" + model + "].thoughtSignatureWhenMissing", "must be one of the documented dummy"
                    + " thought signatures " + DOCUMENTED_DUMMY_SIGNATURES + ", got " + node
                    + "; fix the value, or remove the field for a model that needs none (README: Thought signatures)");
        }
        return node.asText();
    }

    private static List<String> known(List<String> own, List<String> more) {
        List<String> all = new ArrayList<>(own);
        all.addAll(more);
        return List.copyOf(all);
    }

    /** The id, checked as config strings will need it, so a bad one fails here naming the file. */
    private static String id(JsonNode root, String resource) {
        String id = required(root, "id", resource);
        if (!ConfigStrings.isValidId(id)) {
            throw bad(resource, "id", "\"" + id + "\" is not a valid provider id; use lower-case letters, digits, '.', '_' or '-',"
                    + " such as \"my-vendor\"");
        }
        return id;
    }

    /** An absolute http(s) URL; a bad one would otherwise fail only at the first call. */
    private static URI baseUrl(String value, String resource) {
        try {
            URI uri = new URI(ConfigStrings.stripTrailingSlash(value));
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw bad(resource, "baseUrl", "\"" + value + "\" is not an http(s) URL such as \"https://api.example.com/v1\"");
        }
    }

    /** {@code {"developer": "system"}}: canonical role name to the name the vendor expects. */
    private static Map<Role, String> roles(JsonNode node, String resource) {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        if (node == null || node.isNull()) {
            return roles;
        }
        if (!node.isObject()) {
            throw bad(resource, "roles", "must be an object such as {\"developer\": \"system\"}");
        }
        node.fields().forEachRemaining(e -> {
            Role role = Arrays.stream(Role.values()).filter(r -> r.wireName().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> bad(resource, "roles." + e.getKey(), "is not a role (known: "
                            + Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.joining(", ")) + ")"));
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw bad(resource, "roles." + e.getKey(), "must be the role name the vendor expects, such as \"system\"");
            }
            roles.put(role, e.getValue().asText());
        });
        return roles;
    }

    /** An enum constant by its exact name; a wrong one is listed with every known name. */
    private static <E extends Enum<E>> E constant(Class<E> type, JsonNode node, String field, String what, String resource) {
        for (E constant : type.getEnumConstants()) {
            if (node.isTextual() && constant.name().equals(node.asText())) {
                return constant;
            }
        }
        throw bad(resource, field, "unknown " + what + " " + node.asText() + "; known: "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** The field as an object, empty when absent. */
    private static JsonNode object(JsonNode root, String field, String example, String resource) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!node.isObject()) {
            throw bad(resource, field, "must be an object such as " + example);
        }
        return node;
    }

    /** The field as an array, empty when absent. */
    private static JsonNode array(JsonNode parent, String key, String field, String resource) {
        JsonNode node = parent.path(key);
        if (!node.isMissingNode() && !node.isNull() && !node.isArray()) {
            throw bad(resource, field, "must be an array of names such as [\"" + (key.equals("rules")
                    ? VendorRule.values()[0].name() : Capability.values()[0].name()) + "\"]");
        }
        return node;
    }

    private static String optionalText(JsonNode root, String field, String fallback, String resource) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw bad(resource, field, "must be a non-empty string");
        }
        return node.asText();
    }

    private static boolean optionalBoolean(JsonNode root, String field, boolean fallback, String resource) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw bad(resource, field, "must be true or false");
        }
        return node.asBoolean();
    }

    private static VendorProfile.Endpoints endpoints(JsonNode node, String resource) {
        if (node == null || node.isNull()) {
            return VendorProfile.Endpoints.NONE;
        }
        if (!node.isObject()) {
            throw bad(resource, "endpoints", "must be an object such as {\"credits\": \"/credits\"}");
        }
        Map<String, String> paths = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            String field = "endpoints." + e.getKey();
            if (!KNOWN_ENDPOINTS.contains(e.getKey())) {
                throw bad(resource, field, "is not a known endpoint (known: " + String.join(", ", KNOWN_ENDPOINTS) + ")");
            }
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw bad(resource, field, "must be a path such as \"/v1/models\"");
            }
            paths.put(e.getKey(), path(e.getValue().asText(), field, resource));
        });
        return new VendorProfile.Endpoints(paths.get("credits"), paths.get("models"), paths.get("images"));
    }

    /** {@code ["low", "high"]}: the reasoning efforts a vendor documents, at least one. */
    private static Set<ReasoningEffort> efforts(JsonNode node, String resource, String field) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw bad(resource, field, "must be a non-empty array such as [\"low\", \"high\"]");
        }
        Set<ReasoningEffort> efforts = EnumSet.noneOf(ReasoningEffort.class);
        for (JsonNode e : node) {
            try {
                efforts.add(ReasoningEffort.fromWireName(e.asText()));
            } catch (IllegalArgumentException ex) {
                throw bad(resource, field, ex.getMessage());
            }
        }
        return efforts;
    }

    /** {@code ["GEMINI_API_KEY"]}: environment variable names, upper case letters, digits and {@code _}. */
    private static List<String> envVars(JsonNode node, String resource) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw bad(resource, "apiKeyEnvFallbacks", "must be an array such as [\"GEMINI_API_KEY\"]");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual() || !n.asText().matches("[A-Z_][A-Z0-9_]*")) {
                throw bad(resource, "apiKeyEnvFallbacks", "holds " + n + ", not an environment variable name such as GEMINI_API_KEY");
            }
            names.add(n.asText());
        }
        return names;
    }

    /** {@code {"open": "<thought>", "close": "</thought>"}}, or {@code null} when absent. */
    private static VendorProfile.ReasoningTags reasoningTags(JsonNode node, String resource) {
        if (node == null || node.isNull()) {
            return null;
        }
        String open = Json.text(node, "open");
        String close = Json.text(node, "close");
        if (!node.isObject() || open == null || open.isEmpty() || close == null || close.isEmpty() || node.size() != 2) {
            throw bad(resource, "reasoningTags", "must be {\"open\": \"<thought>\", \"close\": \"</thought>\"}");
        }
        return new VendorProfile.ReasoningTags(open, close);
    }

    /** A path after the base URL: it must start with {@code /}, since the base URL carries no trailing slash. */
    private static String path(String value, String field, String resource) {
        if (!value.startsWith("/")) {
            throw bad(resource, field, "must start with /");
        }
        try {
            URI.create(value);
        } catch (IllegalArgumentException e) {
            throw bad(resource, field, "is not a valid URL path: " + e.getMessage());
        }
        return value;
    }

    private static String required(JsonNode node, String field, String resource) {
        String value = Json.text(node, field);
        if (value == null || value.isBlank()) {
            throw bad(resource, field, "is required");
        }
        return value;
    }

    static IllegalStateException bad(String resource, String field, String problem) {
        return new IllegalStateException("vendor profile " + resource + ": " + field + " " + problem);
    }
}
