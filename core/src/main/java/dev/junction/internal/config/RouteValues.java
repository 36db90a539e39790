package dev.junction.internal.config;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a route config string says: {@code route:MODEL?policy=…&maxPriceUsd=…&providers=…}, plus
 * the provider settings it passes on to every provider.
 *
 * @param model the canonical model (or a vendor's name for it)
 * @param policy {@code ordered}, {@code cheapest} or {@code fastest}
 * @param maxPriceUsd the price ceiling per request, or {@code null} for none
 * @param providers the provider ids to consider, in order; empty for every installed provider offering the model
 * @param providerQuery the other keys (timeouts, retries…), as a query string for each provider's config string; may be empty
 */
public record RouteValues(String model, String policy, BigDecimal maxPriceUsd, List<String> providers, String providerQuery) {

    /** Copies the list. */
    public RouteValues {
        providers = List.copyOf(providers);
    }
}
