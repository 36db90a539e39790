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
 * @param maxStreamEventBytes the largest server-sent event a stream may carry before it fails with PROTOCOL
 */
public record ProviderContext(Vertx vertx, HttpTransport transport, ProviderSettings settings, PriceBook prices,
        int maxStreamEventBytes) {

    /** 8 MiB: room for an inline generated image in one event, while keeping memory bounded. */
    public static final int DEFAULT_MAX_STREAM_EVENT_BYTES = 8 * 1024 * 1024;

    /** A context with the default event-size limit. */
    public ProviderContext(Vertx vertx, HttpTransport transport, ProviderSettings settings, PriceBook prices) {
        this(vertx, transport, settings, prices, DEFAULT_MAX_STREAM_EVENT_BYTES);
    }

    /** Checks every field is present. */
    public ProviderContext {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(prices, "prices");
        if (maxStreamEventBytes < 1) {
            throw new IllegalArgumentException("maxStreamEventBytes must be positive");
        }
    }
}
