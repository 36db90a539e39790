package dev.junction.internal.catalog;

import dev.junction.catalog.Catalog;
import dev.junction.cost.PriceBook;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderFactory;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

/** Placeholder: being written. */
public final class CatalogMaker {
    private CatalogMaker() {
    }

    /** Placeholder. */
    public static Catalog offline(Collection<ProviderFactory> factories, PriceBook prices) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Placeholder. */
    public static Future<Catalog> remote(Collection<ProviderFactory> factories, PriceBook prices, Set<String> ids,
            Function<String, Provider> providers) {
        throw new UnsupportedOperationException("not written yet");
    }
}
