package dev.junction.gateway;

import dev.junction.Junction;
import dev.junction.gateway.config.ConfigException;
import dev.junction.gateway.config.ConfigLoader;
import dev.junction.gateway.config.GatewayConfig;
import dev.junction.gateway.config.HealthConfig;
import dev.junction.gateway.config.RedisConfig;
import dev.junction.gateway.state.GatewayState;
import dev.junction.gateway.state.HealthRule;
import dev.junction.gateway.state.RedisSettings;
import dev.junction.micrometer.JunctionMicrometer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires a gateway together: its state (memory or Redis), its Junction, its routes, and one HTTP
 * server per event loop on one port; and takes them down again in order.
 */
final class GatewayServer {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    /**
     * How long an unsettled reservation holds budget: longer than any call (10 min timeout, retries,
     * fallbacks, a stream paused by a slow reader), short enough that a crashed instance's
     * reservations come back the same day.
     */
    static final Duration RESERVATION_TTL = Duration.ofHours(1);
    /**
     * A connection with no traffic is closed after this; longer than a non-streamed call may wait
     * for its answer (Junction's 10 min default timeout, plus retries).
     */
    private static final int IDLE_TIMEOUT_MINUTES = 30;

    private final GatewayConfig config;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final GatewayState state;
    private final Junction junction;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final InFlight inFlight = new InFlight();
    private GatewayRoutes routes;
    private volatile int port;
    private volatile Future<Void> shutdown;

    private GatewayServer(GatewayConfig config, Vertx vertx, boolean ownsVertx, GatewayState state, Junction junction) {
        this.config = config;
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.state = state;
        this.junction = junction;
    }

    static Future<GatewayServer> start(GatewayConfig config, Function<String, String> processEnv, Vertx given, Clock clock,
            Consumer<Junction.Builder> junctionOptions) {
        try {
            refuseOpenBinding(config);
        } catch (ConfigException e) {
            return Future.failedFuture(e);
        }
        Vertx vertx = given != null ? given : Vertx.vertx();
        GatewayState state = null;
        Junction junction = null;
        try {
            HealthRule rule = healthRule(config.health());
            RedisConfig redis = config.redis();
            state = redis == null ? GatewayState.inMemory(clock, rule, RESERVATION_TTL)
                    : GatewayState.redis(vertx, new RedisSettings(redis.url(), redis.budgetsFailOpen(), redis.keyPrefix(), RESERVATION_TTL),
                            clock, rule);
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Junction.Builder builder = Junction.builder()
                    .vertx(vertx)
                    .environment(ConfigLoader.environment(config, processEnv))
                    .healthStore(state.health())
                    .listener(JunctionMicrometer.listener(ObservationRegistry.NOOP, meters));
            junctionOptions.accept(builder);
            junction = builder.build();
            GatewayServer server = new GatewayServer(config, vertx, given == null, state, junction);
            Served served = Served.check(config, junction);
            GatewayRoutes routes = new GatewayRoutes(config, junction, served, state, meters, server.inFlight, clock);
            server.routes = routes;
            Router router = routes.router(vertx);
            Junction started = junction;
            GatewayState held = state;
            return server.listen(router).map(server).recover(e -> {
                // Nothing half-started may outlive a failed start: the caller gets the error and no threads.
                started.close();
                held.close();
                return (given == null ? vertx.close() : Future.<Void>succeededFuture()).transform(closed -> Future.failedFuture(e));
            });
        } catch (RuntimeException e) {
            // Nothing half-started may outlive a failed start: the caller gets the error and no threads.
            if (junction != null) {
                junction.close();
            }
            if (state != null) {
                state.close();
            }
            if (given == null) {
                vertx.close();
            }
            return Future.failedFuture(e);
        }
    }

    /**
     * Checked here as well as in the loader, because {@code --host} overrides the file: without
     * client keys, anyone who reaches the port spends the vendor keys.
     */
    private static void refuseOpenBinding(GatewayConfig config) {
        String host = config.server().host();
        if (config.authRequired()) {
            return;
        }
        boolean loopback;
        try {
            loopback = java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new ConfigException("server.host", "server.host " + host + " exposes every vendor key's spending to anyone"
                    + " who can reach it: add keys (junction keys new) or bind 127.0.0.1");
        }
    }

    private static HealthRule healthRule(HealthConfig health) {
        return health == null ? HealthRule.DEFAULT : new HealthRule(health.failures(), health.window(), health.cooldown());
    }

    /**
     * One server per event loop, all on one port (Vert.x shares it among them, port 0 included),
     * so connections spread over every core.
     */
    private Future<Void> listen(Router router) {
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.server().host())
                .setPort(config.server().port())
                .setCompressionSupported(false)
                // HTTP/1.1 only: on a connection upgraded to cleartext HTTP/2, a graceful shutdown's
                // GOAWAY made the JDK's client drop a stream still being answered, which HTTP/1.1
                // lets finish. The OpenAI SDKs speak HTTP/1.1 in cleartext anyway.
                .setHttp2ClearTextEnabled(false)
                .setIdleTimeout(IDLE_TIMEOUT_MINUTES)
                .setIdleTimeoutUnit(TimeUnit.MINUTES);
        return vertx.deployVerticle(() -> new ServerVerticle(router, options, servers), new DeploymentOptions().setInstances(instances))
                .onSuccess(done -> {
                    port = servers.get(0).actualPort();
                    LOG.info("Junction gateway listening on http://{}:{} ({} event loops)", host(), port, instances);
                })
                .recover(e -> Future.failedFuture(new IllegalStateException("the gateway cannot listen on "
                        + config.server().host() + ":" + config.server().port() + ": " + e.getMessage()
                        + " (is another process on that port? choose another with --port)", e)))
                .mapEmpty();
    }

    int port() {
        return port;
    }

    String host() {
        return config.server().host();
    }

    Junction junction() {
        return junction;
    }

    /**
     * Graceful: every server stops accepting at once and closes each connection once its requests
     * finish; streams still running at the deadline are cut; then Junction, the state and (when
     * the gateway made it) Vert.x are closed. Idempotent.
     */
    synchronized Future<Void> shutdown() {
        if (shutdown == null) {
            Duration grace = config.server().shutdownGrace();
            inFlight.refuseNew();
            LOG.info("Junction gateway shutting down: {} request(s) in flight, up to {} to finish", inFlight.count(), grace);
            List<Future<Void>> stops = servers.stream().map(s -> s.shutdown(grace)).toList();
            Promise<Void> done = Promise.promise();
            Future.join(stops)
                    .transform(ignored -> routes == null ? Future.<Void>succeededFuture() : routes.drain(Duration.ofSeconds(5)))
                    .onComplete(ignored -> closeAll(done));
            shutdown = done.future();
        }
        return shutdown;
    }

    /** After the servers: the media client, Junction, the state, and Vert.x when the gateway made it. */
    private void closeAll(Promise<Void> done) {
        if (routes != null) {
            routes.close();
        }
        junction.close();
        state.close();
        if (ownsVertx) {
            vertx.close().onComplete(closed -> done.complete());
        } else {
            done.complete();
        }
    }

    void shutdownAndWait() {
        Duration limit = config.server().shutdownGrace().plusSeconds(10);
        try {
            shutdown().toCompletionStage().toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Junction gateway: shutdown did not finish within {}: {}", limit, e.toString());
        }
    }

    /** One HTTP server on its own event loop. */
    private static final class ServerVerticle extends VerticleBase {
        private final Router router;
        private final HttpServerOptions options;
        private final List<HttpServer> servers;

        ServerVerticle(Router router, HttpServerOptions options, List<HttpServer> servers) {
            this.router = router;
            this.options = new HttpServerOptions(options);
            this.servers = servers;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(servers::add);
        }
    }
}
