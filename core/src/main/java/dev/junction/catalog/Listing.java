package dev.junction.catalog;

/** Where a catalog entry comes from: the vendor module's declaration, the vendor's live model list, or both. */
public enum Listing {
    /** Declared by the vendor module; the vendor's model list was not asked. */
    DECLARED,
    /** Declared by the module and present in the vendor's live list. */
    DECLARED_AND_LISTED,
    /** Declared by the module but missing from the vendor's live list: it may have been withdrawn. */
    DECLARED_NOT_LISTED,
    /** Only in the vendor's live list: capabilities and context window unknown. */
    LISTED_ONLY,
    /** Only in a price row (such as a user's price file): the module does not declare the model. */
    PRICED_ONLY
}
