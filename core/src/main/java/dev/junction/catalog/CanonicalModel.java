package dev.junction.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A canonical model and every provider's offer of it.
 *
 * @param id the canonical model id, such as {@code gemini-2.5-pro}
 * @param offers one per provider, in provider order
 */
public record CanonicalModel(String id, List<Offer> offers) {

    /** Checks the id and copies the offers. */
    public CanonicalModel {
        Objects.requireNonNull(id, "id");
        offers = List.copyOf(offers);
    }
}
