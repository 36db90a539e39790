package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chat --route}: every keyed reseller of the model, here acedata and aivideoapi served by one
 * WireMock stand-in, with a price file that makes acedata the cheaper one.
 */
class ChatRouteTest {
    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String ACEDATA_PATH = "/gemini/chat/completions";
    private static final String AIVIDEOAPI_PATH = "/v1/chat/completions";

    private static Map<String, String> env() {
        String base = "http://localhost:" + vendor.getPort();
        return Map.of("ACEDATA_API_KEY", "sk-canary-ace", "ACEDATA_BASE_URL", base,
                "AIVIDEOAPI_API_KEY", "sk-canary-aiv", "AIVIDEOAPI_BASE_URL", base + "/v1");
    }

    private static Path cheapAcedata(Path dir) throws IOException {
        return Files.writeString(dir.resolve("prices.json"), "{\"prices\":[{\"provider\":\"acedata\",\"model\":\"gemini-2.5-pro\","
                + "\"currency\":\"USD\",\"inputPerMillion\":\"0.10\",\"outputPerMillion\":\"0.40\",\"source\":\"my contract\"}]}");
    }

    private static void answer(String path, int status, String fixture) {
        vendor.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture(fixture))));
    }

    private static int calls(String path) {
        return vendor.countRequestsMatching(postRequestedFor(urlEqualTo(path)).build()).getCount();
    }

    @Test
    void cheapestPicksTheCheapestKeyedResellerAndShowsItsQuote(@TempDir Path dir) throws IOException {
        answer(ACEDATA_PATH, 200, "acedata-what-model-reply.json");
        answer(AIVIDEOAPI_PATH, 200, "aivideoapi-gemini-3-pro-reply.json");

        Cli.Result result = Cli.run(env(), "chat", "--json", "--prices", cheapAcedata(dir).toString(), "--route", "cheapest",
                "--model", "gemini-2.5-pro", "用简单的语言解释量子计算").assertExit(0);

        JsonNode json = result.json();
        assertEquals("acedata", json.get("provider").asText(), json.toString());
        assertTrue(json.get("quote").get("priceKnown").asBoolean(), "the quote of the provider the route chose: " + json.get("quote"));
        assertEquals(1, calls(ACEDATA_PATH));
        assertEquals(0, calls(AIVIDEOAPI_PATH));
        assertTrue(result.out().contains("route cheapest tried in this order: acedata, aivideoapi"), result.out());
        assertTrue(!result.out().contains("canary") && !result.err().contains("canary"), "no key in the output");
    }

    @Test
    void aMaxPriceBelowEveryQuoteSendsNothingAndExitsTwo(@TempDir Path dir) throws IOException {
        Cli.Result result = Cli.run(env(), "chat", "--prices", cheapAcedata(dir).toString(), "--route", "cheapest",
                "--max-price", "0.0000001", "--model", "gemini-2.5-pro", "你好").assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: route cheapest for gemini-2.5-pro leaves no provider to call"),
                result.err());
        assertTrue(result.err().contains("acedata dropped: quoted up to $"), result.err());
        assertEquals(0, calls(ACEDATA_PATH) + calls(AIVIDEOAPI_PATH));
    }

    @Test
    void routeAndProvidersDoNotMix() {
        Cli.Result both = Cli.run(env(), "chat", "--route", "cheapest", "-p", "acedata:gemini-2.5-pro", "--model", "gemini-2.5-pro", "hi")
                .assertExit(2);
        assertTrue(both.err().contains("mutually exclusive") && both.err().contains("Usage: junction chat"), both.err());
        Cli.Result noModel = Cli.run(env(), "chat", "--route", "cheapest", "hi").assertExit(2);
        assertTrue(noModel.err().contains("--route needs --model"), noModel.err());
    }
}
