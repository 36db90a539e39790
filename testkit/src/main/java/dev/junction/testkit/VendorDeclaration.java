package dev.junction.testkit;

import dev.junction.catalog.ModelInfo;
import dev.junction.spi.ProviderSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What a provider module declares about its vendor, from the vendor's documents: where the API
 * lives, the model catalog with capabilities, and the wire habits the kit checks Junction against.
 *
 * @param id the provider id
 * @param documentedBaseUrl the base URL the docs give, such as {@code https://api.aivideoapi.ai/v1}
 * @param documentedChatUrl the full chat URL the docs give; must start with the base URL
 * @param models the catalog, canonical id ↔ vendor name, with capabilities, in documented order
 * @param streamsByDefault whether the vendor streams unless sent {@code "stream": false}
 * @param publishesPrices whether the docs publish prices (then every call has a cost)
 * @param acceptsMediaUrls whether media may be sent by URL (else only inline data)
 * @param sampleReplyFixture a documented success reply, served where the reply's content does not matter
 * @param errorEnvelope writes the vendor's error body for a code and a message
 * @param documentedCreditsUrl the full URL of the documented balance endpoint, or {@code null} when there is none
 * @param documentedModelsUrl the full URL of the documented model-list endpoint, or {@code null} when there is none
 * @param developerRole the role name a developer instruction travels under: {@code developer}, or {@code system} for a
 *     vendor whose docs show only system, user and assistant
 * @param documentedImagesUrl the full URL of the documented image-generation endpoint that some models'
 *     output comes from, or {@code null} when there is none; the stub answers it like the chat path
 * @param imagesModels the canonical ids of the models whose output comes from that endpoint
 * @param authHeader the header that carries the key, {@code Authorization} unless the docs say otherwise
 * @param authPrefix what precedes the key in that header, {@code "Bearer "} unless the docs say otherwise
 * @param streamErrorEnvelope writes the vendor's error event for (code, message), sent after HTTP 200 inside a
 *     stream; the {@code errorEnvelope} unless the vendor shapes the two apart (Google: an array in a reply, an
 *     object in a stream)
 */
public record VendorDeclaration(
        String id,
        URI documentedBaseUrl,
        URI documentedChatUrl,
        List<ModelInfo> models,
        boolean streamsByDefault,
        boolean publishesPrices,
        boolean acceptsMediaUrls,
        String sampleReplyFixture,
        BiFunction<String, String, String> errorEnvelope,
        URI documentedCreditsUrl,
        URI documentedModelsUrl,
        String developerRole,
        URI documentedImagesUrl,
        java.util.Set<String> imagesModels,
        BiFunction<String, String, String> streamErrorEnvelope,
        String authHeader,
        String authPrefix) {

    /** Checks the declaration is complete and self-consistent. */
    public VendorDeclaration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentedBaseUrl, "documentedBaseUrl");
        Objects.requireNonNull(documentedChatUrl, "documentedChatUrl");
        Objects.requireNonNull(sampleReplyFixture, "sampleReplyFixture");
        Objects.requireNonNull(errorEnvelope, "errorEnvelope");
        Objects.requireNonNull(developerRole, "developerRole");
        models = List.copyOf(models);
        imagesModels = imagesModels == null ? java.util.Set.of() : java.util.Set.copyOf(imagesModels);
        streamErrorEnvelope = streamErrorEnvelope == null ? errorEnvelope : streamErrorEnvelope;
        authHeader = authHeader == null ? "Authorization" : authHeader;
        authPrefix = authPrefix == null ? "Bearer " : authPrefix;
        if (models.isEmpty()) {
            throw new IllegalArgumentException("declare at least one model");
        }
        for (URI url : new URI[] {documentedChatUrl, documentedCreditsUrl, documentedModelsUrl, documentedImagesUrl}) {
            if (url != null && !url.toString().startsWith(documentedBaseUrl.toString())) {
                throw new IllegalArgumentException("the URL " + url + " does not start with the base URL " + documentedBaseUrl);
            }
        }
    }

    /** Starts a declaration. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * This declaration under another provider id, everything else the same: for a vendor that
     * clones another one (an {@code acedata-mirror} defined in JSON) and must pass its checks.
     */
    public VendorDeclaration withId(String otherId) {
        return new VendorDeclaration(otherId, documentedBaseUrl, documentedChatUrl, models, streamsByDefault, publishesPrices,
                acceptsMediaUrls, sampleReplyFixture, errorEnvelope, documentedCreditsUrl, documentedModelsUrl, developerRole,
                documentedImagesUrl, imagesModels, streamErrorEnvelope, authHeader, authPrefix);
    }

    /** The header value that carries {@code key}, such as {@code Bearer KEY}. */
    public String authValue(String key) {
        return authPrefix + key;
    }

    /** Whether any declared model has the capability. */
    public boolean anyModelCan(dev.junction.catalog.Capability capability) {
        return models.stream().anyMatch(m -> m.can(capability));
    }

    /** The first declared model with the capability, if any. */
    public java.util.Optional<ModelInfo> firstModelThatCan(dev.junction.catalog.Capability capability) {
        return models.stream().filter(m -> m.can(capability)).findFirst();
    }

    /** The path part of the documented base URL, such as {@code /v1}, or empty. */
    public String basePath() {
        String path = documentedBaseUrl.getPath() == null ? "" : documentedBaseUrl.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The full documented chat path, such as {@code /v1/chat/completions}. */
    public String chatPath() {
        return documentedChatUrl.getPath();
    }

    /** The documented balance endpoint's full path, such as {@code /v1/credits}; empty when there is none. */
    public java.util.Optional<String> creditsPath() {
        return java.util.Optional.ofNullable(documentedCreditsUrl).map(URI::getPath);
    }

    /** The documented model-list endpoint's full path, such as {@code /v1/models}; empty when there is none. */
    public java.util.Optional<String> modelsPath() {
        return java.util.Optional.ofNullable(documentedModelsUrl).map(URI::getPath);
    }

    /** The documented image-generation endpoint's full path, such as {@code /v1beta/openai/images/generations}; empty when there is none. */
    public java.util.Optional<String> imagesPath() {
        return java.util.Optional.ofNullable(documentedImagesUrl).map(URI::getPath);
    }

    /** The path a call to this model goes to: the images endpoint's for an images model, else the chat path. */
    public String pathFor(String model) {
        return imagesModels.contains(model) && documentedImagesUrl != null ? documentedImagesUrl.getPath() : chatPath();
    }

    /** The environment variable that supplies the key, such as {@code ACEDATA_API_KEY}. */
    public String apiKeyEnvVar() {
        return ProviderSettings.envVar(id, "API_KEY");
    }

    /** The environment variable that overrides the base URL. */
    public String baseUrlEnvVar() {
        return ProviderSettings.envVar(id, "BASE_URL");
    }

    /** The first declared model's canonical id. */
    public String defaultModel() {
        return models.get(0).id();
    }

    /** Assembles a {@link VendorDeclaration}. */
    public static final class Builder {
        private final String id;
        private URI baseUrl;
        private URI chatUrl;
        private final List<ModelInfo> models = new ArrayList<>();
        private boolean streamsByDefault;
        private boolean publishesPrices;
        private boolean acceptsMediaUrls;
        private String sampleReply;
        private BiFunction<String, String, String> errorEnvelope;
        private URI creditsUrl;
        private URI modelsUrl;
        private String developerRole = "developer";
        private URI imagesUrl;
        private final java.util.Set<String> imagesModels = new java.util.HashSet<>();
        private BiFunction<String, String, String> streamErrorEnvelope;
        private String authHeader;
        private String authPrefix;

        private Builder(String id) {
            this.id = id;
        }

        /** The documented base URL and full chat URL. */
        public Builder documentedUrls(String baseUrl, String chatUrl) {
            this.baseUrl = URI.create(baseUrl);
            this.chatUrl = URI.create(chatUrl);
            return this;
        }

        /** Adds a model. */
        public Builder model(ModelInfo model) {
            models.add(model);
            return this;
        }

        /** The vendor streams unless told not to. */
        public Builder streamsByDefault(boolean value) {
            this.streamsByDefault = value;
            return this;
        }

        /** The vendor's docs publish prices. */
        public Builder publishesPrices(boolean value) {
            this.publishesPrices = value;
            return this;
        }

        /** The vendor takes media by URL. */
        public Builder acceptsMediaUrls(boolean value) {
            this.acceptsMediaUrls = value;
            return this;
        }

        /** A documented success reply fixture. */
        public Builder sampleReplyFixture(String fixture) {
            this.sampleReply = fixture;
            return this;
        }

        /** Writes the vendor's error body for (code, message). */
        public Builder errorEnvelope(BiFunction<String, String, String> envelope) {
            this.errorEnvelope = envelope;
            return this;
        }

        /**
         * How the docs say the key travels, when not {@code Authorization: Bearer KEY}: the header
         * name and what precedes the key in it, such as {@code ("X-Api-Key", "")}.
         */
        public Builder documentedAuth(String header, String prefix) {
            this.authHeader = header;
            this.authPrefix = prefix;
            return this;
        }

        /** Writes the vendor's error event inside a stream for (code, message), when it differs from {@link #errorEnvelope}. */
        public Builder streamErrorEnvelope(BiFunction<String, String, String> envelope) {
            this.streamErrorEnvelope = envelope;
            return this;
        }

        /** The documented balance endpoint's full URL. */
        public Builder documentedCreditsUrl(String url) {
            this.creditsUrl = URI.create(url);
            return this;
        }

        /** The documented model-list endpoint's full URL. */
        public Builder documentedModelsUrl(String url) {
            this.modelsUrl = URI.create(url);
            return this;
        }

        /** The documented image-generation endpoint's full URL, and the models whose output comes from it. */
        public Builder documentedImagesUrl(String url, String... models) {
            this.imagesUrl = URI.create(url);
            this.imagesModels.addAll(List.of(models));
            return this;
        }

        /** The role name a developer instruction is sent under; {@code developer} unless set. */
        public Builder developerRole(String role) {
            this.developerRole = role;
            return this;
        }

        /** Builds the declaration. */
        public VendorDeclaration build() {
            return new VendorDeclaration(id, baseUrl, chatUrl, models, streamsByDefault, publishesPrices,
                    acceptsMediaUrls, sampleReply, errorEnvelope, creditsUrl, modelsUrl, developerRole, imagesUrl, imagesModels,
                    streamErrorEnvelope, authHeader, authPrefix);
        }
    }
}
