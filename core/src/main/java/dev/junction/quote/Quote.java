package dev.junction.quote;

import dev.junction.cost.CostRange;
import dev.junction.cost.Price;
import java.util.List;
import java.util.Objects;

/**
 * What one provider would charge for a request, estimated before sending it.
 *
 * @param provider provider id
 * @param vendorModel the vendor's name for the model
 * @param priceKnown whether a price row exists; when {@code false} the amounts are {@code null}, never guessed
 * @param unknownPriceReason why the price is unknown and how to supply one; {@code null} when known
 * @param price the price row used, for provenance; {@code null} when unknown
 * @param usd the estimated cost in US dollars; {@code null} when the price is unknown
 * @param credits the estimate in vendor credits; {@code null} when unknown or billed in money
 * @param notes what the reader should know about this quote (a tier applied, a part not counted)
 */
public record Quote(
        String provider,
        String vendorModel,
        boolean priceKnown,
        String unknownPriceReason,
        Price price,
        CostRange usd,
        CostRange credits,
        List<String> notes) {

    /** Checks the amounts match {@code priceKnown} and copies the notes. */
    public Quote {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(vendorModel, "vendorModel");
        if (priceKnown != (usd != null && price != null)) {
            throw new IllegalArgumentException("a quote has a price and amounts exactly when its price is known");
        }
        notes = List.copyOf(notes);
    }
}
