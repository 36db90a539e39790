package dev.junction.internal.prices;

import dev.junction.cost.Price;
import dev.junction.cost.PriceBook;
import dev.junction.error.JunctionException;
import dev.junction.internal.ProviderRegistry;
import dev.junction.spi.ModelCatalog;
import dev.junction.spi.ModelInfo;
import dev.junction.spi.ProviderFactory;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the price book: reference rows, then each provider's built-in rows, then the user's price
 * file ({@code Junction.builder().pricesFile}, else {@code JUNCTION_PRICES}), then rows added in
 * code; a later row replaces an earlier one for the same provider and model. A row is a reference
 * row exactly when no installed provider has its id.
 */
public final class PriceBookLoader {
    /** The environment variable naming a price file. */
    public static final String ENV_VAR = "JUNCTION_PRICES";

    private final ProviderRegistry registry;
    private final Path file;
    private final String fileHow;
    private final List<Price> codeRows;

    /**
     * A loader; reads nothing yet.
     *
     * @throws JunctionException CONFIGURATION when {@code JUNCTION_PRICES} is not a usable path
     */
    public PriceBookLoader(ProviderRegistry registry, Path file, Function<String, String> environment, List<Price> codeRows) {
        this.registry = registry;
        this.codeRows = List.copyOf(codeRows);
        if (file != null) {
            this.file = file;
            this.fileHow = "Junction.builder().pricesFile";
        } else {
            String fromEnv = environment.apply(ENV_VAR);
            this.file = fromEnv == null || fromEnv.isBlank() ? null : path(fromEnv.trim());
            this.fileHow = ENV_VAR;
        }
    }

    /** Whether there are user rows to check: a price file or rows added in code. */
    public boolean hasUserRows() {
        return file != null || !codeRows.isEmpty();
    }

    /**
     * Reads and checks everything.
     *
     * @throws JunctionException CONFIGURATION naming the file, entry and field of an invalid row
     */
    public PriceBook load() {
        Map<String, ProviderFactory> factories = registry.factories();
        List<Price> reference = PriceFiles.reference();
        List<Price> rows = new ArrayList<>(reference);
        factories.values().forEach(f -> rows.addAll(f.builtInPrices()));
        if (file != null) {
            rows.addAll(PriceFiles.read(file, fileHow, names(factories, reference)));
        }
        for (Price row : codeRows) {
            checkCodeRow(row, factories, reference);
            rows.add(row);
        }
        return PriceBook.of(rows.stream().map(p -> p.withReference(!factories.containsKey(p.provider()))).toList());
    }

    /** Rows must name an installed provider or a reference one, and the canonical model id. */
    private static PriceRows.Names names(Map<String, ProviderFactory> factories, List<Price> reference) {
        return (provider, model, vendorModel) -> {
            ProviderFactory factory = factories.get(provider);
            if (factory == null) {
                Optional<Price> ref = reference.stream().filter(p -> p.provider().equals(provider) && p.model().equals(model)).findFirst();
                if (reference.stream().noneMatch(p -> p.provider().equals(provider))) {
                    throw new IllegalArgumentException("provider \"" + provider + "\" is unknown; known providers: "
                            + String.join(", ", known(factories, reference)));
                }
                return vendorModel != null ? vendorModel : ref.map(Price::vendorModel).orElse(model);
            }
            ModelCatalog catalog = factory.catalog();
            boolean canonical = catalog.models().stream().anyMatch(m -> m.id().equals(model));
            Optional<ModelInfo> byVendorName = catalog.models().stream()
                    .filter(m -> !canonical && m.vendorModel().equals(model) && !m.id().equals(model)).findFirst();
            if (byVendorName.isPresent()) {
                throw new IllegalArgumentException("model \"" + model + "\" is " + provider + "'s own name; use the canonical id \""
                        + byVendorName.get().id() + "\" (a price file names models by canonical id)");
            }
            if (vendorModel != null) {
                return vendorModel;
            }
            return catalog.find(model).map(ModelInfo::vendorModel).orElse(model);
        };
    }

    private static void checkCodeRow(Price row, Map<String, ProviderFactory> factories, List<Price> reference) {
        if (!factories.containsKey(row.provider()) && reference.stream().noneMatch(p -> p.provider().equals(row.provider()))) {
            throw JunctionException.configuration(null, "Junction.builder().price(…): provider \"" + row.provider()
                    + "\" is unknown; known providers: " + String.join(", ", known(factories, reference)),
                    "use the id of an installed provider ('junction providers' lists them)");
        }
    }

    private static Set<String> known(Map<String, ProviderFactory> factories, List<Price> reference) {
        Set<String> ids = new TreeSet<>(factories.keySet());
        reference.forEach(p -> ids.add(p.provider()));
        return ids;
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw JunctionException.configuration(null, ENV_VAR + " is not a usable path: " + e.getMessage(),
                    "set " + ENV_VAR + " to the path of a price file, or unset it");
        }
    }
}
