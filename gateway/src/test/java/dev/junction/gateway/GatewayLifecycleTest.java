package dev.junction.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.gateway.config.ConfigException;
import dev.junction.gateway.config.ConfigLoader;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens around calls: a client that leaves cancels the vendor call, a shutdown lets
 * streams in flight finish, and a config the gateway cannot serve fails at start, naming the field.
 */
class GatewayLifecycleTest {
    private static final String STREAM = "{\"model\":\"google/gemini-2.5-pro\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Count to five\"}]}";

    private Vertx vendorVertx;
    private HttpServer vendor;
    private final Promise<Void> vendorConnectionClosed = Promise.promise();
    private final AtomicInteger chunksToSend = new AtomicInteger();
    private final Promise<Void> vendorGotRequest = Promise.promise();
    private final HttpClient client = HttpClient.newHttpClient();

    /** A vendor that streams {@code chunksToSend} chunks 150 ms apart, or one chunk and then nothing when it is 0. */
    @BeforeEach
    void startVendor() throws Exception {
        vendorVertx = Vertx.vertx();
        vendor = vendorVertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            request.connection().closeHandler(closed -> vendorConnectionClosed.tryComplete());
            vendorGotRequest.tryComplete();
            if (chunksToSend.get() < 0) {
                return; // never answers
            }
            HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            int chunks = chunksToSend.get();
            response.write(chunk("one ", null));
            if (chunks == 0) {
                return;
            }
            for (int i = 1; i < chunks; i++) {
                boolean last = i == chunks - 1;
                vendorVertx.setTimer(150L * i, t -> {
                    response.write(chunk("more ", last ? "stop" : null));
                    if (last) {
                        response.end("data: [DONE]\n\n");
                    }
                });
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopVendor() {
        vendorVertx.close();
    }

    private static String chunk(String text, String finish) {
        return "data: {\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"created\":1765056000,\"model\":\"gemini-2.5-pro\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"" + text + "\"}"
                + (finish == null ? "" : ",\"finish_reason\":\"" + finish + "\"") + "}]}\n\n";
    }

    /** Reads lines until one contains {@code text} and returns it; fails at the end of the stream. */
    private static String readUntil(BufferedReader lines, String text) throws java.io.IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("the stream ended before " + text);
    }

    private Gateway gateway() throws Exception {
        Map<String, String> env = Map.of("GOOGLE_API_KEY", "k", "GOOGLE_BASE_URL", "http://127.0.0.1:" + vendor.actualPort());
        return Gateway.builder().config(ConfigLoader.defaults().withPort(0)).environment(env::get)
                .start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private HttpRequest streamRequest(Gateway gateway) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(STREAM)).build();
    }

    @Test
    void aClientThatDisconnectsCancelsTheVendorCall() throws Exception {
        chunksToSend.set(0);
        try (Gateway gateway = gateway()) {
            HttpResponse<InputStream> reply = client.send(streamRequest(gateway), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, reply.statusCode());
            BufferedReader lines = new BufferedReader(new InputStreamReader(reply.body(), StandardCharsets.UTF_8));
            assertTrue(readUntil(lines, "one ").startsWith("data: "));

            reply.body().close();

            // The vendor sees its connection closed although it never ended its stream.
            vendorConnectionClosed.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientThatDisconnectsBeforeANonStreamedAnswerCancelsTheVendorCall() throws Exception {
        chunksToSend.set(-1);
        try (Gateway gateway = gateway(); java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port())) {
            String body = "{\"model\":\"google/gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            vendorGotRequest.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            socket.close();

            vendorConnectionClosed.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aShutdownLetsAStreamInFlightFinishAndAcceptsNoNewConnection() throws Exception {
        chunksToSend.set(5);
        Gateway gateway = gateway();
        HttpResponse<InputStream> reply = client.send(streamRequest(gateway), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader lines = new BufferedReader(new InputStreamReader(reply.body(), StandardCharsets.UTF_8));
        readUntil(lines, "one ");

        CompletableFuture<Void> shutdown = gateway.shutdown().toCompletionStage().toCompletableFuture();
        StringBuilder rest = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            rest.append(line).append('\n');
        }

        assertTrue(rest.toString().contains("data: [DONE]"), "the stream finished: " + rest);
        assertEquals(4, rest.toString().split("more ", -1).length - 1, rest.toString());
        shutdown.get(20, TimeUnit.SECONDS);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> client.sendAsync(streamRequest(gateway),
                HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS));
        assertInstanceOf(java.io.IOException.class, refused.getCause());
    }

    @Test
    void aProviderWithoutItsKeyFailsTheStartNamingTheField(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, "server: {port: 0}\nproviders:\n  google: {api_key_env: MY_GOOGLE_KEY}\n");
        ExecutionException failed = assertThrows(ExecutionException.class, () -> Gateway.builder()
                .config(ConfigLoader.load(config)).environment(name -> null)
                .start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
        ConfigException cause = assertInstanceOf(ConfigException.class, failed.getCause());
        assertEquals("providers.google.api_key_env", cause.field());
        assertTrue(cause.getMessage().contains("MY_GOOGLE_KEY"), cause.getMessage());
    }

    @Test
    void theDefaultsServeOnlyLoopback() throws Exception {
        try (Gateway gateway = gateway()) {
            assertEquals("127.0.0.1", gateway.host());
            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/readyz"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
        }
    }
}
