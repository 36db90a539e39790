package dev.junction.internal.openai.plan;

import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.ProviderSettings;
import dev.junction.spi.openai.VendorProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Decides, before anything is sent, which names to use and what to warn about; rejects what would fail. */
public final class CallPlanner {
    private final VendorProfile profile;
    private final ProviderSettings settings;
    /** {@link #unknownPriceWarning} of each catalog model asked for so far: a bounded set, unlike the names callers may send. */
    private final Map<String, String> priceWarnings = new ConcurrentHashMap<>();

    public CallPlanner(VendorProfile profile, ProviderSettings settings) {
        this.profile = profile;
        this.settings = settings;
    }

    /**
     * Plans a call.
     *
     * @throws JunctionException CONFIGURATION without a key; INVALID_REQUEST or UNSUPPORTED_FEATURE for a request that would fail
     */
    public CallPlan plan(ChatRequest request) {
        settings.requireApiKey();
        check(request);
        String requested = request.model();
        Optional<ModelInfo> known = profile.models().find(requested);
        List<String> warnings = new ArrayList<>();
        String model = known.map(ModelInfo::id).orElse(requested);
        String vendorModel = known.map(ModelInfo::vendorModel).orElse(requested);
        if (known.isEmpty()) {
            warnings.add("model '" + requested + "' is not in " + profile.id() + "'s catalog " + profile.models().ids()
                    + "; it was sent unchanged and its capabilities and price are unknown");
        }
        ReasoningSettings reasoning = null;
        if (profile.usesImagesEndpoint(model)) {
            warnings.addAll(ImagesRequestChecks.unsentSettings(profile.id(), request));
        } else if (request.reasoning() != null && !honoursReasoning(requested)) {
            warnings.add(profile.id() + " does not document reasoning controls for " + model
                    + "; the reasoning settings were not sent");
        } else if (request.reasoning() != null) {
            reasoning = documentedEffort(request.reasoning(), model, warnings);
        }
        String priceWarning = known.isPresent() ? priceWarnings.computeIfAbsent(model, this::unknownPriceWarning)
                : unknownPriceWarning(model);
        return new CallPlan(profile.id(), model, vendorModel, warnings, priceWarning, reasoning);
    }

    /** What a response says when no price is known for {@code model}; rarely needed, so made once per catalog model. */
    private String unknownPriceWarning(String model) {
        return "no price is known for " + profile.id() + ":" + model
                + (profile.pricesNote() != null ? " (" + profile.pricesNote() + ")" : "")
                + ", so cost is null; add your price to a price file (JUNCTION_PRICES, or --prices on the command line)"
                + " or with Junction.builder().price(…)";
    }

    /** The settings with the effort moved to the nearest one the vendor documents for the model, saying so. */
    private ReasoningSettings documentedEffort(ReasoningSettings asked, String model, List<String> warnings) {
        ReasoningEffort effort = asked.effort();
        if (effort == null) {
            return asked;
        }
        ReasoningEffort sent = effort.nearest(profile.reasoningEfforts(model));
        if (sent == effort) {
            return asked;
        }
        warnings.add(profile.id() + " documents reasoning efforts " + profile.reasoningEfforts(model).stream().sorted()
                .map(ReasoningEffort::wireName).toList() + " for " + model + ", not " + effort.wireName()
                + "; sent " + sent.wireName() + ", the nearest (a tie goes to the higher effort)");
        return new ReasoningSettings(sent, asked.includeThoughts());
    }

    /**
     * The checks of {@link #plan} that need neither a key nor the network: a model is named, and
     * the request suits its catalog entry and the vendor's rules.
     *
     * @throws JunctionException INVALID_REQUEST or UNSUPPORTED_FEATURE
     */
    public void check(ChatRequest request) {
        String requested = request.model();
        if (requested == null || requested.isBlank()) {
            throw JunctionException.builder(ErrorKind.INVALID_REQUEST, profile.id() + ": the request names no model")
                    .provider(profile.id())
                    .hint("put one in the config string (" + profile.id() + ":" + profile.models().ids().get(0)
                            + ") or on the request")
                    .build();
        }
        RequestChecks.check(profile.id(), request, profile.models().find(requested).orElse(null));
        RequestChecks.checkRules(profile.id(), request, profile.rules());
        String model = profile.models().find(requested).map(ModelInfo::id).orElse(requested);
        if (profile.usesImagesEndpoint(model)) {
            ImagesRequestChecks.check(profile.id(), model, request);
        }
    }

    /** Known models say whether they take reasoning controls; for unknown ones, any model of the vendor that does decides. */
    public boolean honoursReasoning(String requested) {
        return profile.models().find(requested)
                .map(m -> m.can(Capability.REASONING_CONTROL))
                .orElseGet(() -> profile.models().models().stream().anyMatch(m -> m.can(Capability.REASONING_CONTROL)));
    }
}
