package dev.junction.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.cost.CostRange;
import dev.junction.cost.TokenRates;
import dev.junction.quote.Quote;
import dev.junction.quote.Quotes;
import dev.junction.quote.TokenEstimate;
import dev.junction.quote.Unservable;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code compare --json} document and the {@code "quote"} of {@code chat --json}. Amounts are
 * exact decimals; an unknown amount is {@code null}, never a guessed zero.
 */
final class QuoteJson {
    private QuoteJson() {
    }

    /**
     * {@code {"model","inputTokensEstimate","inputTokensLow","inputTokensHigh","outputTokens","outputAssumption",
     * "quotes":[…],"unservable":[{"provider","vendorModel","reason"}],"unknowns":[…]}}, the quotes in rank order.
     */
    static ObjectNode of(Quotes quotes) {
        TokenEstimate input = quotes.input();
        ObjectNode json = CliJson.object();
        json.put("model", quotes.model());
        json.put("inputTokensEstimate", input.expected());
        json.put("inputTokensLow", input.low());
        json.put("inputTokensHigh", input.high());
        json.put("outputTokens", quotes.outputTokens());
        json.put("outputAssumption", quotes.outputAssumption());
        ArrayNode ranked = json.putArray("quotes");
        for (Quote quote : quotes.quotes()) {
            quote(ranked.addObject(), quote, input.expected());
        }
        ArrayNode unservable = json.putArray("unservable");
        for (Unservable u : quotes.unservable()) {
            unservable.addObject().put("provider", u.provider()).put("vendorModel", u.vendorModel()).put("reason", u.reason());
        }
        ArrayNode unknowns = json.putArray("unknowns");
        input.unknowns().forEach(unknowns::add);
        return json;
    }

    /**
     * {@code {"provider","vendorModel","priceKnown","inputPerMillionUsd","outputPerMillionUsd",
     * "estimatedUsd","estimatedUsdLow","estimatedUsdHigh","credits","note","source","asOf"}}. The rates are those of the
     * tier the expected input falls in, so that {@code estimatedUsd} can be recomputed from them.
     */
    private static void quote(ObjectNode into, Quote quote, long expectedInput) {
        TokenRates rates = rates(quote, expectedInput);
        into.put("provider", quote.provider());
        into.put("vendorModel", quote.vendorModel());
        into.put("priceKnown", quote.priceKnown());
        into.put("inputPerMillionUsd", rates == null ? null : CliJson.decimal(rates.inputPerMillion()));
        into.put("outputPerMillionUsd", rates == null ? null : CliJson.decimal(rates.outputPerMillion()));
        CostRange usd = quote.usd();
        into.put("estimatedUsd", usd == null ? null : CliJson.decimal(usd.expected()));
        into.put("estimatedUsdLow", usd == null ? null : CliJson.decimal(usd.low()));
        into.put("estimatedUsdHigh", usd == null ? null : CliJson.decimal(usd.high()));
        into.put("credits", quote.credits() == null ? null : CliJson.decimal(quote.credits().expected()));
        into.put("note", note(quote));
        // Provenance, so every figure can be traced: the document and the date the price was read.
        into.put("source", quote.price() == null ? null : quote.price().source());
        into.put("asOf", quote.price() == null || quote.price().asOf() == null ? null : quote.price().asOf().toString());
    }

    /** The rates the expected input is charged at, or {@code null} when the price is unknown. */
    static TokenRates rates(Quote quote, long expectedInput) {
        return quote.price() == null ? null : quote.price().ratesFor(expectedInput);
    }

    /** The quote's notes and, for an unknown price, the reason, joined with "; "; {@code null} when there is none. */
    static String note(Quote quote) {
        List<String> parts = new ArrayList<>(quote.notes());
        if (quote.unknownPriceReason() != null) {
            parts.add(quote.unknownPriceReason());
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /**
     * {@code chat --json}'s {@code "quote"}: {@code {"priceKnown","estimatedUsd","estimatedUsdLow","estimatedUsdHigh"}},
     * the amounts {@code null} when the price is unknown.
     */
    static ObjectNode chatQuote(Quote quote) {
        ObjectNode json = CliJson.object();
        CostRange usd = quote.usd();
        json.put("priceKnown", quote.priceKnown());
        json.put("estimatedUsd", usd == null ? null : CliJson.decimal(usd.expected()));
        json.put("estimatedUsdLow", usd == null ? null : CliJson.decimal(usd.low()));
        json.put("estimatedUsdHigh", usd == null ? null : CliJson.decimal(usd.high()));
        return json;
    }
}
