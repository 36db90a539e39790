package dev.junction.internal.openai.plan;

import dev.junction.chat.ReasoningSettings;
import java.util.List;

/**
 * What the engine decided before sending: the names to use and the warnings gathered so far.
 *
 * @param provider provider id
 * @param model canonical model id (the name as given when the model is not in the catalog)
 * @param vendorModel the name sent on the wire
 * @param warnings pre-send warnings, carried into the response
 * @param unknownPriceWarning the warning to add when no price is known
 * @param reasoning the reasoning settings to send, the effort mapped to one the vendor documents;
 *     {@code null} when none are sent
 */
public record CallPlan(String provider, String model, String vendorModel, List<String> warnings, String unknownPriceWarning,
        ReasoningSettings reasoning) {
    public CallPlan {
        warnings = List.copyOf(warnings);
    }

    /** A plan that sends no reasoning settings. */
    public CallPlan(String provider, String model, String vendorModel, List<String> warnings, String unknownPriceWarning) {
        this(provider, model, vendorModel, warnings, unknownPriceWarning, null);
    }
}
