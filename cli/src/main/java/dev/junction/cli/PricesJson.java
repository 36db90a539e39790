package dev.junction.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.cost.Price;
import dev.junction.cost.PriceTier;
import dev.junction.cost.TokenRates;
import java.util.List;

/**
 * The {@code prices --json} document. A row's fields carry the names of the price-file format,
 * so a row can be copied into a price file as it is.
 */
final class PricesJson {
    private PricesJson() {
    }

    /**
     * {@code {"prices":[{"provider","model","vendorModel","currency","inputPerMillion","outputPerMillion",
     * "cachedInputPerMillion","imageOutputPerMillion","reasoningOutputPerMillion","audioInputPerMillion",
     * "tiers":[{"aboveInputTokens",…rates}],"creditsPerUsd","source","asOf"}]}}; unset rates are null.
     */
    static ObjectNode of(List<Price> rows) {
        ObjectNode json = CliJson.object();
        ArrayNode prices = json.putArray("prices");
        for (Price price : rows) {
            ObjectNode row = prices.addObject()
                    .put("provider", price.provider())
                    .put("model", price.model())
                    .put("vendorModel", price.vendorModel())
                    .put("currency", price.currency());
            rates(row, price.rates());
            ArrayNode tiers = row.putArray("tiers");
            for (PriceTier tier : price.tiers()) {
                rates(tiers.addObject().put("aboveInputTokens", tier.aboveInputTokens()), tier.rates());
            }
            row.put("creditsPerUsd", CliJson.decimal(price.creditsPerUsd()));
            row.put("source", price.source());
            row.put("asOf", price.asOf() == null ? null : price.asOf().toString());
        }
        return json;
    }

    private static void rates(ObjectNode into, TokenRates rates) {
        into.put("inputPerMillion", CliJson.decimal(rates.inputPerMillion()));
        into.put("outputPerMillion", CliJson.decimal(rates.outputPerMillion()));
        into.put("cachedInputPerMillion", CliJson.decimal(rates.cachedInputPerMillion()));
        into.put("imageOutputPerMillion", CliJson.decimal(rates.imageOutputPerMillion()));
        into.put("reasoningOutputPerMillion", CliJson.decimal(rates.reasoningOutputPerMillion()));
        into.put("audioInputPerMillion", CliJson.decimal(rates.audioInputPerMillion()));
    }
}
