package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendors defined in JSON on the command line: listed by {@code providers}, called through config
 * strings with {@code <ID>_API_KEY} and {@code <ID>_BASE_URL}, quoted by {@code compare} and
 * chosen by {@code chat --route}, like the modules' vendors.
 */
class VendorFileCommandsTest {
    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String EXAMPLES = Path.of("..", "examples", "vendors").toString();
    private static final String CHEAP = """
            {"id":"cheap-gemini","displayName":"Cheap Gemini","baseUrl":"https://api.cheap-gemini.example/v1",
             "chatPath":"/chat/completions","auth":{"scheme":"raw","header":"x-api-key"},
             "models":[{"id":"gemini-2.5-pro","capabilities":["REASONING_OUTPUT","STREAMING"]}],
             "prices":[{"model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"0.01","outputPerMillion":"0.02",
                        "source":"cheap-gemini pricing page","asOf":"2026-12-01"}]}
            """;

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(p -> ids.add(p.get(field).asText()));
        return ids;
    }

    @Test
    void providersListsTheExampleVendorFileBesideTheModules() {
        Cli.Result result = Cli.run(Map.of("JUNCTION_VENDORS", EXAMPLES), "providers", "--json").assertExit(0);

        JsonNode json = result.json();
        assertEquals(List.of("acedata", "acedata-mirror", "aivideoapi", "google", "yisu"), ids(json, "id"));
        JsonNode mirror = json.get(1);
        assertEquals("Ace Data Cloud (mirror)", mirror.get("name").asText());
        assertEquals("https://api.acedata.cloud", mirror.get("baseUrl").asText());
        assertEquals("ACEDATA_MIRROR_API_KEY", mirror.get("apiKeyEnvVar").asText());
        assertEquals("gemini-3.0-pro", mirror.get("models").get(1).get("vendorModel").asText());
        assertEquals("", result.err());
    }

    @Test
    void providersWarnsAboutABrokenFileAndListsTheRest(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("typo.json"), CHEAP.replace("\"chatPath\"", "\"chatPth\""));

        Cli.Result result = Cli.run(Map.of("JUNCTION_VENDORS", dir.toString()), "providers").assertExit(0);

        assertEquals("warning: vendor profile " + dir.resolve("typo.json") + " (JUNCTION_VENDORS): chatPth is not a known field;"
                + " did you mean \"chatPath\"?", result.err().lines().findFirst().orElseThrow().replaceFirst(" Known fields: .*", ""));
        assertTrue(result.out().startsWith("acedata "), result.out());
    }

    @Test
    void chatReachesAFileVendorThroughItsEnvironmentVariables() {
        vendor.stubFor(post(urlEqualTo("/gemini/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture("acedata-what-model-reply.json"))));
        Map<String, String> env = Map.of("JUNCTION_VENDORS", EXAMPLES, "ACEDATA_MIRROR_API_KEY", "sk-canary-mirror",
                "ACEDATA_MIRROR_BASE_URL", "http://localhost:" + vendor.getPort());

        Cli.Result result = Cli.run(env, "chat", "--json", "-p", "acedata-mirror:gemini-2.5-pro?maxRetries=0", "你是什麼模型?")
                .assertExit(0);

        JsonNode json = result.json();
        assertEquals("acedata-mirror", json.get("provider").asText());
        assertEquals("I am a large language model, trained by Google.", json.get("text").asText());
        LoggedRequest sent = vendor.getAllServeEvents().get(0).getRequest();
        assertEquals("Bearer sk-canary-mirror", sent.getHeader("Authorization"));
        assertEquals("{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"你是什麼模型?\"}]}",
                new String(sent.getBody(), StandardCharsets.UTF_8));
        assertFalse(result.out().contains("sk-canary") || result.err().contains("sk-canary"), "no key in the output");
    }

    @Test
    void compareQuotesAFileVendorWithItsPriceSource(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cheap-gemini.json"), CHEAP);

        Cli.Result result = Cli.run(Map.of("JUNCTION_VENDORS", dir.toString()), "compare", "--json", "--model", "gemini-2.5-pro",
                "用简单的语言解释量子计算").assertExit(0);

        JsonNode quotes = result.json().get("quotes");
        assertEquals("cheap-gemini", quotes.get(0).get("provider").asText(), quotes.toString());
        assertTrue(quotes.get(0).get("priceKnown").asBoolean());
        assertEquals(new BigDecimal("0.01"), quotes.get(0).get("inputPerMillionUsd").decimalValue());
        assertTrue(quotes.get(0).toString().contains("cheap-gemini pricing page"), quotes.get(0).toString());
    }

    @Test
    void aCheapestRouteChoosesTheFileVendorAndSendsItsDeclaredHeader(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cheap-gemini.json"), CHEAP);
        vendor.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture("acedata-what-model-reply.json"))));
        Map<String, String> env = new HashMap<>(Map.of("JUNCTION_VENDORS", dir.toString(),
                "CHEAP_GEMINI_API_KEY", "sk-canary-cheap", "CHEAP_GEMINI_BASE_URL", "http://localhost:" + vendor.getPort() + "/v1",
                "AIVIDEOAPI_API_KEY", "sk-canary-aiv", "AIVIDEOAPI_BASE_URL", "http://localhost:" + vendor.getPort() + "/unused"));

        Cli.Result result = Cli.run(env, "chat", "--json", "--route", "cheapest", "--model", "gemini-2.5-pro", "你好").assertExit(0);

        assertEquals("cheap-gemini", result.json().get("provider").asText(), result.out());
        assertTrue(result.out().contains("route cheapest tried in this order: cheap-gemini, aivideoapi"), result.out());
        assertEquals(1, vendor.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/chat/completions")).build()).getCount());
        LoggedRequest sent = vendor.getAllServeEvents().get(0).getRequest();
        assertEquals("sk-canary-cheap", sent.getHeader("x-api-key"), "auth: raw key in the declared header");
        assertEquals(null, sent.getHeader("Authorization"));
    }
}
