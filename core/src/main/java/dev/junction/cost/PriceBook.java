package dev.junction.cost;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prices Junction knows, keyed by provider and canonical model. Later rows replace earlier
 * ones with the same key, so user rows laid over the built-in ones win.
 */
public final class PriceBook {
    private final Map<String, Price> byKey;

    private PriceBook(Map<String, Price> byKey) {
        this.byKey = byKey;
    }

    /** A book of the given rows, later rows replacing earlier ones. */
    public static PriceBook of(Collection<Price> rows) {
        Map<String, Price> map = new LinkedHashMap<>();
        for (Price row : rows) {
            map.put(key(row.provider(), row.model()), row);
        }
        return new PriceBook(map);
    }

    /** A new book with {@code overrides} laid over this one. */
    public PriceBook with(Collection<Price> overrides) {
        List<Price> all = new ArrayList<>(byKey.values());
        all.addAll(overrides);
        return of(all);
    }

    /** The price of a provider's canonical model, if known. */
    public Optional<Price> find(String provider, String model) {
        return Optional.ofNullable(byKey.get(key(provider, model)));
    }

    /** Every row, in insertion order. */
    public List<Price> rows() {
        return List.copyOf(byKey.values());
    }

    private static String key(String provider, String model) {
        return provider + '\u0000' + model;
    }
}
