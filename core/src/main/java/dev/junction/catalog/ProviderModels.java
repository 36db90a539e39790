package dev.junction.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The models one provider serves, with canonical ↔ vendor names.
 *
 * @param models in the vendor's documented order
 */
public record ProviderModels(List<ModelInfo> models) {

    /** Copies the list. */
    public ProviderModels {
        models = List.copyOf(models);
    }

    /**
     * Finds a model by canonical id first, then by the vendor's own name, so both
     * {@code acedata:gemini-3-pro} and {@code acedata:gemini-3.0-pro} work.
     */
    public Optional<ModelInfo> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ModelInfo m : models) {
            if (m.id().equals(name)) {
                return Optional.of(m);
            }
        }
        return models.stream().filter(m -> m.vendorModel().equals(name)).findFirst();
    }

    /** The canonical ids, in order. */
    public List<String> ids() {
        return models.stream().map(ModelInfo::id).toList();
    }
}
