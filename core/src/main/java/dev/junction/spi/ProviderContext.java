package dev.junction.spi;

import dev.junction.cost.PriceBook;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What Junction hands a {@link ProviderFactory} when it creates a provider. Made by
 * {@link #builder()}; every field but the event-size limit is required.
 */
public final class ProviderContext {

    /** 8 MiB: room for an inline generated image in one event, while keeping memory bounded. */
    public static final int DEFAULT_MAX_STREAM_EVENT_BYTES = 8 * 1024 * 1024;
    /** 64 MiB: a request body above it is a mistake (a wrong file attached), refused before sending. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 64L * 1024 * 1024;

    private final Supplier<Vertx> vertx;
    private final HttpTransport transport;
    private final ProviderSettings settings;
    private final PriceBook prices;
    private final int maxStreamEventBytes;
    private final long maxRequestBytes;

    private ProviderContext(Builder b) {
        this.vertx = Objects.requireNonNull(b.vertx, "vertx");
        this.transport = Objects.requireNonNull(b.transport, "transport");
        this.settings = Objects.requireNonNull(b.settings, "settings");
        this.prices = Objects.requireNonNull(b.prices, "prices");
        if (b.maxStreamEventBytes < 1) {
            throw new IllegalArgumentException("maxStreamEventBytes must be positive");
        }
        this.maxStreamEventBytes = b.maxStreamEventBytes;
        if (b.maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive");
        }
        this.maxRequestBytes = b.maxRequestBytes;
    }

    /** Starts a context. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Vert.x instance Junction runs on. Ask for it when a call needs it, not when the provider is
     * created: Junction starts Vert.x on first need, so that listing providers starts nothing.
     */
    public Vertx vertx() {
        return vertx.get();
    }

    /** The shared HTTP client. */
    public HttpTransport transport() {
        return transport;
    }

    /** This provider's resolved settings. */
    public ProviderSettings settings() {
        return settings;
    }

    /** Every known price, user rows included. */
    public PriceBook prices() {
        return prices;
    }

    /** The largest server-sent event a stream may carry before it fails with PROTOCOL. */
    public int maxStreamEventBytes() {
        return maxStreamEventBytes;
    }

    /** The largest request body a provider may send; a larger one fails with INVALID_REQUEST before sending. */
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    @Override
    public String toString() {
        return "ProviderContext[" + settings + "]";
    }

    /** Collects a context's parts. */
    public static final class Builder {
        private Supplier<Vertx> vertx;
        private HttpTransport transport;
        private ProviderSettings settings;
        private PriceBook prices;
        private int maxStreamEventBytes = DEFAULT_MAX_STREAM_EVENT_BYTES;
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;

        private Builder() {
        }

        /** The Vert.x instance; this or {@link #lazyVertx} is required. */
        public Builder vertx(Vertx vertx) {
            this.vertx = vertx == null ? null : () -> vertx;
            return this;
        }

        /**
         * Where {@link ProviderContext#vertx()} gets Vert.x, asked on each call (Junction's starts
         * Vert.x the first time); this or {@link #vertx(Vertx)} is required.
         */
        public Builder lazyVertx(Supplier<Vertx> vertx) {
            this.vertx = vertx;
            return this;
        }

        /** The HTTP client; required. */
        public Builder transport(HttpTransport transport) {
            this.transport = transport;
            return this;
        }

        /** The provider's settings; required. */
        public Builder settings(ProviderSettings settings) {
            this.settings = settings;
            return this;
        }

        /** The price book; required. */
        public Builder prices(PriceBook prices) {
            this.prices = prices;
            return this;
        }

        /** The stream event cap; {@link #DEFAULT_MAX_STREAM_EVENT_BYTES} unless set. */
        public Builder maxStreamEventBytes(int maxStreamEventBytes) {
            this.maxStreamEventBytes = maxStreamEventBytes;
            return this;
        }

        /** The request body cap; {@link #DEFAULT_MAX_REQUEST_BYTES} unless set. */
        public Builder maxRequestBytes(long maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        /**
         * The context.
         *
         * @throws NullPointerException naming a missing required part
         * @throws IllegalArgumentException for a non-positive event or request cap
         */
        public ProviderContext build() {
            return new ProviderContext(this);
        }
    }
}
