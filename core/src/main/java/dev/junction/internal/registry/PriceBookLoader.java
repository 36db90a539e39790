package dev.junction.internal.registry;

import dev.junction.catalog.ModelInfo;
import dev.junction.catalog.ProviderModels;
import dev.junction.cost.Price;
import dev.junction.cost.PriceBook;
import dev.junction.error.JunctionException;
import dev.junction.internal.prices.PriceFiles;
import dev.junction.internal.prices.PriceRows;
import dev.junction.spi.ProviderFactory;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the price book: each provider's built-in rows, then the user's price file
 * ({@code Junction.builder().pricesFile}, else {@code JUNCTION_PRICES}), then rows added in code; a
 * later row replaces an earlier one for the same provider and model. Every row names an installed
 * provider: Google's list prices are provider-google's own rows.
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
    public PriceBookLoader(ProviderRegistry registry, Path file, String fileNamedBy, Function<String, String> environment,
            List<Price> codeRows) {
        this.registry = registry;
        this.codeRows = List.copyOf(codeRows);
        if (file != null) {
            this.file = file;
            this.fileHow = fileNamedBy;
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
        List<Price> rows = new ArrayList<>();
        factories.values().forEach(f -> rows.addAll(f.builtInPrices()));
        PriceRows.Names names = names(factories);
        if (file != null) {
            rows.addAll(PriceFiles.read(file, fileHow, names));
        }
        for (Price row : codeRows) {
            rows.add(checkedCodeRow(row, names));
        }
        return PriceBook.of(rows);
    }

    /**
     * Rows must name an installed provider, and a model by its canonical id. A
     * model the provider's catalog lacks needs its {@code vendorModel} spelled out, so that a typo
     * such as {@code gemini-2.5-pr} is caught instead of pricing a model nobody will ask for.
     */
    private static PriceRows.Names names(Map<String, ProviderFactory> factories) {
        return (provider, model, vendorModel) -> {
            ProviderFactory factory = factories.get(provider);
            if (factory == null) {
                throw new IllegalArgumentException("provider \"" + provider + "\" is unknown; known providers: "
                        + String.join(", ", new TreeSet<>(factories.keySet())));
            }
            ProviderModels catalog = factory.models();
            Optional<ModelInfo> declared = catalog.models().stream().filter(m -> m.id().equals(model)).findFirst();
            if (declared.isPresent()) {
                return vendorModel != null ? vendorModel : declared.get().vendorModel();
            }
            Optional<ModelInfo> byVendorName = catalog.models().stream().filter(m -> m.vendorModel().equals(model)).findFirst();
            if (byVendorName.isPresent()) {
                throw new IllegalArgumentException("model \"" + model + "\" is " + provider + "'s own name; use the canonical id \""
                        + byVendorName.get().id() + "\" (prices name models by canonical id)");
            }
            if (vendorModel == null) {
                throw new IllegalArgumentException("model \"" + model + "\" is not in " + provider + "'s catalog ("
                        + String.join(", ", catalog.ids()) + "); fix the id, or give vendorModel too to price a model the"
                        + " catalog lacks");
            }
            return vendorModel;
        };
    }

    /** Rows added in code pass the same checks as a file's; their vendor name is completed from the catalog. */
    private static Price checkedCodeRow(Price row, PriceRows.Names names) {
        // Price fills a missing vendorModel with the model, so equal names mean none was given.
        String given = row.vendorModel().equals(row.model()) ? null : row.vendorModel();
        String vendorModel;
        try {
            vendorModel = names.vendorModel(row.provider(), row.model(), given);
        } catch (IllegalArgumentException e) {
            throw JunctionException.configuration(null, "Junction.builder().price(…) for " + row.provider() + " " + row.model()
                    + ": " + e.getMessage(), "use the id of an installed provider ('junction providers' lists them) and a canonical model id");
        }
        return vendorModel.equals(row.vendorModel()) ? row : new Price(row.provider(), vendorModel, row.model(), row.currency(),
                row.rates(), row.tiers(), row.creditsPerUsd(), row.source(), row.asOf());
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
