package dev.junction.internal.catalog;

import dev.junction.catalog.CanonicalModel;
import dev.junction.catalog.Catalog;
import dev.junction.catalog.Offer;
import dev.junction.chat.ChatRequest;
import dev.junction.cost.Cost;
import dev.junction.cost.CostRange;
import dev.junction.cost.Price;
import dev.junction.cost.PriceTier;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.cost.CostCalculator;
import dev.junction.quote.Quote;
import dev.junction.quote.QuoteOptions;
import dev.junction.quote.Quotes;
import dev.junction.quote.TokenEstimate;
import dev.junction.quote.TokenEstimator;
import dev.junction.quote.Unservable;
import dev.junction.spi.Provider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Makes {@link Quotes}: estimates the input once, assumes the output, then prices the request at
 * every offer of its model and ranks the results. Offline: providers are only asked whether they
 * could serve the request ({@link Provider#precheck}), never called.
 */
public final class QuoteMaker {
    private final Catalog catalog;
    private final Map<String, String> pricesNotes;
    private final TokenEstimator estimator;
    private final Function<String, Provider> providers;

    /**
     * A quote maker.
     *
     * @param pricesNotes each installed provider's id mapped to why its prices may be missing ({@code ""} for nothing to say)
     * @param providers configures a provider from a config string, from the environment
     */
    public QuoteMaker(Catalog catalog, Map<String, String> pricesNotes, TokenEstimator estimator, Function<String, Provider> providers) {
        this.catalog = catalog;
        this.pricesNotes = Map.copyOf(pricesNotes);
        this.estimator = estimator;
        this.providers = providers;
    }

    /**
     * Quotes the request.
     *
     * @throws JunctionException INVALID_REQUEST without a model, MODEL_NOT_FOUND for a model nobody
     *     offers, CONFIGURATION for an unknown provider in the options
     */
    public Quotes quote(ChatRequest request, QuoteOptions options) {
        String requested = request.model();
        if (requested == null || requested.isBlank()) {
            throw JunctionException.builder(ErrorKind.INVALID_REQUEST, "the request names no model to quote")
                    .hint("set one, such as ChatRequest.builder().model(\"gemini-2.5-pro\") or --model gemini-2.5-pro")
                    .build();
        }
        CanonicalModel model = catalog.find(requested).orElseThrow(() -> JunctionException.builder(ErrorKind.MODEL_NOT_FOUND,
                        "no provider or price row knows the model '" + requested + "'")
                .hint("known models: " + String.join(", ", catalog.ids()))
                .build());
        checkProviders(options.providers());
        ChatRequest canonical = request.withModel(model.id());
        TokenEstimate input = estimator.estimate(canonical);
        OutputAssumption output = OutputAssumption.of(request, model, options);
        List<Quote> quotes = new ArrayList<>();
        List<Unservable> unservable = new ArrayList<>();
        Set<String> offered = new TreeSet<>();
        for (Offer offer : model.offers()) {
            offered.add(offer.provider());
            if (!options.providers().isEmpty() && !options.providers().contains(offer.provider())) {
                continue;
            }
            Optional<String> refusal = refusal(offer, canonical, input);
            if (refusal.isPresent()) {
                unservable.add(new Unservable(offer.provider(), offer.vendorModel(), refusal.get()));
            } else {
                quotes.add(quote(offer, input, output.tokens(), output.reasoningTokens()));
            }
        }
        for (String id : options.providers()) {
            if (!offered.contains(id)) {
                unservable.add(new Unservable(id, model.id(), id + " does not offer " + model.id()
                        + "; 'junction models --provider " + id + "' lists what it does"));
            }
        }
        quotes.sort(RANKING);
        return new Quotes(model.id(), input, output.tokens(), output.description(), quotes, unservable);
    }

    /** Known prices by expected dollars, then by provider; unknown prices last, by provider. */
    private static final Comparator<Quote> RANKING = Comparator
            .comparing((Quote q) -> !q.priceKnown())
            .thenComparing(q -> q.priceKnown() ? q.usd().expected() : BigDecimal.ZERO)
            .thenComparing(Quote::provider);

    private void checkProviders(Set<String> ids) {
        if (pricesNotes.keySet().containsAll(ids)) {
            // Installed providers, the usual case: no need to collect every offer's provider.
            return;
        }
        Set<String> known = new TreeSet<>(pricesNotes.keySet());
        catalog.models().forEach(m -> m.offers().forEach(o -> known.add(o.provider())));
        for (String id : ids) {
            if (!known.contains(id)) {
                throw JunctionException.configuration(id, "no provider or price row has the id '" + id + "'",
                        "known providers: " + String.join(", ", known));
            }
        }
    }

    /** Why the offer cannot serve the request; a provider that cannot even be configured cannot serve it either. */
    private Optional<String> refusal(Offer offer, ChatRequest request, TokenEstimate input) {
        // Only the low figure: refuse when the prompt surely does not fit, not when it merely might not.
        if (offer.contextWindow() != null && input.low() > offer.contextWindow()) {
            return Optional.of(String.format(Locale.ROOT, "the prompt, at least %,d tokens, exceeds %s's context window of %,d tokens"
                    + " for %s", input.low(), offer.provider(), offer.contextWindow(), offer.model()));
        }
        try {
            Provider provider = providers.apply(offer.provider() + ":" + offer.model());
            return provider.precheck(request).map(QuoteMaker::describe);
        } catch (JunctionException e) {
            return Optional.of(describe(e));
        }
    }

    private static String describe(JunctionException e) {
        return e.getMessage() + e.hint().map(h -> " (" + h + ")").orElse("");
    }

    private Quote quote(Offer offer, TokenEstimate input, long output, long reasoning) {
        Price price = offer.price();
        List<String> notes = new ArrayList<>();
        if (!input.isComplete()) {
            notes.add(input.unknowns().size() + " media part(s) could not be measured; the figures leave them out or count their least");
        }
        if (price == null) {
            String note = pricesNotes.getOrDefault(offer.provider(), "");
            return new Quote(offer.provider(), offer.vendorModel(), false,
                    "no price known for " + offer.provider() + ":" + offer.model() + (note.isEmpty() ? "" : " (" + note + ")")
                            + "; add one to a price file (--prices FILE, JUNCTION_PRICES or Junction.builder().pricesFile)",
                    null, null, null, notes);
        }
        Cost low = cost(price, input.low(), input, output, reasoning);
        Cost expected = cost(price, input.expected(), input, output, reasoning);
        Cost high = cost(price, input.high(), input, output, reasoning);
        tierNote(expected.tier(), high.tier()).ifPresent(notes::add);
        CostRange usd = range(low.usd(), expected.usd(), high.usd());
        CostRange credits = price.creditsPerUsd() == null ? null : range(low.credits(), expected.credits(), high.credits());
        return new Quote(offer.provider(), offer.vendorModel(), true, null, price, usd, credits, notes);
    }

    /** A tier cheaper than the rates below it (a volume discount) can make more tokens cost less, so the ends are the extremes. */
    private static CostRange range(BigDecimal atLow, BigDecimal atExpected, BigDecimal atHigh) {
        return new CostRange(atLow.min(atExpected).min(atHigh), atExpected, atLow.max(atExpected).max(atHigh));
    }

    /** Audio input at its own rate where the row has one; reasoning allowance at the reasoning rate. Caches are not assumed. */
    private static Cost cost(Price price, long inputTokens, TokenEstimate input, long output, long reasoning) {
        return CostCalculator.cost(price, inputTokens, 0, input.audioTokens(), output, reasoning, 0);
    }

    private static Optional<String> tierNote(PriceTier atExpected, PriceTier atHigh) {
        if (atExpected != null) {
            return Optional.of(String.format(Locale.ROOT, "prompt over %,d tokens: tier prices apply", atExpected.aboveInputTokens()));
        }
        if (atHigh != null) {
            return Optional.of(String.format(Locale.ROOT, "prompt may exceed %,d tokens; the high figure uses the tier prices", atHigh.aboveInputTokens()));
        }
        return Optional.empty();
    }
}
