package dev.junction.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.gateway.config.ConfigLoader;
import dev.junction.gateway.config.KeyHashes;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Virtual keys: who may call, which models, how much (budget reserve and settle) and how often. */
class GatewayKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUDGETED = KeyHashes.newKey();
    private static final String LIMITED = KeyHashes.newKey();
    private static final String BUDGET = "0.001";
    private static final String HI = "{\"model\":\"google/gemini-2.5-pro\",\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static GatewayRig rig;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, String.join("\n",
                "server: {port: 0}",
                "providers:",
                "  google: {}",
                "  aivideoapi: {}",
                "upstream: \"maxRetries=0\"",
                "keys:",
                "  - name: team-a",
                "    hash: \"" + KeyHashes.hash(BUDGETED) + "\"",
                "    models: [\"gemini-2.5-pro\", \"google/gemini-2.5-pro\"]",
                "    budget: {daily_usd: " + BUDGET + "}",
                "  - name: team-b",
                "    hash: \"" + KeyHashes.hash(LIMITED) + "\"",
                "    limits: {requests_per_minute: 2}",
                ""));
        rig = GatewayRig.start(ConfigLoader.load(config));
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @BeforeEach
    void vendorAnswers() {
        rig.vendors.resetAll();
        rig.vendors.stubFor(post("/google/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(GatewayRig.fixture("google", "chat-reply.json"))));
    }

    @Test
    void noKeyOrAWrongKeyIsRefusedWithoutEchoingIt() throws Exception {
        GatewayChatTest.assertRefused(rig.post("/v1/chat/completions", HI), 401, "authentication", null);
        String guess = "jk-not-a-real-key-but-a-secret-guess";
        HttpResponse<String> wrong = rig.post("/v1/chat/completions", HI, "Authorization", "Bearer " + guess);
        GatewayChatTest.assertRefused(wrong, 401, "authentication", null);
        assertEquals("invalid_api_key", JSON.readTree(wrong.body()).path("error").path("code").asText());
        assertFalse(wrong.body().contains(guess));
        assertEquals(401, rig.get("/v1/models").statusCode());
        rig.vendors.verify(0, postRequestedFor(urlEqualTo("/google/chat/completions")));
    }

    @Test
    void aKeyUsesOnlyItsModels() throws Exception {
        HttpResponse<String> other = rig.post("/v1/chat/completions",
                "{\"model\":\"aivideoapi/gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "Authorization", "Bearer " + BUDGETED);
        GatewayChatTest.assertRefused(other, 403, "permission_denied", "model");
        HttpResponse<String> models = rig.get("/v1/models", "Authorization", "Bearer " + BUDGETED);
        assertEquals(200, models.statusCode());
        assertEquals(2, JSON.readTree(models.body()).path("data").size(), models.body());
    }

    /**
     * Calls one after another: each reserves the quote's high figure and settles the actual cost,
     * so the budget admits exactly the calls whose reservation still fits after the settled spend.
     */
    @Test
    void aBudgetAdmitsCallsWhileTheirReservationFitsThenRefusesNamingTheBudgetAndItsReset() throws Exception {
        HttpResponse<String> quote = rig.post("/v1/junction/quote", HI, "Authorization", "Bearer " + BUDGETED);
        BigDecimal reserved = JSON.readTree(quote.body()).path("quotes").path(0).path("usd").path("high").decimalValue();
        BigDecimal actual = new BigDecimal("0.00018");
        assertTrue(reserved.compareTo(actual) >= 0, "max_tokens bounds the output, so the reservation covers this reply: " + reserved);
        BigDecimal budget = new BigDecimal(BUDGET);
        int admissible = 0;
        while (actual.multiply(BigDecimal.valueOf(admissible)).add(reserved).compareTo(budget) <= 0) {
            admissible++;
        }

        BigDecimal settled = BigDecimal.ZERO;
        for (int i = 0; i < admissible; i++) {
            HttpResponse<String> ok = rig.post("/v1/chat/completions", HI, "Authorization", "Bearer " + BUDGETED);
            assertEquals(200, ok.statusCode(), "call " + (i + 1) + " of " + admissible + ": " + ok.body());
            settled = settled.add(new BigDecimal(ok.headers().firstValue("x-junction-cost-usd").orElseThrow()));
        }
        HttpResponse<String> refused = rig.post("/v1/chat/completions", HI, "Authorization", "Bearer " + BUDGETED);

        assertEquals(429, refused.statusCode(), refused.body());
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertEquals("budget_exceeded", error.path("code").asText());
        assertTrue(error.path("message").asText().contains("daily"), error.toString());
        assertTrue(error.path("message").asText().contains("T00:00:00Z"), "names when it resets: " + error);
        assertEquals("false", refused.headers().firstValue("x-should-retry").orElseThrow());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertTrue(settled.compareTo(budget) <= 0, settled + " settled within " + budget);
        rig.vendors.verify(admissible, postRequestedFor(urlEqualTo("/google/chat/completions")));
    }

    @Test
    void aRateLimitRefusesTheThirdRequestInAMinuteWithRetryAfter() throws Exception {
        String body = "{\"model\":\"google/gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        assertEquals(200, rig.post("/v1/chat/completions", body, "Authorization", "Bearer " + LIMITED).statusCode());
        assertEquals(200, rig.post("/v1/chat/completions", body, "Authorization", "Bearer " + LIMITED).statusCode());
        HttpResponse<String> third = rig.post("/v1/chat/completions", body, "Authorization", "Bearer " + LIMITED);

        GatewayChatTest.assertRefused(third, 429, "rate_limited", null);
        assertEquals("rate_limit_exceeded", JSON.readTree(third.body()).path("error").path("code").asText());
        long retryAfter = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
        // A sliding window of 1 s buckets: the oldest request leaves it within 61 s.
        assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After " + retryAfter);
        rig.vendors.verify(2, postRequestedFor(urlEqualTo("/google/chat/completions")));
    }
}
