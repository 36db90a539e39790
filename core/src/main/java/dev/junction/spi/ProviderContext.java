package dev.junction.spi;

import dev.junction.cost.PriceBook;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * What Junction hands a {@link ProviderFactory} when it creates a provider.
 *
 * @param vertx the Vert.x instance Junction runs on
 * @param transport the shared HTTP client
 * @param settings this provider's resolved settings
 * @param prices every known price, user rows included
 */
public record ProviderContext(Vertx vertx, HttpTransport transport, ProviderSettings settings, PriceBook prices) {

    /** Checks every field is present. */
    public ProviderContext {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(prices, "prices");
    }
}
