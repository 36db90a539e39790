package dev.junction.quote;

import java.util.List;
import java.util.Optional;

/**
 * The priced, ranked answer to "what would this request cost at each provider?", made before
 * anything is sent. Quotes are ranked by expected cost in US dollars, cheapest first; quotes with
 * an unknown price come last, in provider order.
 *
 * @param model the canonical model id
 * @param input the estimated input tokens
 * @param outputTokens the output tokens assumed (see {@link QuoteOptions})
 * @param outputAssumption how {@code outputTokens} was arrived at, in words
 * @param quotes the ranked quotes
 * @param unservable providers offering the model that could not serve this request
 */
public record Quotes(String model, TokenEstimate input, long outputTokens, String outputAssumption,
        List<Quote> quotes, List<Unservable> unservable) {

    /** Copies the lists. */
    public Quotes {
        quotes = List.copyOf(quotes);
        unservable = List.copyOf(unservable);
    }

    /** The cheapest quote with a known price: the first in rank order. */
    public Optional<Quote> cheapestCallable() {
        return quotes.stream().filter(Quote::priceKnown).findFirst();
    }
}
