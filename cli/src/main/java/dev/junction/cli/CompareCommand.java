package dev.junction.cli;

import dev.junction.Junction;
import dev.junction.ProviderSpec;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.cost.Price;
import dev.junction.cost.QuoteOptions;
import dev.junction.cost.Quotes;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.ModelInfo;
import dev.junction.spi.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code junction compare}: what one prompt would cost at each provider, ranked, before anything
 * is sent. Offline: needs no API key and contacts no vendor.
 */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Ranks the providers of a model by what the prompt would cost there, before sending anything.",
                "Prints each provider's expected cost (low to high), cheapest first, unknown prices last. Nothing is"
                        + " sent: no API key and no network needed.",
                "Input tokens are estimated from the prompt and attachments; output tokens are assumed (--output-tokens)."},
        footer = {"",
                "Amounts are exact US dollars with trailing zeros stripped, never rounded; \"—\" marks an unknown value.",
                "Reference rows (such as Google's list price) are for comparison only and cannot be called.",
                "", "Example:",
                "  junction compare --model gemini-2.5-pro \"用简单的语言解释量子计算\"",
                "  junction compare -m gemini-3-pro --output-tokens 4000 --attach a.pdf \"总结\"",
                "  junction compare -p acedata:gemini-2.5-pro -p aivideoapi --prices p.json hi",
                "  junction compare --json -m gemini-2.5-pro hi | jq -r '.quotes[0].provider'"})
public final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    private JunctionCommand parent;

    @Option(names = {"-p", "--provider"}, paramLabel = "SPEC",
            description = "Quote only this provider: a config string such as acedata:gemini-2.5-pro (only the id and"
                    + " the model are used). Repeatable; the specs' models must be one canonical model. Without -p every"
                    + " provider offering the model is quoted.")
    private List<String> specs = new ArrayList<>();

    @Mixin
    private PromptOptions prompt;

    @Option(names = "--output-tokens", paramLabel = "N",
            description = "Output tokens to assume (default " + QuoteOptions.DEFAULT_OUTPUT_TOKENS + "; --reasoning high adds "
                    + QuoteOptions.DEFAULT_REASONING_ALLOWANCE + "). Positive.")
    private Long outputTokens;

    @Option(names = "--reasoning", paramLabel = "EFFORT",
            description = "Reasoning effort the request would ask for: ${COMPLETION-CANDIDATES}; high assumes more output.")
    private ReasoningEffort reasoning;

    @Mixin
    private PricesOption prices;

    @Option(names = "--json", description = "Print one JSON object (the ranked quotes, or {\"error\":…}) on stdout instead of the table.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = parent.context();
        try {
            QuoteOptions options = QuoteOptions.defaults();
            if (outputTokens != null) {
                if (outputTokens <= 0) {
                    throw JunctionException.builder(ErrorKind.INVALID_REQUEST,
                                    "--output-tokens must be a positive number of tokens, got " + outputTokens)
                            .hint("give the output you expect, such as --output-tokens 1000").build();
                }
                options = options.withOutputTokens(outputTokens);
            }
            // Attachments are checked here, before Junction starts.
            ChatRequest.Builder builder = prompt.builder();
            if (reasoning != null) {
                builder.reasoning(ReasoningSettings.effort(reasoning));
            }
            Quotes quotes;
            try (Junction junction = prices.junction(context)) {
                Map<String, String> models = specModels(junction);
                builder.model(model(models));
                if (!models.isEmpty()) {
                    options = options.withProviders(providerIds());
                }
                quotes = junction.quote(builder.build(), options);
            }
            if (json) {
                CliJson.print(context.out(), QuoteJson.of(quotes));
            } else {
                QuoteTable.print(quotes, context.out());
            }
            return 0;
        } catch (JunctionException e) {
            int code = ErrorReport.print(e, json, context);
            // Nothing is sent: a model nobody offers is a typo in the arguments, not a vendor's failure.
            return e.kind() == ErrorKind.MODEL_NOT_FOUND ? Main.EXIT_USAGE : code;
        }
    }

    private Set<String> providerIds() {
        Set<String> ids = new LinkedHashSet<>();
        specs.forEach(spec -> ids.add(ProviderSpec.parse(spec).providerId()));
        return ids;
    }

    /**
     * Each spec's canonical model, keyed by the spec as typed ({@code null} for a spec without a
     * model), so "gemini-3.0-pro" at acedata and "gemini-3-pro" at aivideoapi count as one model.
     */
    private Map<String, String> specModels(Junction junction) {
        Map<String, String> models = new LinkedHashMap<>();
        for (String text : specs) {
            ProviderSpec spec = ProviderSpec.parse(text);
            models.put(spec.providerId() + (spec.model() == null ? "" : ":" + spec.model()),
                    spec.model() == null ? null : canonical(junction, spec));
        }
        return models;
    }

    /**
     * The canonical id of the spec's model: from the provider's catalog when it is installed, else
     * from the price rows of a reference provider (such as google). An id neither knows fails with
     * CONFIGURATION listing the known providers.
     */
    private static String canonical(Junction junction, ProviderSpec spec) {
        Optional<Provider> installed = junction.providers().stream().filter(p -> p.id().equals(spec.providerId())).findFirst();
        if (installed.isPresent()) {
            return installed.get().catalog().find(spec.model()).map(ModelInfo::id).orElse(spec.model());
        }
        List<Price> rows = junction.prices().rows().stream().filter(p -> p.provider().equals(spec.providerId())).toList();
        if (rows.isEmpty()) {
            junction.provider(spec.providerId()); // throws CONFIGURATION: unknown id, with the known ones
        }
        return rows.stream().filter(p -> p.model().equals(spec.model()) || p.vendorModel().equals(spec.model()))
                .map(Price::model).findFirst().orElse(spec.model());
    }

    /** --model, else the one canonical model the specs name. */
    private String model(Map<String, String> specModels) {
        if (prompt.model != null) {
            // As in chat, --model overrides the specs' models.
            return prompt.model;
        }
        Set<String> distinct = new LinkedHashSet<>();
        specModels.values().stream().filter(m -> m != null).forEach(distinct::add);
        if (distinct.size() > 1) {
            List<String> named = new ArrayList<>();
            specModels.forEach((spec, model) -> {
                if (model != null) {
                    named.add(spec + " is " + model);
                }
            });
            throw JunctionException.builder(ErrorKind.INVALID_REQUEST,
                            "compare quotes one model, but the -p specs name " + distinct.size() + ": " + String.join(", ", named))
                    .hint("give every -p the same model, or drop the models from the specs and add --model M").build();
        }
        if (distinct.isEmpty()) {
            throw JunctionException.builder(ErrorKind.INVALID_REQUEST, "compare needs a model to quote")
                    .hint("add --model gemini-2.5-pro, or a model to a -p spec such as -p acedata:gemini-2.5-pro").build();
        }
        return distinct.iterator().next();
    }
}
