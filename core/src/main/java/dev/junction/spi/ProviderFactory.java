package dev.junction.spi;

import dev.junction.catalog.ProviderModels;
import dev.junction.cost.Price;
import java.util.List;

/**
 * The service a vendor module registers with {@link java.util.ServiceLoader} (in
 * {@code module-info.java} and in {@code META-INF/services/dev.junction.spi.ProviderFactory}).
 * Implementations need a public no-argument constructor and must be cheap to create.
 */
public interface ProviderFactory {

    /** The id used in config strings: lower case letters, digits, {@code .}, {@code _} or {@code -}. Never {@code null}. */
    String id();

    /** A human name, such as {@code "Ace Data Cloud"}. Never {@code null}. */
    String displayName();

    /** The prices this vendor publishes, empty when it publishes none. Never {@code null}. */
    default List<Price> builtInPrices() {
        return List.of();
    }

    /**
     * Why {@link #builtInPrices()} lacks a model's price (such as "acedata's docs publish no
     * prices"), shown wherever the price is reported unknown; {@code null} when there is nothing to say.
     */
    default String pricesNote() {
        return null;
    }

    /**
     * Environment variables read for the API key, in order, when {@code <ID>_API_KEY} is unset
     * (for example {@code GEMINI_API_KEY}, the name a vendor's own docs use). Never {@code null};
     * empty by default.
     */
    default List<String> apiKeyEnvFallbacks() {
        return List.of();
    }

    /**
     * The models this vendor serves as its module declares them, known without configuration or
     * network. Never {@code null}; empty when the module declares none.
     */
    default ProviderModels models() {
        return new ProviderModels(List.of());
    }

    /**
     * Creates a provider. Must not make network calls; must not fail for a missing API key
     * (Junction checks the key before the first call, so that listing providers needs none).
     *
     * @throws dev.junction.error.JunctionException of kind CONFIGURATION for unusable settings
     */
    Provider create(ProviderContext context);
}
