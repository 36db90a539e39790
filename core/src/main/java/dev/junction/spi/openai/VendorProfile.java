package dev.junction.spi.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.prices.PriceRows;
import dev.junction.catalog.Capability;
import dev.junction.catalog.ProviderModels;
import dev.junction.catalog.ModelInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything about a vendor that is data rather than code, read from the JSON resource its module
 * ships: endpoints, model catalog, prices and error codes. See any provider module's
 * {@code *.json} for the format.
 *
 * @param id provider id
 * @param displayName human name
 * @param baseUrl default base URL, without a trailing slash
 * @param chatPath path of the chat endpoint after the base URL, starting with {@code /}
 * @param streamsByDefault whether the vendor streams unless told {@code "stream": false}
 * @param catalog the models
 * @param prices the published prices, possibly none
 * @param pricesNote why prices are missing, when they are
 * @param errorCodes the vendor's error codes mapped to canonical kinds
 * @param errorHints what to do next, per vendor error code
 * @param rules documented rules checked before sending
 * @param endpoints the vendor's documented endpoints besides chat, such as its balance; {@link Endpoints#NONE}
 *     when it documents none
 */
public record VendorProfile(
        String id,
        String displayName,
        URI baseUrl,
        String chatPath,
        boolean streamsByDefault,
        ProviderModels catalog,
        List<Price> prices,
        String pricesNote,
        Map<String, ErrorKind> errorCodes,
        Map<String, String> errorHints,
        List<VendorRule> rules,
        Endpoints endpoints) {

    /** The keys the profile's {@code "endpoints"} object may hold. */
    private static final List<String> KNOWN_ENDPOINTS = List.of("credits", "models");

    /** Copies the collections. */
    public VendorProfile {
        prices = List.copyOf(prices);
        errorCodes = Map.copyOf(errorCodes);
        errorHints = Map.copyOf(errorHints);
        rules = rules == null ? List.of() : List.copyOf(rules);
        endpoints = endpoints == null ? Endpoints.NONE : endpoints;
    }

    /** A profile without endpoints besides chat. */
    public VendorProfile(String id, String displayName, URI baseUrl, String chatPath, boolean streamsByDefault,
            ProviderModels catalog, List<Price> prices, String pricesNote, Map<String, ErrorKind> errorCodes,
            Map<String, String> errorHints, List<VendorRule> rules) {
        this(id, displayName, baseUrl, chatPath, streamsByDefault, catalog, prices, pricesNote, errorCodes, errorHints, rules,
                null);
    }

    /** A profile without pre-send rules. */
    public VendorProfile(String id, String displayName, URI baseUrl, String chatPath, boolean streamsByDefault,
            ProviderModels catalog, List<Price> prices, String pricesNote, Map<String, ErrorKind> errorCodes,
            Map<String, String> errorHints) {
        this(id, displayName, baseUrl, chatPath, streamsByDefault, catalog, prices, pricesNote, errorCodes, errorHints, null,
                null);
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

    /**
     * Reads a profile. The vendor module opens the stream itself, since its resources are not
     * open to core under the module system.
     *
     * @param resourceName used in error messages
     * @throws IllegalStateException naming the resource and field when the JSON is unusable
     */
    public static VendorProfile read(InputStream in, String resourceName) {
        if (in == null) {
            throw new IllegalStateException("vendor profile " + resourceName + " is missing from the module");
        }
        try (in) {
            JsonNode root = Json.MAPPER.readTree(in);
            return parse(root, resourceName);
        } catch (IOException e) {
            throw new IllegalStateException("vendor profile " + resourceName + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static VendorProfile parse(JsonNode root, String resource) {
        String id = required(root, "id", resource);
        String chatPath = path(required(root, "chatPath", resource), "chatPath", resource);
        List<ModelInfo> models = new ArrayList<>();
        Map<String, String> vendorNames = new LinkedHashMap<>();
        for (JsonNode m : root.path("models")) {
            String model = required(m, "id", resource);
            String vendorModel = Objects.requireNonNullElse(Json.text(m, "vendorModel"), model);
            Set<Capability> caps = EnumSet.noneOf(Capability.class);
            for (JsonNode c : m.path("capabilities")) {
                try {
                    caps.add(Capability.valueOf(c.asText()));
                } catch (IllegalArgumentException e) {
                    throw bad(resource, "models[" + model + "].capabilities", "unknown capability " + c.asText());
                }
            }
            models.add(new ModelInfo(model, vendorModel, caps, Json.count(m, "contextWindow")));
            vendorNames.put(model, vendorModel);
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
        root.path("errorCodes").fields().forEachRemaining(e -> {
            try {
                codes.put(e.getKey(), ErrorKind.valueOf(e.getValue().asText()));
            } catch (IllegalArgumentException ex) {
                throw bad(resource, "errorCodes." + e.getKey(), "unknown error kind " + e.getValue().asText());
            }
        });
        Map<String, String> hints = new LinkedHashMap<>();
        root.path("errorHints").fields().forEachRemaining(e -> hints.put(e.getKey(), e.getValue().asText()));
        List<VendorRule> rules = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            try {
                rules.add(VendorRule.valueOf(r.asText()));
            } catch (IllegalArgumentException e) {
                throw bad(resource, "rules", "unknown rule " + r.asText());
            }
        }
        return new VendorProfile(id,
                Objects.requireNonNullElse(Json.text(root, "displayName"), id),
                URI.create(stripTrailingSlash(required(root, "baseUrl", resource))),
                chatPath,
                root.path("streamsByDefault").asBoolean(false),
                new ProviderModels(models),
                prices,
                Json.text(root, "pricesNote"),
                codes,
                hints,
                rules,
                endpoints(root.get("endpoints"), resource));
    }

    private static Endpoints endpoints(JsonNode node, String resource) {
        if (node == null || node.isNull()) {
            return Endpoints.NONE;
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
        return new Endpoints(paths.get("credits"), paths.get("models"));
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

    /** The URL without trailing slashes. */
    public static String stripTrailingSlash(String url) {
        String out = url;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    private static String required(JsonNode node, String field, String resource) {
        String value = Json.text(node, field);
        if (value == null || value.isBlank()) {
            throw bad(resource, field, "is required");
        }
        return value;
    }

    private static IllegalStateException bad(String resource, String field, String problem) {
        return new IllegalStateException("vendor profile " + resource + ": " + field + " " + problem);
    }
}
