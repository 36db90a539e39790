package dev.junction.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's chat endpoint end to end: client bytes in, vendor bytes out and back, in OpenAI's shapes. */
class GatewayChatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static GatewayRig rig;

    @BeforeAll
    static void start() {
        rig = GatewayRig.start();
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @BeforeEach
    void reset() {
        rig.vendors.resetAll();
    }

    @Test
    void aProviderModelGoesToThatVendorAndComesBackAsAChatCompletionWithItsCost() throws Exception {
        rig.vendors.stubFor(post("/google/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(GatewayRig.fixture("google", "chat-reply.json"))));

        HttpResponse<String> reply = rig.post("/v1/chat/completions",
                "{\"model\":\"google/gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"How does AI work?\"}]}");

        assertEquals(200, reply.statusCode(), reply.body());
        rig.vendors.verify(1, postRequestedFor(urlEqualTo("/google/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + GatewayRig.GOOGLE_KEY))
                .withRequestBody(equalToJson("{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"How does AI work?\"}]}",
                        false, true)));
        JsonNode body = JSON.readTree(reply.body());
        assertEquals("chat.completion", body.path("object").asText());
        assertEquals("tN0zaf3kL8CMz7IPq5ejqQo", body.path("id").asText());
        assertEquals("google/gemini-2.5-pro", body.path("model").asText());
        JsonNode choice = body.path("choices").path(0);
        assertEquals("assistant", choice.path("message").path("role").asText());
        assertEquals("AI works by learning patterns from examples and using them to make predictions.",
                choice.path("message").path("content").asText());
        assertEquals("stop", choice.path("finish_reason").asText());
        JsonNode usage = body.path("usage");
        assertEquals(8, usage.path("prompt_tokens").asInt());
        assertEquals(17, usage.path("completion_tokens").asInt());
        assertEquals(25, usage.path("total_tokens").asInt());
        // Google's list price for gemini-2.5-pro: 8 x $1.25/M + 17 x $10/M.
        assertEquals(0, new BigDecimal("0.00018").compareTo(usage.path("cost").decimalValue()), usage.toString());
        assertEquals("google", reply.headers().firstValue("x-junction-provider").orElseThrow());
        assertEquals("1", reply.headers().firstValue("x-junction-attempts").orElseThrow());
        assertEquals(0, new BigDecimal("0.00018").compareTo(new BigDecimal(reply.headers().firstValue("x-junction-cost-usd").orElseThrow())));
        assertTrue(new BigDecimal(reply.headers().firstValue("x-junction-quote-usd").orElseThrow()).signum() > 0);
        assertFalse(reply.body().contains(GatewayRig.GOOGLE_KEY));
    }

    @Test
    void aRouteFallsBackToTheNextProviderAndSaysHowManyAttemptsItTook() throws Exception {
        rig.vendors.stubFor(post("/aivideoapi/chat/completions").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Invalid API key\",\"type\":\"invalid_request_error\"}}")));
        rig.vendors.stubFor(post("/google/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(GatewayRig.fixture("google", "chat-reply.json"))));

        HttpResponse<String> reply = rig.post("/v1/chat/completions", "{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Hi\"}],\"junction\":{\"route\":\"ordered\",\"providers\":[\"aivideoapi\",\"google\"]}}");

        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals("google", reply.headers().firstValue("x-junction-provider").orElseThrow());
        assertEquals("2", reply.headers().firstValue("x-junction-attempts").orElseThrow());
        assertEquals("gemini-2.5-pro", JSON.readTree(reply.body()).path("model").asText());
        rig.vendors.verify(1, postRequestedFor(urlEqualTo("/aivideoapi/chat/completions")));
    }

    @Test
    void aStreamIsRelayedAsChunksWithTheUsageChunkAndItsCostThenDone() throws Exception {
        rig.vendors.stubFor(post("/google/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(GatewayRig.fixture("google", "explain-stream.sse"))));

        HttpResponse<String> reply = rig.post("/v1/chat/completions", "{\"model\":\"google/gemini-2.5-pro\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Explain AI\"}]}");

        assertEquals(200, reply.statusCode(), reply.body());
        assertTrue(reply.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        assertEquals("google", reply.headers().firstValue("x-junction-provider").orElseThrow());
        List<String> events = events(reply.body());
        assertEquals("[DONE]", events.get(events.size() - 1));
        StringBuilder text = new StringBuilder();
        JsonNode usage = null;
        String finish = null;
        for (String event : events.subList(0, events.size() - 1)) {
            JsonNode chunk = JSON.readTree(event);
            assertEquals("chat.completion.chunk", chunk.path("object").asText());
            assertEquals("google/gemini-2.5-pro", chunk.path("model").asText());
            for (JsonNode choice : chunk.path("choices")) {
                text.append(choice.path("delta").path("content").asText(""));
                if (!choice.path("finish_reason").isNull() && !choice.path("finish_reason").isMissingNode()) {
                    finish = choice.path("finish_reason").asText();
                }
            }
            if (chunk.hasNonNull("usage")) {
                usage = chunk.path("usage");
                assertEquals(0, chunk.path("choices").size(), "the usage chunk has no choices, as OpenAI sends it");
            }
        }
        assertEquals("AI works by learning patterns from examples.", text.toString());
        assertEquals("stop", finish);
        assertEquals(17, usage.path("total_tokens").asInt());
        // 8 x $1.25/M + 9 x $10/M
        assertEquals(0, new BigDecimal("0.0001").compareTo(usage.path("cost").decimalValue()), usage.toString());
        rig.vendors.verify(postRequestedFor(urlEqualTo("/google/chat/completions"))
                .withRequestBody(equalToJson("{\"stream\":true}", false, true)));
    }

    @Test
    void aVendorErrorComesBackInOpenAisEnvelopeWithTheCanonicalKind() throws Exception {
        rig.vendors.stubFor(post("/google/chat/completions").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(GatewayRig.fixture("google", "error-invalid-argument.json"))));

        HttpResponse<String> reply = rig.post("/v1/chat/completions",
                "{\"model\":\"google/gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertEquals(400, reply.statusCode(), reply.body());
        JsonNode error = JSON.readTree(reply.body()).path("error");
        assertEquals("invalid_request", error.path("type").asText());
        assertTrue(error.path("message").asText().contains("Unknown name"), error.toString());
        assertEquals("google", error.path("provider").asText());
        assertEquals("google", reply.headers().firstValue("x-junction-provider").orElseThrow());
        assertFalse(reply.body().contains(GatewayRig.GOOGLE_KEY));
    }

    @Test
    void badRequestsAreRefusedBeforeAnyVendorIsCalled() throws Exception {
        assertRefused(rig.post("/v1/chat/completions", "{\"model\":\"gemini-9\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"),
                404, "model_not_found", "model");
        assertRefused(rig.post("/v1/chat/completions", "{\"model\":\"nobody/gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"),
                404, "model_not_found", "model");
        assertRefused(rig.post("/v1/chat/completions", "{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"junction\":{\"route\":\"cheapest\",\"budget\":1}}"), 400, "invalid_request", "junction.budget");
        assertRefused(rig.post("/v1/chat/completions", "{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"junction\":{\"providers\":[\"yisu\"]}}"), 400, "invalid_request", "junction.providers");
        assertRefused(rig.post("/v1/chat/completions", "not json"), 400, "invalid_request", null);
        // A model name must not carry config-string settings (a base URL of the client's choosing).
        assertRefused(rig.post("/v1/chat/completions", "{\"model\":\"google/x?baseUrl=http://169.254.169.254/&apiKey=z\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"), 400, "invalid_request", "model");
        assertRefused(rig.post("/v1/chat/completions", "{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"junction\":{\"providers\":[\"google\",\"google\"]}}"), 400, "invalid_request", "junction.providers");
        HttpResponse<String> huge = rig.post("/v1/chat/completions", "{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + "x".repeat(11 * 1024 * 1024) + "\"}]}");
        assertEquals(413, huge.statusCode());
        assertEquals("request_too_large", JSON.readTree(huge.body()).path("error").path("code").asText());
        rig.vendors.verify(0, postRequestedFor(urlEqualTo("/google/chat/completions")));
        rig.vendors.verify(0, postRequestedFor(urlEqualTo("/aivideoapi/chat/completions")));
    }

    @Test
    void modelsListsEachRouteAndEachProviderModelPair() throws Exception {
        HttpResponse<String> reply = rig.get("/v1/models");

        assertEquals(200, reply.statusCode());
        JsonNode body = JSON.readTree(reply.body());
        assertEquals("list", body.path("object").asText());
        List<String> ids = new ArrayList<>();
        body.path("data").forEach(m -> ids.add(m.path("id").asText()));
        assertTrue(ids.contains("gemini-2.5-pro"), ids.toString());
        assertTrue(ids.contains("google/gemini-2.5-pro"), ids.toString());
        assertTrue(ids.contains("aivideoapi/gemini-2.5-pro"), ids.toString());
        assertFalse(ids.stream().anyMatch(id -> id.startsWith("acedata/")), "acedata has no key here, so it is not served: " + ids);
    }

    @Test
    void theQuoteEndpointRanksTheRoutesProvidersWithoutCallingAnyone() throws Exception {
        HttpResponse<String> reply = rig.post("/v1/junction/quote", "{\"model\":\"gemini-2.5-pro\",\"max_tokens\":1000,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Explain quantum computing simply\"}]}");

        assertEquals(200, reply.statusCode(), reply.body());
        JsonNode body = JSON.readTree(reply.body());
        assertEquals("gemini-2.5-pro", body.path("canonical_model").asText());
        JsonNode quotes = body.path("quotes");
        assertTrue(quotes.size() >= 2, body.toString());
        BigDecimal previous = BigDecimal.ZERO;
        for (JsonNode quote : quotes) {
            assertTrue(quote.path("price_known").asBoolean(), quote.toString());
            BigDecimal expected = quote.path("usd").path("expected").decimalValue();
            assertTrue(expected.compareTo(previous) >= 0, "ranked cheapest first: " + quotes);
            assertTrue(quote.path("usd").path("high").decimalValue().compareTo(expected) >= 0);
            previous = expected;
        }
        assertEquals(1000, body.path("output_tokens").asLong());
        assertEquals(0, rig.vendors.getAllServeEvents().size(), "a quote calls no vendor");
    }

    @Test
    void probesAnswer() throws Exception {
        assertEquals(200, rig.get("/healthz").statusCode());
        HttpResponse<String> ready = rig.get("/readyz");
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("memory", JSON.readTree(ready.body()).path("state").asText());
        HttpResponse<String> metrics = rig.get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("junction_gateway_requests"), metrics.body());
        assertFalse(metrics.body().contains(GatewayRig.GOOGLE_KEY));
        HttpResponse<String> unknown = rig.get("/v2/nothing");
        assertEquals(404, unknown.statusCode());
        assertEquals("not_found", JSON.readTree(unknown.body()).path("error").path("code").asText());
    }

    static void assertRefused(HttpResponse<String> reply, int status, String type, String param) throws Exception {
        assertEquals(status, reply.statusCode(), reply.body());
        JsonNode error = JSON.readTree(reply.body()).path("error");
        assertEquals(type, error.path("type").asText(), error.toString());
        if (param != null) {
            assertEquals(param, error.path("param").asText(), error.toString());
        }
        assertFalse(error.path("message").asText().isBlank());
    }

    static List<String> events(String sse) {
        List<String> events = new ArrayList<>();
        for (String block : sse.split("\n\n")) {
            for (String line : block.split("\n")) {
                if (line.startsWith("data: ")) {
                    events.add(line.substring(6));
                }
            }
        }
        return events;
    }
}
