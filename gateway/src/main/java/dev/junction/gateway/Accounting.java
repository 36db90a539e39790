package dev.junction.gateway;

import dev.junction.Junction;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.Usage;
import dev.junction.cost.CostRange;
import dev.junction.error.JunctionException;
import dev.junction.gateway.config.KeyConfig;
import dev.junction.gateway.openai.GatewayRequestException;
import dev.junction.gateway.state.Budget;
import dev.junction.gateway.state.GatewayState;
import dev.junction.gateway.state.RateLimit;
import dev.junction.gateway.state.Reservation;
import dev.junction.quote.Quote;
import dev.junction.quote.QuoteOptions;
import dev.junction.quote.Quotes;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every cent of a call: its quote before sending, the key's rate limits, the budget reservation
 * of the route's highest quoted cost, and the settlement with the actual cost afterwards.
 */
final class Accounting {
    private static final Logger LOG = LoggerFactory.getLogger(Accounting.class);

    private final Junction junction;
    private final GatewayState state;

    Accounting(Junction junction, GatewayState state) {
        this.junction = junction;
        this.state = state;
    }

    /**
     * The quotes of a request at each provider of its route.
     *
     * @param byProvider each provider's quoted USD range; a provider with no known price is absent
     * @param highUsd the highest cost any provider of the route could charge, or {@code null} when a
     *     provider's price is unknown (then no upper bound is known)
     * @param unpriced the route's providers with no known price
     */
    record Priced(Map<String, CostRange> byProvider, BigDecimal highUsd, List<String> unpriced) {
        static final Priced UNKNOWN = new Priced(Map.of(), null, List.of());
    }

    /** Quotes the request at each of the route's providers; offline, CPU only. */
    Priced price(ChatRequest request, Routes.Resolved route) {
        Quotes quotes;
        try {
            quotes = junction.quote(request, QuoteOptions.defaults().withProviders(Set.copyOf(route.providers())));
        } catch (JunctionException e) {
            // A vendor model name the catalog does not know has no price: the call still goes out.
            return new Priced(Map.of(), null, route.providers());
        }
        Map<String, CostRange> byProvider = new HashMap<>();
        BigDecimal high = BigDecimal.ZERO;
        List<String> unpriced = new java.util.ArrayList<>();
        for (Quote quote : quotes.quotes()) {
            if (quote.priceKnown()) {
                byProvider.put(quote.provider(), quote.usd());
                high = high.max(quote.usd().high());
            } else {
                unpriced.add(quote.provider());
            }
        }
        return new Priced(Map.copyOf(byProvider), unpriced.isEmpty() && !byProvider.isEmpty() ? high : null, List.copyOf(unpriced));
    }

    /**
     * Admits a call: the key's rate limits first, then its budget reservation.
     *
     * @return the reservation, or {@code null} when the key has no budget; fails with the state's
     *     refusals (rate limit, budget, store unavailable), or 400 when a budget meets an unknown price
     */
    Future<Reservation> admit(KeyConfig key, Priced priced, String model) {
        RateLimit limit = rateLimit(key);
        Future<Void> admitted = limit == null ? Future.succeededFuture() : state.rateLimits().admit(key.name(), limit);
        Budget budget = budget(key);
        if (budget == null) {
            return admitted.map(ok -> null);
        }
        if (priced.highUsd() == null) {
            String which = priced.unpriced().isEmpty() ? "its providers" : String.join(", ", priced.unpriced());
            return Future.failedFuture(new GatewayRequestException(400, "invalid_request", "price_unknown", "model",
                    "the key '" + key.name() + "' has a budget, and no price is known for " + model + " at " + which
                            + ", so the call's cost cannot be reserved; leave those providers out with junction.providers,"
                            + " or ask the gateway's operator for a price row"));
        }
        return admitted.compose(ok -> state.budgets().reserve(key.name(), budget, priced.highUsd()));
    }

    /**
     * Settles a call: the actual cost when known; the whole reservation when the call ended with
     * no known cost (a cancelled stream may still be billed, so nothing is given back on a guess);
     * nothing for a call that failed before the vendor answered.
     */
    void settle(KeyConfig key, Reservation reservation, BigDecimal actualUsd, Usage usage) {
        if (reservation != null) {
            BigDecimal amount = actualUsd != null ? actualUsd : reservation.amountUsd();
            state.budgets().settle(reservation, amount).onFailure(e -> LOG.warn(
                    "Junction gateway: could not settle ${} for key '{}': {}", amount.toPlainString(), key.name(), e.getMessage()));
        }
        RateLimit limit = rateLimit(key);
        if (limit != null && limit.tokensPerMinute() != null && usage != null && usage.isReported()) {
            long tokens = usage.totalTokens() != null ? usage.totalTokens()
                    : nonNull(usage.inputTokens()) + nonNull(usage.outputTokens());
            state.rateLimits().recordTokens(key.name(), limit, tokens);
        }
    }

    /** Releases a reservation for a call the vendor never answered. */
    void release(KeyConfig key, Reservation reservation) {
        settle(key, reservation, BigDecimal.ZERO, null);
    }

    private static long nonNull(Number n) {
        return n == null ? 0 : n.longValue();
    }

    private static Budget budget(KeyConfig key) {
        return key.dailyUsd() == null && key.monthlyUsd() == null ? null : new Budget(key.dailyUsd(), key.monthlyUsd());
    }

    private static RateLimit rateLimit(KeyConfig key) {
        return key.requestsPerMinute() == null && key.tokensPerMinute() == null ? null
                : new RateLimit(key.requestsPerMinute(), key.tokensPerMinute());
    }
}
