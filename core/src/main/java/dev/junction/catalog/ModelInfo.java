package dev.junction.catalog;

import java.util.Objects;
import java.util.Set;

/**
 * One model a provider serves.
 *
 * @param id the canonical model id, the same at every vendor (for example {@code gemini-3-pro})
 * @param vendorModel the name this vendor expects on the wire (for example {@code gemini-3.0-pro})
 * @param capabilities what the model does at this vendor
 * @param contextWindow the context window in tokens, or {@code null} when the vendor does not say
 */
public record ModelInfo(String id, String vendorModel, Set<Capability> capabilities, Long contextWindow) {

    /** Copies the capabilities and checks the names are present. */
    public ModelInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vendorModel, "vendorModel");
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
    }

    /** Whether the model has the capability. */
    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }
}
