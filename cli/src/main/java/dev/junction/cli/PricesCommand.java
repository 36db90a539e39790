package dev.junction.cli;

import dev.junction.Junction;
import dev.junction.catalog.CanonicalModel;
import dev.junction.catalog.Catalog;
import dev.junction.cost.Price;
import dev.junction.cost.PriceTier;
import dev.junction.cost.TokenRates;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code junction prices}: every price row Junction knows, where it came from and when it was read. */
@Command(name = "prices",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Lists every known price per million tokens, with its source and date.",
                "The providers' built-in rows and the rows of a price file"
                        + " (--prices or JUNCTION_PRICES), which replace earlier rows for the same provider and model."
                        + " Needs no API key."},
        footer = {"",
                "Rows are sorted by model, then provider. Amounts are exact US dollars.",
                "", "Example:",
                "  junction prices --model gemini-2.5-pro",
                "  junction prices --provider aivideoapi --json | jq '.prices[].source'",
                "  junction prices --prices my-prices.json --provider acedata"})
public final class PricesCommand extends JunctionSubcommand {

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Only this model: canonical id or any provider's name for it (acedata's gemini-3.0-pro selects"
                    + " every gemini-3-pro row); a name nobody knows exits 2 listing the known models.")
    private String model;

    @Option(names = "--provider", paramLabel = "ID",
            description = "Only this provider, such as aivideoapi or google; an unknown id exits 2 listing the known ones.")
    private String provider;

    @Mixin
    private PricesOption prices;

    @Mixin
    private JsonOption json;

    @Override
    int run(CliContext context) {
        return withJunction(context, junction -> {
            if (provider != null) {
                KnownProviders.check(junction, provider);
            }
            String canonical = model == null ? null : canonical(junction, model);
            List<Price> rows = new ArrayList<>(junction.prices().rows().stream()
                    .filter(p -> provider == null || p.provider().equals(provider))
                    .filter(p -> canonical == null || p.model().equals(canonical))
                    .toList());
            rows.sort(Comparator.comparing(Price::model).thenComparing(Price::provider));
            if (json.enabled) {
                CliJson.print(context.out(), PricesJson.of(rows));
            } else if (rows.isEmpty()) {
                context.err().println("no price row matches; 'junction prices' lists them all");
            } else {
                table(rows).print(context.out());
            }
            return 0;
        });
    }

    /** Nothing is sent: a model nobody knows is a typo in the arguments, as in compare. */
    @Override
    int failed(JunctionException error, CliContext context) {
        int code = super.failed(error, context);
        return error.kind() == ErrorKind.MODEL_NOT_FOUND ? Main.EXIT_USAGE : code;
    }

    @Override
    boolean json() {
        return json.enabled;
    }

    @Override
    PricesOption prices() {
        return prices;
    }

    /**
     * The canonical id of a model name, through the catalog, so a vendor's name selects every
     * provider's rows for that model (acedata's {@code gemini-3.0-pro} selects the gemini-3-pro rows).
     *
     * @throws JunctionException MODEL_NOT_FOUND for a name no provider or price row knows, listing the known models
     */
    private static String canonical(Junction junction, String name) {
        Catalog catalog = junction.catalog();
        return catalog.find(name).map(CanonicalModel::id).orElseThrow(() -> JunctionException.builder(ErrorKind.MODEL_NOT_FOUND,
                        "no provider or price row knows the model '" + name + "'")
                .hint("known models: " + String.join(", ", catalog.ids()))
                .build());
    }

    private static TextTable table(List<Price> rows) {
        TextTable table = new TextTable("MODEL", "PROVIDER", "VENDOR MODEL", "IN $/1M", "OUT $/1M", "OTHER $/1M", "TIERS",
                "CREDITS/$", "AS OF", "SOURCE").rightAligned(3, 4, 7);
        for (Price price : rows) {
            table.add(price.model(),
                    price.provider(),
                    price.vendorModel(),
                    Amounts.plain(price.inputPerMillion()),
                    Amounts.plain(price.outputPerMillion()),
                    optional(price.rates()),
                    tiers(price),
                    Amounts.plain(price.creditsPerUsd()),
                    price.asOf() == null ? null : price.asOf().toString(),
                    price.source());
        }
        return table;
    }

    /** The optional rates that are set, such as {@code cached 0.125, reasoning 3}; "—" when none is. */
    static String optional(TokenRates rates) {
        List<String> parts = new ArrayList<>();
        if (rates.cachedInputPerMillion() != null) {
            parts.add("cached " + Amounts.plain(rates.cachedInputPerMillion()));
        }
        if (rates.audioInputPerMillion() != null) {
            parts.add("audio in " + Amounts.plain(rates.audioInputPerMillion()));
        }
        if (rates.reasoningOutputPerMillion() != null) {
            parts.add("reasoning " + Amounts.plain(rates.reasoningOutputPerMillion()));
        }
        if (rates.imageOutputPerMillion() != null) {
            parts.add("image out " + Amounts.plain(rates.imageOutputPerMillion()));
        }
        return parts.isEmpty() ? Amounts.UNKNOWN : String.join(", ", parts);
    }

    /** Such as {@code >200000: 2.5/15}, input/output per million; "—" for a flat price. */
    private static String tiers(Price price) {
        if (price.tiers().isEmpty()) {
            return Amounts.UNKNOWN;
        }
        List<String> parts = new ArrayList<>();
        for (PriceTier tier : price.tiers()) {
            parts.add(">" + tier.aboveInputTokens() + ": " + Amounts.plain(tier.rates().inputPerMillion()) + "/"
                    + Amounts.plain(tier.rates().outputPerMillion()));
        }
        return String.join(", ", parts);
    }
}
