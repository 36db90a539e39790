package dev.junction.catalog;

import java.util.Objects;

/**
 * One model as a vendor's model-list endpoint ({@code GET /v1/models}) reported it.
 *
 * @param id the vendor's id for the model, as listed
 * @param ownedBy the {@code owned_by} field, or {@code null}
 * @param created the {@code created} timestamp in epoch seconds, or {@code null}
 */
public record RemoteModel(String id, String ownedBy, Long created) {

    /** Checks the id is present. */
    public RemoteModel {
        Objects.requireNonNull(id, "id");
    }
}
