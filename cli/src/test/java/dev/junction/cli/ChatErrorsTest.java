package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exit codes and error rendering: 1 when the provider or network failed, 2 for the caller's mistakes. */
class ChatErrorsTest {
    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static String base() {
        return "http://localhost:" + vendor.getPort();
    }

    @Test
    void vendorRateLimitExitsOneWithTheErrorDocument() {
        vendor.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture("yisu-rate-limit-error.json"))));

        Cli.Result result = Cli.run("chat", "--json", "-p",
                "yisu:gemini-3-pro-image-preview?apiKey=yisu-test&maxRetries=0&baseUrl=" + base(), "生成未来城市夜景").assertExit(1);

        JsonNode error = result.json().get("error");
        assertEquals(1, result.json().size(), "the document holds only the error");
        assertEquals("RATE_LIMITED", error.get("kind").asText());
        assertEquals("yisu", error.get("provider").asText());
        assertEquals(429, error.get("status").asInt());
        assertEquals("rate_limit_exceeded", error.get("code").asText());
        assertEquals("yisu: Rate limit exceeded.", error.get("message").asText());
        assertTrue(error.get("traceId").isNull());
        assertTrue(error.get("retryable").asBoolean());
        assertEquals(List.of(
                "error: RATE_LIMITED from yisu (HTTP 429, rate_limit_exceeded): yisu: Rate limit exceeded.",
                "hint: " + error.get("hint").asText()), result.err().lines().toList());
    }

    @Test
    void retryAfterHeaderIsShownToPeopleAndScripts() {
        vendor.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "17")
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture("yisu-rate-limit-error.json"))));

        Cli.Result result = Cli.run("chat", "--json", "-p",
                "yisu:gemini-3-pro-image-preview?apiKey=yisu-test&maxRetries=0&baseUrl=" + base(), "生成未来城市夜景").assertExit(1);

        assertEquals(17, result.json().get("error").get("retryAfterSeconds").asInt());
        assertTrue(result.err().lines().anyMatch("retry after: 17 s"::equals), result.err());
    }

    @Test
    void vendorServerErrorExitsOneAndShowsTheTraceId() {
        vendor.stubFor(post(urlEqualTo("/gemini/chat/completions")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture("acedata-api-error.json"))));

        Cli.Result result = Cli.run("chat", "--json", "-p", "acedata:gemini-2.5-pro?apiKey=ace-test&maxRetries=0&baseUrl=" + base(),
                "hi").assertExit(1);

        JsonNode error = result.json().get("error");
        assertEquals("SERVER_ERROR", error.get("kind").asText());
        assertEquals(500, error.get("status").asInt());
        assertEquals("api_error", error.get("code").asText());
        assertEquals("acedata: fetch failed", error.get("message").asText());
        assertEquals("2cf86e86-22a4-46e1-ac2f-032c0f2a4e89", error.get("traceId").asText());
        assertTrue(result.err().startsWith("error: SERVER_ERROR from acedata (HTTP 500, api_error): acedata: fetch failed"),
                result.err());
        assertTrue(result.err().contains("trace id: 2cf86e86-22a4-46e1-ac2f-032c0f2a4e89"), result.err());
    }

    @Test
    void aServerErrorIsRetriedBeforeTheAnswerIsShown() {
        vendor.stubFor(post(urlEqualTo("/gemini/chat/completions")).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody(Cli.fixture("acedata-api-error.json")))
                .willSetStateTo("answered"));
        vendor.stubFor(post(urlEqualTo("/gemini/chat/completions")).inScenario("retry").whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Cli.fixture("acedata-what-model-reply.json"))));

        Cli.Result result = Cli.run("chat", "-p", "acedata:gemini-2.5-pro?apiKey=ace-test&baseUrl=" + base(), "hi").assertExit(0);

        assertEquals(2, vendor.countRequestsMatching(postRequestedFor(urlEqualTo("/gemini/chat/completions")).build()).getCount());
        assertFalse(result.out().isBlank(), result.err());
    }

    @Test
    void brokenConnectionExitsOneWithoutAnHttpStatus() {
        vendor.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Cli.Result result = Cli.run("chat", "--json", "-p", "acedata:gemini-2.5-pro?apiKey=ace-test&maxRetries=0&baseUrl=" + base(),
                "hi").assertExit(1);

        JsonNode error = result.json().get("error");
        assertEquals("NETWORK", error.get("kind").asText());
        assertTrue(error.get("status").isNull());
        assertTrue(result.err().startsWith("error: NETWORK from acedata: "), result.err());
    }

    @Test
    void unknownProviderExitsTwoListingTheKnownOnes() {
        Cli.Result result = Cli.run("chat", "-p", "nosuch:gemini-2.5-pro?apiKey=x", "hi").assertExit(2);

        assertEquals("", result.out());
        assertTrue(result.err().startsWith("error: CONFIGURATION from nosuch: unknown provider 'nosuch'; "
                + "known providers: acedata, aivideoapi, google, yisu"), result.err());
        assertTrue(result.err().contains("\nhint: "), result.err());
    }

    @Test
    void missingApiKeyExitsTwoNamingTheEnvironmentVariable() {
        Cli.Result result = Cli.run("chat", "--json", "-p", "acedata:gemini-2.5-pro?baseUrl=" + base(), "hi").assertExit(2);

        JsonNode error = result.json().get("error");
        assertEquals("CONFIGURATION", error.get("kind").asText());
        assertEquals("acedata", error.get("provider").asText());
        assertFalse(error.get("retryable").asBoolean());
        assertTrue(result.err().contains("ACEDATA_API_KEY"), result.err());
        vendor.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void unknownConfigKeyExitsTwo() {
        Cli.Result result = Cli.run("chat", "-p", "acedata:gemini-2.5-pro?colour=red", "hi").assertExit(2);

        assertTrue(result.err().startsWith("error: CONFIGURATION from acedata: config string: unknown key 'colour'"),
                result.err());
    }

    @Test
    void unknownConfigKeyBesideAnApiKeyIsNotEchoed() {
        // With a key present, an unknown "key" may be the tail of an API key split at an unescaped '&'.
        Cli.Result result = Cli.run("chat", "-p", "acedata:gemini-2.5-pro?apiKey=x&colour=red", "hi").assertExit(2);

        assertTrue(result.err().startsWith("error: CONFIGURATION from acedata: config string: unknown key of 6 characters"),
                result.err());
        assertFalse(result.err().contains("colour"), result.err());
    }

    @Test
    void missingImageFileExitsTwoBeforeAnyCall() {
        Cli.Result result = Cli.run("chat", "--json", "-p", "acedata:gemini-3-pro?apiKey=x&baseUrl=" + base(),
                "--image", "no/such/photo.png", "hi").assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: --image no/such/photo.png: no such file"), result.err());
        assertEquals("INVALID_REQUEST", result.json().get("error").get("kind").asText());
        vendor.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void noModelAnywhereExitsTwo() {
        Cli.Result result = Cli.run("chat", "-p", "acedata?apiKey=x&baseUrl=" + base(), "hi").assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST from acedata: acedata: the request names no model"),
                result.err());
        vendor.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "chat hi",                                   // no -p
        "chat -p acedata:gemini-2.5-pro",            // no prompt
        "chat --frobnicate -p acedata hi",           // unknown option
        "chat --reasoning extreme -p acedata hi",    // not an effort
        "talk -p acedata hi",                        // unknown subcommand
        ""                                           // no subcommand
    })
    void usageErrorsExitTwoWithTheUsageOnStderr(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");

        Cli.Result result = Cli.run(args).assertExit(2);

        assertEquals("", result.out());
        assertTrue(result.err().contains("Usage: junction"), result.err());
    }

    @Test
    void helpExitsZeroOnStdout() {
        Cli.Result result = Cli.run("chat", "--help").assertExit(0);

        assertTrue(result.out().contains("--reasoning=EFFORT"), result.out());
        assertTrue(result.out().contains("MINIMAL, LOW, MEDIUM, HIGH"), result.out());
        assertEquals("", result.err());
    }
}
