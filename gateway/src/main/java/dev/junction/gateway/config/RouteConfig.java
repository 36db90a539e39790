package dev.junction.gateway.config;

import dev.junction.RoutePolicy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A route for one canonical model ({@code routes.<model>} in the file).
 *
 * @param model the canonical model id clients ask for, such as {@code gemini-2.5-pro}
 * @param policy how providers are ordered; {@code ordered} by default
 * @param maxPriceUsd the most one call may be quoted at, or {@code null} for no ceiling
 * @param providers the providers to try, in order for {@code ordered}; empty means every provider
 *     that offers the model
 */
public record RouteConfig(String model, RoutePolicy policy, BigDecimal maxPriceUsd, List<String> providers) {

    /** Checks the fields are present and copies the providers. */
    public RouteConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(policy, "policy");
        providers = List.copyOf(providers);
    }
}
