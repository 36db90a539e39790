package dev.junction.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Every canonical model Junction knows, with each provider's name for it, capabilities, context
 * window and price. Made by {@code Junction.catalog()} (offline) or {@code Junction.remoteCatalog()}
 * (merging vendors' live model lists).
 *
 * @param models sorted by canonical id
 * @param problems one line per live model list that could not be fetched; empty offline
 */
public record Catalog(List<CanonicalModel> models, List<String> problems) {

    /** Copies the lists. */
    public Catalog {
        models = List.copyOf(models);
        problems = List.copyOf(problems);
    }

    /** The model with this canonical id, or whose vendor name at some provider is this. */
    public Optional<CanonicalModel> find(String name) {
        Optional<CanonicalModel> byId = models.stream().filter(m -> m.id().equals(name)).findFirst();
        if (byId.isPresent()) {
            return byId;
        }
        return models.stream().filter(m -> m.offers().stream().anyMatch(o -> o.vendorModel().equals(name))).findFirst();
    }

    /** Every offer of one provider, by canonical id. */
    public List<Offer> offers(String provider) {
        return models.stream().flatMap(m -> m.offers().stream()).filter(o -> o.provider().equals(provider)).toList();
    }

    /** The canonical ids. */
    public List<String> ids() {
        return models.stream().map(CanonicalModel::id).toList();
    }
}
