package dev.junction.cli;

import dev.junction.Junction;
import dev.junction.ProviderSpec;
import dev.junction.catalog.Catalog;
import dev.junction.catalog.Offer;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.quote.QuoteOptions;
import dev.junction.quote.Quotes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
                "Exit 0 with at least one quote, even when prices are unknown. When no provider can be quoted (each one"
                        + " listed as not servable, with why) the report is still printed and the exit code is 2.",
                "", "Example:",
                "  junction compare --model gemini-2.5-pro \"用简单的语言解释量子计算\"",
                "  junction compare -m gemini-3-pro --output-tokens 4000 --attach a.pdf \"总结\"",
                "  junction compare -m gemini-2.5-pro --prompt-file report.txt \"总结这份报告\"",
                "  junction compare -p acedata:gemini-2.5-pro -p aivideoapi --prices p.json hi",
                "  junction compare --json -m gemini-2.5-pro hi | jq -r '.quotes[0].provider'"})
public final class CompareCommand extends JunctionSubcommand {

    @Option(names = {"-p", "--provider"}, paramLabel = "SPEC",
            description = "Quote only this provider: a config string such as acedata:gemini-2.5-pro (only id[:model]"
                    + " is used; keys, base URLs and timeouts after '?' are ignored). Repeatable; the specs' models must be one canonical model. Without -p every"
                    + " provider offering the model is quoted.")
    private List<String> specs = new ArrayList<>();

    @Mixin
    private PromptOptions prompt;

    @Option(names = "--output-tokens", paramLabel = "N",
            description = "Visible output tokens to assume (default " + QuoteOptions.DEFAULT_OUTPUT_TOKENS + "); a 2,000-token"
                    + " reasoning allowance is added for models that reason by default or with --reasoning medium or high, not with"
                    + " --reasoning minimal or low. 1 to 10,000,000.")
    private Long outputTokens;

    @Option(names = "--reasoning", paramLabel = "EFFORT",
            description = "Reasoning effort the request would ask for: ${COMPLETION-CANDIDATES}; minimal and low drop the"
                    + " reasoning allowance, medium and high add it to models that do not reason by default.")
    private ReasoningEffort reasoning;

    @Mixin
    private PricesOption prices;

    @Mixin
    private JsonOption json;

    @Override
    int run(CliContext context) {
        QuoteOptions options = outputTokens == null ? QuoteOptions.defaults()
                : QuoteOptions.defaults().withOutputTokens(checkedOutputTokens(outputTokens));
        // The prompt and the attachments are checked here, before Junction starts.
        ChatRequest.Builder builder = prompt.builder(context);
        if (reasoning != null) {
            builder.reasoning(ReasoningSettings.effort(reasoning));
        }
        Quotes quotes = withJunction(context, junction -> quote(junction, builder, options));
        if (json.enabled) {
            CliJson.print(context.out(), QuoteJson.of(quotes));
        } else {
            QuoteTable.print(quotes, context.out());
        }
        return quotes.quotes().isEmpty() ? nothingToQuote(quotes, context) : 0;
    }

    /** Nothing is sent: a model nobody offers is a typo in the arguments, not a vendor's failure. */
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

    /** Quotes the request at the -p providers, else at every provider offering its model. */
    private Quotes quote(Junction junction, ChatRequest.Builder builder, QuoteOptions options) {
        List<ProviderSpec> parsed = specs.stream().map(CompareCommand::idAndModel).toList();
        parsed.forEach(spec -> KnownProviders.check(junction, spec.providerId()));
        Map<String, String> models = specModels(junction.catalog(), parsed);
        builder.model(model(models));
        if (parsed.isEmpty()) {
            return junction.quote(builder.build(), options);
        }
        Set<String> ids = new LinkedHashSet<>();
        parsed.forEach(spec -> ids.add(spec.providerId()));
        return junction.quote(builder.build(), options.withProviders(ids));
    }

    /**
     * The option's value when it is one QuoteOptions accepts. Checked here, not left to core's
     * IllegalArgumentException, so a typo is an exit-2 message rather than a stack trace.
     */
    static long checkedOutputTokens(long tokens) {
        if (tokens < 1 || tokens > QuoteOptions.MAX_TOKENS) {
            throw JunctionException.builder(ErrorKind.INVALID_REQUEST, String.format(Locale.ROOT,
                            "--output-tokens must be between 1 and %,d tokens, got %d", QuoteOptions.MAX_TOKENS, tokens))
                    .hint("give the output you expect, such as --output-tokens 1000").build();
        }
        return tokens;
    }

    /**
     * Exit 2 after the report, which already lists why each provider cannot serve the request: the
     * request (or the -p list) is what has to change, and a script must not take the empty ranking
     * for an answer.
     */
    private int nothingToQuote(Quotes quotes, CliContext context) {
        // Reported here, not thrown to failed(): with --json, stdout already holds the quotes document.
        return ErrorReport.print(JunctionException.builder(ErrorKind.INVALID_REQUEST, "no provider can serve this "
                                + quotes.model() + " request; " + (json.enabled ? "\"unservable\" in the JSON on stdout says why"
                                        : "the 'not servable' lines above say why"))
                        .hint("drop what they cannot take (such as an attachment or a tool), or name other providers;"
                                + " 'junction models' lists who offers " + quotes.model())
                        .build(), false, context);
    }

    /**
     * Only the {@code id[:model]} part of a spec: keys, base URLs and timeouts do not change a
     * quote, so they are ignored rather than checked (a malformed {@code timeout=} must not stop it).
     */
    private static ProviderSpec idAndModel(String text) {
        int query = text.indexOf('?');
        return ProviderSpec.parse(query < 0 ? text : text.substring(0, query));
    }

    /**
     * Each spec's canonical model, keyed by the spec's {@code id[:model]} ({@code null} for a spec
     * without a model), so "gemini-3.0-pro" at acedata and "gemini-3-pro" at aivideoapi count as one
     * model. The offline catalog maps the names of every installed provider, without
     * configuring any provider from the environment.
     */
    private static Map<String, String> specModels(Catalog catalog, List<ProviderSpec> specs) {
        Map<String, String> models = new LinkedHashMap<>();
        for (ProviderSpec spec : specs) {
            models.put(spec.providerId() + (spec.model() == null ? "" : ":" + spec.model()),
                    spec.model() == null ? null : canonical(catalog, spec));
        }
        return models;
    }

    /** The canonical id of the spec's model at its provider; a name it does not offer stays as typed, for quote to report. */
    private static String canonical(Catalog catalog, ProviderSpec spec) {
        return catalog.offers(spec.providerId()).stream()
                .filter(o -> o.model().equals(spec.model()) || o.vendorModel().equals(spec.model()))
                .map(Offer::model).findFirst().orElse(spec.model());
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
