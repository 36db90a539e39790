package dev.junction.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.catalog.CanonicalModel;
import dev.junction.catalog.Offer;
import java.util.List;

/** The {@code models --json} document. */
final class ModelsJson {
    private ModelsJson() {
    }

    /**
     * {@code {"models":[{"id","offers":[{"provider","vendorModel","capabilities","contextWindow","priceKnown",
     * "inputPerMillionUsd","outputPerMillionUsd","listing"}]}],"problems":[…]}}; unknown values are null.
     */
    static ObjectNode of(List<CanonicalModel> models, List<String> problems) {
        ObjectNode json = CliJson.object();
        ArrayNode array = json.putArray("models");
        for (CanonicalModel model : models) {
            ObjectNode entry = array.addObject().put("id", model.id());
            ArrayNode offers = entry.putArray("offers");
            for (Offer offer : model.offers()) {
                ObjectNode o = offers.addObject()
                        .put("provider", offer.provider())
                        .put("vendorModel", offer.vendorModel());
                ArrayNode capabilities = o.putArray("capabilities");
                offer.capabilities().stream().sorted().forEach(c -> capabilities.add(c.name()));
                o.put("contextWindow", offer.contextWindow());
                o.put("priceKnown", offer.price() != null);
                o.put("inputPerMillionUsd", offer.price() == null ? null : CliJson.decimal(offer.price().inputPerMillion()));
                o.put("outputPerMillionUsd", offer.price() == null ? null : CliJson.decimal(offer.price().outputPerMillion()));
                o.put("listing", offer.listing().name());
            }
        }
        ArrayNode problemArray = json.putArray("problems");
        problems.forEach(problemArray::add);
        return json;
    }
}
