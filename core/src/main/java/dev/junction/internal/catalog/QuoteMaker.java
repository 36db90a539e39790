package dev.junction.internal.catalog;

import dev.junction.catalog.Catalog;
import dev.junction.chat.ChatRequest;
import dev.junction.cost.QuoteOptions;
import dev.junction.cost.Quotes;
import dev.junction.cost.TokenEstimator;
import dev.junction.spi.Provider;
import java.util.function.Function;

/** Placeholder: being written. */
public final class QuoteMaker {
    /** Placeholder. */
    public QuoteMaker(Catalog catalog, TokenEstimator estimator, Function<String, Provider> providers) {
    }

    /** Placeholder. */
    public Quotes quote(ChatRequest request, QuoteOptions options) {
        throw new UnsupportedOperationException("not written yet");
    }
}
