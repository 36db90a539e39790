package dev.junction.gateway;

import dev.junction.Junction;
import dev.junction.gateway.config.ConfigLoader;
import dev.junction.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A running gateway: an OpenAI-compatible HTTP server over Junction's engine. Start one with
 * {@code Gateway.builder().config(ConfigLoader.load(file)).start()}; {@code junction serve} does
 * exactly that.
 *
 * <p>{@link #close()} shuts down gracefully: the server stops accepting connections, requests and
 * streams in flight finish up to the config's {@code server.shutdown_grace}, then everything the
 * gateway started (its Vert.x, its Redis connections) is closed.
 */
public final class Gateway implements AutoCloseable {
    private final GatewayServer server;

    private Gateway(GatewayServer server) {
        this.server = server;
    }

    /** Starts an empty builder: the defaults of {@link ConfigLoader#defaults()} and the process environment. */
    public static Builder builder() {
        return new Builder();
    }

    /** The port the gateway listens on (the one chosen when the config asked for port 0). */
    public int port() {
        return server.port();
    }

    /** The host the gateway is bound to. */
    public String host() {
        return server.host();
    }

    /** The Junction instance behind the gateway, for its catalog and health. */
    public Junction junction() {
        return server.junction();
    }

    /**
     * Stops accepting connections, lets requests and streams in flight finish up to the
     * shutdown grace, then releases everything the gateway started.
     */
    public Future<Void> shutdown() {
        return server.shutdown();
    }

    /** Shuts down and waits for it, up to the shutdown grace and a few seconds more. */
    @Override
    public void close() {
        server.shutdownAndWait();
    }

    /** Options for a gateway; every one has a default. */
    public static final class Builder {
        private GatewayConfig config = ConfigLoader.defaults();
        private Function<String, String> environment = System::getenv;
        private Vertx vertx;
        private Clock clock = Clock.systemUTC();
        private Consumer<Junction.Builder> junctionOptions = b -> { };

        private Builder() {
        }

        /** The configuration: {@link ConfigLoader#load} or {@link ConfigLoader#defaults()}. */
        public Builder config(GatewayConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Where vendor keys and base URLs are read ({@code System::getenv} by default); the
         * config's secrets file and {@code api_key_env} names are applied on top of it.
         */
        public Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** A Vert.x instance to run on, left open by {@link #close()}; by default the gateway starts and closes its own. */
        public Builder vertx(Vertx vertx) {
            this.vertx = Objects.requireNonNull(vertx, "vertx");
            return this;
        }

        /** The clock budgets and rate limits use (UTC days and months). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Further Junction options (a prices file, listeners, connection limits), applied after
         * the gateway's own; the gateway's Vert.x, environment and health store are set already.
         */
        public Builder junction(Consumer<Junction.Builder> options) {
            this.junctionOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Checks the configuration against the installed providers and the environment, binds the
         * port and starts serving.
         *
         * @return a future failing with {@link dev.junction.gateway.config.ConfigException} when the
         *     configuration cannot be served (naming the field), or with the bind error
         */
        public Future<Gateway> start() {
            return GatewayServer.start(config, environment, vertx, clock, junctionOptions).map(Gateway::new);
        }
    }
}
