package dev.junction.internal.openai.plan;

import java.util.List;

/**
 * What the engine decided before sending: the names to use and the warnings gathered so far.
 *
 * @param provider provider id
 * @param model canonical model id (the name as given when the model is not in the catalog)
 * @param vendorModel the name sent on the wire
 * @param warnings pre-send warnings, carried into the response
 * @param unknownPriceWarning the warning to add when no price is known
 */
public record CallPlan(String provider, String model, String vendorModel, List<String> warnings, String unknownPriceWarning) {
    public CallPlan {
        warnings = List.copyOf(warnings);
    }
}
