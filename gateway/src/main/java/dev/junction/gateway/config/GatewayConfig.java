package dev.junction.gateway.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole gateway configuration, as read by {@link ConfigLoader#load} or made by
 * {@link ConfigLoader#defaults()}.
 *
 * @param server where and how to listen
 * @param secretsFile a dotenv file read before the process environment, or {@code null} for none;
 *     a relative path in the file is resolved against the file's folder
 * @param providers the providers served, by id, in the file's order; empty with
 *     {@code discoverProviders}
 * @param discoverProviders whether every provider Junction discovers is served (those whose key
 *     is set): without a file, or when the file has no {@code providers} section
 * @param upstream config-string settings applied to every provider call, such as
 *     {@code timeout=60s&maxRetries=2}; empty for none
 * @param health the cooldown rule
 * @param routes routes by canonical model id, in the file's order
 * @param keys the virtual keys; empty means clients need none
 * @param redis shared state, or {@code null} to keep it in memory (one instance)
 * @param media what to do with media URLs
 */
public record GatewayConfig(ServerConfig server, String secretsFile, Map<String, ProviderConfig> providers,
        boolean discoverProviders, String upstream, HealthConfig health, Map<String, RouteConfig> routes,
        List<KeyConfig> keys, RedisConfig redis, MediaConfig media) {

    /** Checks the required parts are present and copies the collections, keeping their order. */
    public GatewayConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(media, "media");
        providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
        routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        keys = List.copyOf(keys);
    }

    /** Whether clients must present a virtual key: true when any key is configured. */
    public boolean authRequired() {
        return !keys.isEmpty();
    }

    /** This configuration listening on another port (0 for any free one). */
    public GatewayConfig withPort(int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigException("server.port", "must be between 0 and 65535, got " + port);
        }
        return withServer(new ServerConfig(server.host(), port, server.maxRequestBytes(), server.corsOrigins(),
                server.shutdownGrace()));
    }

    /**
     * This configuration bound to another host.
     *
     * @throws ConfigException when the host is not loopback and no key is configured: that would
     *     expose every vendor key's spending to anyone who can reach it
     */
    public GatewayConfig withHost(String host) {
        Objects.requireNonNull(host, "host");
        String exposed = Hosts.exposureProblem(host, authRequired());
        if (exposed != null) {
            throw new ConfigException("server.host", exposed);
        }
        return withServer(new ServerConfig(host, server.port(), server.maxRequestBytes(), server.corsOrigins(),
                server.shutdownGrace()));
    }

    /**
     * This configuration keeping its state in Redis at this URL (with {@link RedisConfig}'s other
     * settings kept, or their defaults).
     *
     * @throws ConfigException when the URL is not {@code redis://} or {@code rediss://}
     */
    public GatewayConfig withRedisUrl(String url) {
        Objects.requireNonNull(url, "url");
        if (!ConfigReader.REDIS_URL.matcher(url).matches()) {
            throw new ConfigException("redis.url", "must start with redis:// or rediss://, got \""
                    + RedisConfig.redact(url) + "\"");
        }
        RedisConfig next = redis == null ? RedisConfig.of(url) : new RedisConfig(url, redis.budgetsFailOpen(), redis.keyPrefix());
        return new GatewayConfig(server, secretsFile, providers, discoverProviders, upstream, health, routes, keys, next, media);
    }

    private GatewayConfig withServer(ServerConfig next) {
        return new GatewayConfig(next, secretsFile, providers, discoverProviders, upstream, health, routes, keys, redis, media);
    }
}
