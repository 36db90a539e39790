package dev.junction.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.gateway.config.ConfigLoader;
import dev.junction.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway in front of WireMock vendors, for tests: google under {@code /google} and aivideoapi
 * under {@code /aivideoapi} of one WireMock server, each answered with its documented replies.
 */
final class GatewayRig implements AutoCloseable {
    static final String GOOGLE_KEY = "google-secret-key-123";
    static final String AIVIDEOAPI_KEY = "aivideoapi-secret-key-456";

    final WireMockServer vendors;
    final Gateway gateway;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayRig(WireMockServer vendors, Gateway gateway) {
        this.vendors = vendors;
        this.gateway = gateway;
    }

    /** A rig with no config file (no client keys, every provider with a key served). */
    static GatewayRig start() {
        return start(ConfigLoader.defaults().withPort(0));
    }

    static GatewayRig start(GatewayConfig config) {
        WireMockServer vendors = new WireMockServer(options().dynamicPort());
        vendors.start();
        try {
            Gateway gateway = Gateway.builder().config(config).environment(environment(vendors)::get)
                    .start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new GatewayRig(vendors, gateway);
        } catch (Exception e) {
            vendors.stop();
            throw new IllegalStateException("the gateway did not start: " + e.getMessage(), e);
        }
    }

    /** A gateway alone, in front of the given vendors; the caller closes it. */
    static Gateway startGateway(GatewayConfig config, WireMockServer vendors) {
        try {
            return Gateway.builder().config(config).environment(environment(vendors)::get)
                    .start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the gateway did not start: " + e.getMessage(), e);
        }
    }

    static Map<String, String> environment(WireMockServer vendors) {
        Map<String, String> env = new HashMap<>();
        env.put("GOOGLE_API_KEY", GOOGLE_KEY);
        env.put("GOOGLE_BASE_URL", vendors.baseUrl() + "/google");
        env.put("AIVIDEOAPI_API_KEY", AIVIDEOAPI_KEY);
        env.put("AIVIDEOAPI_BASE_URL", vendors.baseUrl() + "/aivideoapi");
        return env;
    }

    /** A documented vendor fixture, read from the provider module's test resources. */
    static String fixture(String provider, String name) {
        try {
            return Files.readString(Path.of("..", "provider-" + provider, "src", "test", "resources", "fixtures", name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + gateway.port();
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        vendors.stop();
    }
}
