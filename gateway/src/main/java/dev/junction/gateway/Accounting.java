package dev.junction.gateway;

import dev.junction.Junction;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.Usage;
import dev.junction.cost.CostRange;
import dev.junction.error.ErrorKind;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every cent of a call: its quote before sending, the key's rate limits, the budget reservation
 * of the highest cost the route could charge, and the settlement with the actual cost afterwards.
 */
final class Accounting {
    private static final Logger LOG = LoggerFactory.getLogger(Accounting.class);
    /**
     * Failures after which the vendor surely billed nothing: it refused the request, or it was never
     * sent. After any other (a timeout, a broken connection, a cancel) it may have worked and billed,
     * so the whole reservation is charged: a budget must not leak through disconnects.
     */
    private static final Set<ErrorKind> NOTHING_BILLED = EnumSet.of(ErrorKind.INVALID_REQUEST, ErrorKind.AUTHENTICATION,
            ErrorKind.PERMISSION_DENIED, ErrorKind.INSUFFICIENT_CREDITS, ErrorKind.SPEND_LIMIT_EXCEEDED, ErrorKind.MODEL_NOT_FOUND,
            ErrorKind.RATE_LIMITED, ErrorKind.UNSUPPORTED_FEATURE, ErrorKind.CONFIGURATION);

    private final Junction junction;
    private final GatewayState state;
    private final Set<Future<?>> settling = ConcurrentHashMap.newKeySet();

    Accounting(Junction junction, GatewayState state) {
        this.junction = junction;
        this.state = state;
    }

    /**
     * The quotes of a request at each provider of its route.
     *
     * @param request the request to send: for a budgeted key without {@code max_tokens}, capped at
     *     the output the reservation assumes, so that the reservation bounds what it can cost
     * @param byProvider each provider's quoted USD range; a provider with no known price is absent
     * @param highUsd the highest cost any provider the route may call could charge, or {@code null}
     *     when one of them has no known price (then no upper bound is known)
     * @param unpriced the route's providers with no known price
     */
    record Priced(ChatRequest request, Map<String, CostRange> byProvider, BigDecimal highUsd, List<String> unpriced) {
    }

    /** Quotes the request at each of the route's providers; offline, CPU only. */
    Priced price(ChatRequest request, Routes.Resolved route, boolean budgeted) {
        Quotes quotes;
        try {
            quotes = junction.quote(request, QuoteOptions.defaults().withProviders(Set.copyOf(route.providers())));
        } catch (JunctionException e) {
            // A vendor model name the catalog does not know has no price: the call still goes out.
            return new Priced(request, Map.of(), null, route.providers());
        }
        Map<String, CostRange> byProvider = new HashMap<>();
        BigDecimal high = BigDecimal.ZERO;
        BigDecimal highest = BigDecimal.ZERO;
        List<String> unpriced = new ArrayList<>();
        BigDecimal ceiling = route.maxPriceUsd();
        for (Quote quote : quotes.quotes()) {
            if (!quote.priceKnown()) {
                // Under a ceiling the route drops providers with no known price: they cannot be called.
                if (ceiling == null) {
                    unpriced.add(quote.provider());
                }
                continue;
            }
            byProvider.put(quote.provider(), quote.usd());
            highest = highest.max(quote.usd().high());
            // The route drops a provider whose high figure is over its ceiling: it cannot cost that.
            if (ceiling == null || quote.usd().high().compareTo(ceiling) <= 0) {
                high = high.max(quote.usd().high());
            }
        }
        if (high.signum() == 0) {
            // Every provider is over the ceiling: the route will refuse the call; reserve as if not.
            high = highest;
        }
        ChatRequest sent = request;
        if (budgeted && request.maxOutputTokens() == null && quotes.outputTokens() <= Integer.MAX_VALUE) {
            // Without a cap the output is unbounded, and so would be the excess over the reservation.
            sent = request.toBuilder().maxOutputTokens((int) quotes.outputTokens()).build();
        }
        return new Priced(sent, Map.copyOf(byProvider), unpriced.isEmpty() && !byProvider.isEmpty() ? high : null, List.copyOf(unpriced));
    }

    /** Admits a request under the key's rate limits; fails with the limiter's refusal. */
    Future<Void> limit(KeyConfig key) {
        RateLimit limit = rateLimit(key);
        return limit == null ? Future.succeededFuture() : state.rateLimits().admit(key.name(), limit);
    }

    /**
     * Reserves the highest cost the call could have against the key's budget.
     *
     * @return the reservation, or {@code null} when the key has no budget; fails with the state's
     *     refusals (budget, store unavailable), or 400 when a budget meets an unknown price
     */
    Future<Reservation> reserve(KeyConfig key, Priced priced, String model) {
        Budget budget = budget(key);
        if (budget == null) {
            return Future.succeededFuture();
        }
        if (priced.highUsd() == null) {
            String which = priced.unpriced().isEmpty() ? "its providers" : String.join(", ", priced.unpriced());
            return Future.failedFuture(new GatewayRequestException(400, "invalid_request", "price_unknown", "model",
                    "the key '" + key.name() + "' has a budget, and no price is known for " + model + " at " + which
                            + ", so the call's cost cannot be reserved; leave those providers out with junction.providers,"
                            + " or ask the gateway's operator for a price row"));
        }
        return state.budgets().reserve(key.name(), budget, priced.highUsd());
    }

    static boolean budgeted(KeyConfig key) {
        return budget(key) != null;
    }

    /**
     * Settles a call: the actual cost when known; the whole reservation when the call ended with
     * no known cost (a stream cut off before its usage, a reply without usage), since nothing is
     * given back on a guess.
     */
    void settle(KeyConfig key, Reservation reservation, BigDecimal actualUsd, Usage usage) {
        if (reservation != null) {
            BigDecimal amount = actualUsd != null ? actualUsd : reservation.amountUsd();
            Future<?> settled = state.budgets().settle(reservation, amount).onFailure(e -> LOG.warn(
                    "Junction gateway: could not settle ${} for key '{}': {}", amount.toPlainString(), key.name(), e.getMessage()));
            settling.add(settled);
            settled.onComplete(done -> settling.remove(settled));
        }
        RateLimit limit = rateLimit(key);
        if (limit != null && limit.tokensPerMinute() != null && usage != null && usage.isReported()) {
            long tokens = usage.totalTokens() != null ? usage.totalTokens()
                    : nonNull(usage.inputTokens()) + nonNull(usage.outputTokens());
            state.rateLimits().recordTokens(key.name(), limit, tokens);
        }
    }

    /**
     * Settles a call that failed: nothing when the vendor surely billed nothing (it refused the
     * request, or never got it), else the whole reservation.
     */
    void settleFailed(KeyConfig key, Reservation reservation, Throwable failure) {
        boolean nothingBilled = !(failure instanceof JunctionException e) || NOTHING_BILLED.contains(e.kind());
        settle(key, reservation, nothingBilled ? BigDecimal.ZERO : null, null);
    }

    /** Releases a reservation for a call that was never sent. */
    void release(KeyConfig key, Reservation reservation) {
        settle(key, reservation, BigDecimal.ZERO, null);
    }

    /** Waits for settlements under way, up to {@code limit}: a shutdown must not lose them. */
    Future<Void> drain(Duration limit) {
        List<Future<?>> pending = List.copyOf(settling);
        return pending.isEmpty() ? Future.succeededFuture()
                : Future.join(pending).<Void>mapEmpty().timeout(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .recover(e -> Future.succeededFuture());
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
