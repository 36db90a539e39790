package dev.junction.gateway.clients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.junction.gateway.Gateway;
import dev.junction.gateway.config.ConfigLoader;
import dev.junction.gateway.config.KeyHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One gateway in front of a WireMock Google, shared by the official-SDK tests of each language:
 * Google's OpenAI-compatible endpoint answers with its documented replies (read from
 * provider-google's fixtures), and the gateway holds three virtual keys: {@link #KEY_ALL} may use
 * every model, {@link #KEY_GEMINI_3} only gemini-3-pro, {@link #KEY_BROKE} has a budget no call fits.
 *
 * <p>The gateway calls the vendor once per request ({@code maxRetries=0}) and gives up after
 * {@link #UPSTREAM_TIMEOUT_SECONDS}, so that one SDK request maps to one vendor request and a
 * slow vendor is a 504 within seconds.
 */
final class ClientTestRig implements AutoCloseable {
    /** Google's key as the gateway's environment holds it; the SDKs never see it. */
    static final String VENDOR_KEY = "google-vendor-key-7f3a";
    /** Google's chat path under the documented base URL https://generativelanguage.googleapis.com/v1beta/openai. */
    static final String CHAT_PATH = "/v1beta/openai/chat/completions";
    static final String KEY_ALL = "jk-team-all-4b1d9e0c2a";
    static final String KEY_GEMINI_3 = "jk-team-gemini3-8c7e21f9";
    static final String KEY_BROKE = "jk-team-broke-93ad0e5b";
    static final int UPSTREAM_TIMEOUT_SECONDS = 3;
    static final Path FIXTURES = Path.of("..", "provider-google", "src", "test", "resources", "fixtures");

    final WireMockServer vendor;
    final Gateway gateway;

    private ClientTestRig(WireMockServer vendor, Gateway gateway) {
        this.vendor = vendor;
        this.gateway = gateway;
    }

    static ClientTestRig start(Path workDir) {
        WireMockServer vendor = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        vendor.start();
        try {
            Path config = workDir.resolve("gateway.yaml");
            Files.writeString(config, config(), StandardCharsets.UTF_8);
            Map<String, String> env = Map.of("GOOGLE_API_KEY", VENDOR_KEY, "GOOGLE_BASE_URL", vendor.baseUrl() + "/v1beta/openai");
            Gateway gateway = Gateway.builder().config(ConfigLoader.load(config).withPort(0)).environment(env::get)
                    .start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new ClientTestRig(vendor, gateway);
        } catch (Exception e) {
            vendor.stop();
            throw new IllegalStateException("the gateway did not start: " + e, e);
        }
    }

    private static String config() {
        return """
                server:
                  host: 127.0.0.1
                  port: 0
                upstream: "maxRetries=0&timeout=%ds"
                providers:
                  google:
                    api_key_env: GOOGLE_API_KEY
                keys:
                  - name: team-all
                    hash: "%s"
                  - name: team-gemini-3
                    hash: "%s"
                    models: ["gemini-3-pro"]
                  - name: team-broke
                    hash: "%s"
                    budget:
                      daily_usd: 0.000001
                """.formatted(UPSTREAM_TIMEOUT_SECONDS, KeyHashes.hash(KEY_ALL), KeyHashes.hash(KEY_GEMINI_3), KeyHashes.hash(KEY_BROKE));
    }

    /** The base URL an OpenAI SDK takes: the gateway's {@code /v1}. */
    String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.port() + "/v1";
    }

    /** What the Node tests are told: the gateway, its keys, the vendor's WireMock and the fixtures. */
    Map<String, String> clientEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JUNCTION_GATEWAY_URL", gatewayUrl());
        env.put("JUNCTION_KEY_ALL", KEY_ALL);
        env.put("JUNCTION_KEY_GEMINI_3", KEY_GEMINI_3);
        env.put("JUNCTION_KEY_BROKE", KEY_BROKE);
        env.put("VENDOR_WIREMOCK_URL", vendor.baseUrl());
        env.put("VENDOR_CHAT_PATH", CHAT_PATH);
        env.put("VENDOR_KEY", VENDOR_KEY);
        env.put("VENDOR_TIMEOUT_SECONDS", Integer.toString(UPSTREAM_TIMEOUT_SECONDS));
        env.put("GOOGLE_FIXTURES", FIXTURES.toAbsolutePath().normalize().toString());
        return env;
    }

    /** A documented Google reply or request, as provider-google's tests hold it. */
    static String fixture(String name) {
        try {
            return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void reset() {
        vendor.resetAll();
    }

    /** Google answers the next chat call with {@code status} and {@code body}. */
    void vendorReplies(ResponseDefinitionBuilder reply) {
        vendor.stubFor(post(urlEqualTo(CHAT_PATH)).willReturn(reply));
    }

    void vendorRepliesJson(String fixture) {
        vendorReplies(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(fixture(fixture)));
    }

    void vendorRepliesStream(String fixture) {
        vendorReplies(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(fixture(fixture)));
    }

    /** Google's error envelope, {@code [{"error":{"code","message","status"}}]}, as its API sends it. */
    static String googleError(int code, String status, String message) {
        return "[{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\"}}]";
    }

    List<LoggedRequest> vendorRequests() {
        return vendor.findAll(postRequestedFor(urlEqualTo(CHAT_PATH)));
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            vendor.stop();
        }
    }
}
