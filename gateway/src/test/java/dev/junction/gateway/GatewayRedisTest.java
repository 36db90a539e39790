package dev.junction.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.gateway.config.ConfigLoader;
import dev.junction.gateway.config.KeyHashes;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.junction.gateway.state.Await;
import dev.junction.gateway.state.TestRedis;

/**
 * Two gateway instances sharing one real Redis (the embedded-redis binary): a budget holds across
 * both under 200 concurrent requests, and the gateways fail closed while Redis is gone and recover
 * on their own when it returns.
 */
class GatewayRedisTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = KeyHashes.newKey();
    private static final BigDecimal BUDGET = new BigDecimal("0.01");
    private static final String HI = "{\"model\":\"google/gemini-2.5-pro\",\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final BigDecimal ACTUAL = new BigDecimal("0.00018");

    private static TestRedis redis;
    private static WireMockServer vendors;
    private static Gateway first;
    private static Gateway second;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.start();
        vendors = new WireMockServer(options().dynamicPort().containerThreads(64));
        vendors.start();
        vendors.stubFor(post("/google/chat/completions").willReturn(aResponse().withStatus(200).withFixedDelay(20)
                .withHeader("Content-Type", "application/json").withBody(GatewayRig.fixture("google", "chat-reply.json"))));
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, String.join("\n",
                "server: {port: 0}",
                "providers: {google: {}}",
                "keys:",
                "  - name: shared-team",
                "    hash: \"" + KeyHashes.hash(KEY) + "\"",
                "    budget: {daily_usd: " + BUDGET.toPlainString() + "}",
                "redis: {url: \"" + redis.url() + "\"}",
                ""));
        first = GatewayRig.startGateway(ConfigLoader.load(config), vendors);
        second = GatewayRig.startGateway(ConfigLoader.load(config), vendors);
    }

    @AfterAll
    static void stop() throws IOException {
        first.close();
        second.close();
        vendors.stop();
        redis.down();
    }

    private static CompletableFuture<HttpResponse<String>> call(Gateway gateway, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The bound (README, "Budgets"): every call reserves the quote's high figure before it is sent,
     * atomically in Redis, so concurrency cannot overshoot; the settled spend exceeds the budget only
     * by calls whose actual cost exceeded their reservation. Here max_tokens bounds each reply, so
     * the excess is zero and the spend must stay within the budget itself.
     */
    @Test
    void twoGatewaysSharingRedisHoldOneBudgetUnder200ConcurrentRequests() throws Exception {
        redis.flush(); // a whole budget, whichever test ran before
        BigDecimal reserved = JSON.readTree(call(first, "/v1/junction/quote", HI).get(30, TimeUnit.SECONDS).body())
                .path("quotes").path(0).path("usd").path("high").decimalValue();
        assertTrue(reserved.compareTo(ACTUAL) >= 0, "the reservation " + reserved + " covers the reply's cost");
        vendors.resetRequests();

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(call(i % 2 == 0 ? first : second, "/v1/chat/completions", HI));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        BigDecimal settled = BigDecimal.ZERO;
        int admitted = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> reply = call.get();
            if (reply.statusCode() == 200) {
                admitted++;
                settled = settled.add(new BigDecimal(reply.headers().firstValue("x-junction-cost-usd").orElseThrow()));
            } else {
                assertEquals(429, reply.statusCode(), reply.body());
                assertEquals("budget_exceeded", JSON.readTree(reply.body()).path("error").path("code").asText());
                refused++;
            }
        }
        assertEquals(200, admitted + refused);
        System.out.printf("two gateways, 200 concurrent calls, budget %s, reservation %s: %d admitted, %d refused, %s settled%n",
                BUDGET, reserved, admitted, refused, settled);
        assertTrue(settled.compareTo(BUDGET) <= 0, "settled " + settled + " within the budget " + BUDGET);
        int surelyAdmitted = BUDGET.divide(reserved, 0, java.math.RoundingMode.FLOOR).intValue();
        assertTrue(admitted >= surelyAdmitted, admitted + " admitted; at least " + surelyAdmitted + " reservations fit in the budget");
        assertTrue(refused > 0, "200 calls of " + ACTUAL + " cannot all fit in " + BUDGET);
        vendors.verify(admitted, postRequestedFor(urlEqualTo("/google/chat/completions")));
    }

    @Test
    void withRedisGoneBudgetsFailClosedAndTheGatewayRecoversWhenItReturns() throws Exception {
        redis.down();
        try {
            HttpResponse<String> closed = call(first, "/v1/chat/completions", HI).get(30, TimeUnit.SECONDS);
            assertEquals(503, closed.statusCode(), closed.body());
            assertEquals("budget_store_unavailable", JSON.readTree(closed.body()).path("error").path("code").asText());
            assertTrue(!closed.body().contains(KEY));
            assertEquals(503, readyz(second), "readyz says not ready while Redis is gone");
        } finally {
            redis.up();
        }
        // The restarted Redis is empty (nothing is saved to disk): the point here is the reconnect.
        Await.until(Duration.ofSeconds(20), "readyz answers 200 again once Redis is back", () -> readyz(first) == 200);
        HttpResponse<String> served = call(second, "/v1/chat/completions", HI).get(30, TimeUnit.SECONDS);
        assertEquals(200, served.statusCode(), "Redis answers again, with an empty budget: " + served.body());
    }

    /**
     * Redis killed and restarted while eight clients keep calling both gateways: every answer is a
     * success, a budget refusal or the fail-closed 503, never a 500 or a hang, and calls succeed
     * again once Redis is back, without restarting either gateway.
     */
    @Test
    void redisKilledAndRestartedMidLoad() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger phase = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> seen = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Gateway gateway = i % 2 == 0 ? first : second;
            CompletableFuture<Void> loop = new CompletableFuture<>();
            keepCalling(gateway, stop, phase, seen, loop);
            loops.add(loop);
        }
        awaitCount(seen, "0:any", 5);
        redis.down();
        phase.set(1);
        awaitCount(seen, "1:503", 3);
        redis.up();
        phase.set(2);
        awaitCount(seen, "2:200", 3);
        stop.set(true);
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        for (String outcome : seen.keySet()) {
            String status = outcome.substring(2);
            assertTrue(status.equals("any") || status.equals("200") || status.equals("429") || status.equals("503"),
                    "only successes, budget refusals and the fail-closed 503: " + seen);
        }
    }

    private static void keepCalling(Gateway gateway, java.util.concurrent.atomic.AtomicBoolean stop,
            java.util.concurrent.atomic.AtomicInteger phase, java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> seen,
            CompletableFuture<Void> done) {
        if (stop.get()) {
            done.complete(null);
            return;
        }
        int at = phase.get();
        call(gateway, "/v1/chat/completions", HI).whenComplete((reply, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            if (reply.statusCode() == 503 && !reply.body().contains("budget_store_unavailable")) {
                done.completeExceptionally(new AssertionError("a 503 that is not the budget store's: " + reply.body()));
                return;
            }
            // A call sent before the phase changed may answer after it: count it in its own phase.
            seen.computeIfAbsent(at + ":" + reply.statusCode(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            seen.computeIfAbsent(at + ":any", k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            keepCalling(gateway, stop, phase, seen, done);
        });
    }

    /** Polls, with a deadline, until {@code outcome} has been seen {@code count} times. */
    private static void awaitCount(java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> seen, String outcome, int count) {
        Await.until(Duration.ofSeconds(30), count + " x " + outcome + " (seen: " + seen + ")",
                () -> seen.getOrDefault(outcome, new java.util.concurrent.atomic.AtomicInteger()).get() >= count);
    }

    private static int readyz(Gateway gateway) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/readyz"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return 0; // not answering yet: polled again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
