package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --verbose} and {@code JUNCTION_LOG=debug} in a real {@code junction} process: each attempt
 * and each decision on stderr, stdout untouched, and the canary key nowhere, though every error
 * the vendor sends echoes it.
 */
class VerboseLogTest {
    private static final String CANARY = "sk-canary-verbose-42";
    private static final String AIVIDEOAPI_PATH = "/v1/chat/completions";
    private static final String ACEDATA_PATH = "/gemini/chat/completions";

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static String aivideoapi(String extra) {
        return "aivideoapi:gemini-3-pro?apiKey=" + CANARY + "&baseUrl=http://localhost:" + vendor.getPort() + "/v1" + extra;
    }

    private static String acedata(String extra) {
        return "acedata:gemini-2.5-pro?apiKey=" + CANARY + "&baseUrl=http://localhost:" + vendor.getPort() + extra;
    }

    /** Replies on {@code path} in turn with each response, the last one for every later call. */
    private static void replies(String path, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            var stub = post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(i == 0 ? STARTED : "reply " + i)
                    .willReturn(responses[i]);
            vendor.stubFor(i < responses.length - 1 ? stub.willSetStateTo("reply " + (i + 1)) : stub);
        }
    }

    /** An error that echoes the key in its body and a header; Retry-After 0 so that no retry waits. */
    private static ResponseDefinitionBuilder echoing(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withHeader("Retry-After", "0")
                .withHeader("X-Echo", "Bearer " + CANARY)
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"bad key " + CANARY + "\",\"type\":\"error\"}}");
    }

    private static ResponseDefinitionBuilder answer() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Cli.fixture("aivideoapi-gemini-3-pro-reply.json"));
    }

    private static ChildCli.Result assertNoKey(ChildCli.Result result) {
        assertFalse(result.out().contains("canary") || result.err().contains("canary"), () -> "the key leaked:\n" + result.describe());
        return result;
    }

    @Test
    void verboseLogsA503ThenTheAnswerOnStderr() throws Exception {
        replies(AIVIDEOAPI_PATH, echoing(503, "server_error"), answer());

        ChildCli.Result result = assertNoKey(ChildCli.run(Map.of(), "chat", "--verbose", "-p", aivideoapi(""), "hi").assertExit(0));

        String err = result.err();
        assertTrue(result.out().contains("相对论"), result::describe);
        assertTrue(err.contains("DEBUG http - aivideoapi POST http://localhost:" + vendor.getPort()
                + "/v1/chat/completions sending, headers {Content-Type: application/json, Accept: application/json, Authorization: ****}"),
                result::describe);
        assertTrue(err.contains("DEBUG body - aivideoapi request body: {\"model\":\"gemini-3-pro\""), result::describe);
        assertTrue(err.contains("/v1/chat/completions answered HTTP 503 in "), result::describe);
        assertTrue(err.contains("X-Echo: ****"), result::describe);
        assertTrue(err.contains("DEBUG body - aivideoapi reply body (HTTP 503): {\"error\":{\"code\":\"server_error\",\"message\":\"bad key ****\""),
                result::describe);
        assertTrue(err.contains("DEBUG retry - aivideoapi attempt 1 failed in "), result::describe);
        assertTrue(err.contains(": SERVER_ERROR (HTTP 503): aivideoapi: bad key ****; retry 1 of 2 after 0 ms"), result::describe);
        assertTrue(err.contains("DEBUG retry - aivideoapi attempt 2 answered in "), result::describe);
        assertTrue(err.lines().anyMatch(line -> line.startsWith("aivideoapi · gemini-3-pro")) || err.contains("tokens"),
                "the usage line still follows:\n" + result.describe());
    }

    @Test
    void junctionLogDebugInTheEnvironmentDoesTheSameAndLogsWhyA401Stops() throws Exception {
        replies(AIVIDEOAPI_PATH, echoing(401, "invalid_api_key"));

        ChildCli.Result result = assertNoKey(ChildCli.run(Map.of("JUNCTION_LOG", "debug"), "chat", "-p", aivideoapi(""), "hi")
                .assertExit(1));

        assertTrue(result.err().contains("answered HTTP 401"), result::describe);
        assertTrue(result.err().contains("AUTHENTICATION (HTTP 401): aivideoapi: bad key ****; stop: AUTHENTICATION is never retried"),
                result::describe);
        assertTrue(result.err().contains("error: AUTHENTICATION from aivideoapi (HTTP 401, invalid_api_key)"), result::describe);
    }

    @Test
    void verboseLogsEveryRetryOfA429AndWhyItStops() throws Exception {
        replies(AIVIDEOAPI_PATH, echoing(429, "rate_limit_exceeded"));

        ChildCli.Result result = assertNoKey(ChildCli.run(Map.of(), "chat", "--verbose", "--json", "-p", aivideoapi("&maxRetries=2"), "hi")
                .assertExit(1));

        String err = result.err();
        assertTrue(err.contains("RATE_LIMITED (HTTP 429): aivideoapi: bad key ****; retry 1 of 2 after 0 ms"), result::describe);
        assertTrue(err.contains("RATE_LIMITED (HTTP 429): aivideoapi: bad key ****; retry 2 of 2 after 0 ms"), result::describe);
        assertTrue(err.contains("aivideoapi attempt 3 failed"), result::describe);
        assertTrue(err.contains("stop: no retries left (maxRetries=2)"), result::describe);
        assertEquals("RATE_LIMITED", Cli.JSON.readTree(result.out()).get("error").get("kind").asText(),
                "stdout holds the JSON document alone: " + result.describe());
    }

    @Test
    void verboseLogsTheFallbackToTheNextProvider() throws Exception {
        replies(ACEDATA_PATH, echoing(503, "server_error"));
        replies(AIVIDEOAPI_PATH, answer());

        ChildCli.Result result = assertNoKey(ChildCli.run(Map.of(), "chat", "--verbose", "-p", acedata("&maxRetries=0"),
                "-p", aivideoapi(""), "hi").assertExit(0));

        assertTrue(result.err().contains("acedata attempt 1 failed"), result::describe);
        assertTrue(result.err().contains("stop: no retries left (maxRetries=0)"), result::describe);
        assertTrue(result.err().contains("DEBUG retry - acedata gave up with SERVER_ERROR; falling back to aivideoapi"), result::describe);
        assertTrue(result.err().contains("aivideoapi attempt 1 answered"), result::describe);
    }

    @Test
    void withoutEitherNothingIsLogged() throws Exception {
        replies(AIVIDEOAPI_PATH, echoing(503, "server_error"), answer());

        ChildCli.Result result = assertNoKey(ChildCli.run(Map.of("JUNCTION_LOG", "info"), "chat", "-p", aivideoapi(""), "hi")
                .assertExit(0));

        assertFalse(result.err().contains("DEBUG"), result::describe);
        assertFalse(result.err().contains("body"), result::describe);
        assertTrue(result.out().contains("相对论"), result::describe);
    }
}
