package dev.junction.catalog;

import dev.junction.cost.Price;
import java.util.Objects;
import java.util.Set;

/**
 * One provider's offer of a canonical model.
 *
 * @param model the canonical model id
 * @param provider provider id
 * @param vendorModel the vendor's name for the model
 * @param capabilities what the model does at this vendor; empty when unknown
 * @param contextWindow the context window in tokens, or {@code null} when the vendor does not say
 * @param price the price row, or {@code null} when unknown
 * @param listing where the entry comes from
 */
public record Offer(String model, String provider, String vendorModel, Set<Capability> capabilities, Long contextWindow, Price price,
        Listing listing) {

    /** Checks the names and copies the capabilities. */
    public Offer {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(vendorModel, "vendorModel");
        Objects.requireNonNull(listing, "listing");
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
    }
}
