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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code chat} with a repeated {@code -p}: the providers in order, and every failed attempt in the JSON. */
class ChatFallbackTest {
    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String ACEDATA_PATH = "/gemini/chat/completions";
    private static final String AIVIDEOAPI_PATH = "/v1/chat/completions";

    private static void answer(String path, int status, String fixture) {
        vendor.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture(fixture))));
    }

    private static int calls(String path) {
        return vendor.countRequestsMatching(postRequestedFor(urlEqualTo(path)).build()).getCount();
    }

    @Test
    void fallsBackToTheNextProviderAndListsTheFailedAttempt() {
        answer(ACEDATA_PATH, 500, "acedata-api-error.json");
        answer(AIVIDEOAPI_PATH, 200, "aivideoapi-gemini-3-pro-reply.json");

        Cli.Result result = WireSpec.assertNoKey(Cli.run("chat", "--json",
                "-p", WireSpec.acedata(vendor, "gemini-2.5-pro") + "&maxRetries=0",
                "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"), "你好").assertExit(0));

        JsonNode json = result.json();
        assertEquals("aivideoapi", json.get("provider").asText(), "the provider that served");
        assertTrue(json.get("quote").get("priceKnown").asBoolean(), "the quote is the serving provider's: " + json.get("quote"));
        JsonNode attempt = json.get("attempts").get(0);
        assertEquals(1, json.get("attempts").size(), json.toString());
        assertEquals("acedata", attempt.get("provider").asText());
        assertEquals("SERVER_ERROR", attempt.get("kind").asText());
        assertEquals(500, attempt.get("status").asInt());
        assertEquals(0, attempt.get("waitedMs").asLong());
        assertTrue(attempt.get("durationMs").asLong() >= 0, attempt.toString());
        assertEquals(1, calls(ACEDATA_PATH));
        assertEquals(1, calls(AIVIDEOAPI_PATH));
    }

    @Test
    void listsEveryAttemptInTheErrorWhenAllFail() {
        answer(ACEDATA_PATH, 500, "acedata-api-error.json");
        answer(AIVIDEOAPI_PATH, 429, "yisu-rate-limit-error.json");

        Cli.Result result = WireSpec.assertNoKey(Cli.run("chat", "--json",
                "-p", WireSpec.acedata(vendor, "gemini-2.5-pro") + "&maxRetries=0",
                "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro") + "&maxRetries=0", "你好").assertExit(1));

        JsonNode error = result.json().get("error");
        assertEquals("RATE_LIMITED", error.get("kind").asText(), error.toString());
        assertTrue(error.get("message").asText().startsWith("every provider failed: acedata: SERVER_ERROR (HTTP 500)"), error.toString());
        assertEquals(2, error.get("attempts").size(), error.toString());
        assertEquals("aivideoapi", error.get("attempts").get(1).get("provider").asText());
    }
}
