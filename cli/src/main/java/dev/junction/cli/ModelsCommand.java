package dev.junction.cli;

import dev.junction.catalog.CanonicalModel;
import dev.junction.catalog.Catalog;
import dev.junction.catalog.Offer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code junction models}: every canonical model and each provider's offer of it, with its price. */
@Command(name = "models",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Lists every model and each provider's offer of it, with its price.",
                "Per canonical model and provider: the vendor's name for it, capabilities, context window, input/output"
                        + " price per million tokens and where the entry comes from (LISTING).",
                "Offline by default; --remote also asks the vendors' model-list endpoints (API keys needed there)."},
        footer = {"",
                "LISTING: DECLARED (by the module), DECLARED_AND_LISTED / DECLARED_NOT_LISTED (checked with --remote),"
                        + " LISTED_ONLY (only in the vendor's live list), PRICED_ONLY (only in a price row: the module does not declare"
                        + " the model).",
                "\"—\" marks an unknown value: a price or a context window the vendor does not publish.",
                "With --remote a list that cannot be fetched is a warning on stderr; the exit code stays 0.",
                "", "Example:",
                "  junction models",
                "  junction models --provider acedata --json | jq '.models[].id'",
                "  junction models --remote --provider yisu"})
public final class ModelsCommand extends JunctionSubcommand {
    /** The vendors' own timeouts bound each call; this bounds the whole wait in case one never answers. */
    static final Duration REMOTE_WAIT = Duration.ofMinutes(2);

    @Option(names = "--provider", paramLabel = "ID", description = "Only this provider's offers, such as acedata.")
    private String provider;

    @Option(names = "--remote", description = "Merge the vendors' live model lists (yisu's GET /v1/models, for instance).")
    private boolean remote;

    @Mixin
    private PricesOption prices;

    @Mixin
    private JsonOption json;

    @Mixin
    private VerboseOption verbose;

    @Override
    int run(CliContext context) {
        return withJunction(context, junction -> {
            if (provider != null) {
                KnownProviders.check(junction, provider);
            }
            Catalog catalog = remote
                    ? Await.result(junction.remoteCatalog(provider == null ? Set.of() : Set.of(provider)), REMOTE_WAIT,
                            "the vendors' model lists")
                    : junction.catalog();
            for (String problem : catalog.problems()) {
                context.err().println("warning: " + problem);
            }
            List<CanonicalModel> models = filtered(catalog);
            if (json.enabled) {
                CliJson.print(context.out(), ModelsJson.of(models, catalog.problems()));
            } else {
                table(models).print(context.out());
            }
            return 0;
        });
    }

    @Override
    boolean json() {
        return json.enabled;
    }

    @Override
    boolean verbose() {
        return verbose.enabled;
    }

    @Override
    PricesOption prices() {
        return prices;
    }

    /** The models with only the chosen provider's offers; models it does not offer are left out. */
    private List<CanonicalModel> filtered(Catalog catalog) {
        if (provider == null) {
            return catalog.models();
        }
        return catalog.models().stream()
                .map(m -> new CanonicalModel(m.id(), m.offers().stream().filter(o -> o.provider().equals(provider)).toList()))
                .filter(m -> !m.offers().isEmpty())
                .toList();
    }

    private static TextTable table(List<CanonicalModel> models) {
        TextTable table = new TextTable("MODEL", "PROVIDER", "VENDOR MODEL", "CONTEXT", "IN $/1M", "OUT $/1M", "LISTING",
                "CAPABILITIES").rightAligned(3, 4, 5);
        for (CanonicalModel model : models) {
            boolean first = true;
            for (Offer offer : model.offers()) {
                table.add(first ? model.id() : "",
                        offer.provider(),
                        offer.vendorModel(),
                        Amounts.tokens(offer.contextWindow()),
                        offer.price() == null ? Amounts.UNKNOWN : Amounts.plain(offer.price().inputPerMillion()),
                        offer.price() == null ? Amounts.UNKNOWN : Amounts.plain(offer.price().outputPerMillion()),
                        offer.listing().name(),
                        offer.capabilities().isEmpty() ? Amounts.UNKNOWN
                                : offer.capabilities().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
                first = false;
            }
        }
        return table;
    }
}
