package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API key never reaches stdout or stderr, whatever happens. */
class ApiKeyCanaryTest {
    private static final String CANARY = "sk-canary-123";

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static String spec(String extra) {
        return "aivideoapi:gemini-3-pro?apiKey=" + CANARY + "&baseUrl=http://localhost:" + vendor.getPort() + "/v1" + extra;
    }

    private static void assertNoCanary(Cli.Result result) {
        assertFalse(result.out().contains(CANARY), () -> "stdout leaks the key:\n" + result.out());
        assertFalse(result.err().contains(CANARY), () -> "stderr leaks the key:\n" + result.err());
        assertFalse(result.out().contains("canary") || result.err().contains("canary"), "no part of the key is shown");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void successDoesNotShowTheKey(boolean json) {
        vendor.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture("aivideoapi-gemini-3-pro-reply.json"))));

        Cli.Result result = json ? Cli.run("chat", "--json", "-p", spec(""), "hi") : Cli.run("chat", "-p", spec(""), "hi");

        result.assertExit(0);
        assertTrue(result.out().contains("相对论"), result.out());
        assertNoCanary(result);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aVendorEchoingTheKeyBackIsMasked(boolean json) {
        vendor.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Invalid key " + CANARY
                        + "\",\"type\":\"authentication_error\"}}")));

        Cli.Result result = json ? Cli.run("chat", "--json", "-p", spec(""), "hi") : Cli.run("chat", "-p", spec(""), "hi");

        result.assertExit(1);
        assertTrue(result.err().startsWith("error: AUTHENTICATION from aivideoapi (HTTP 401, invalid_api_key)"), result.err());
        assertNoCanary(result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&colour=red", "&timeout=forever", "&apiKey=twice", "&maxRetries=99"})
    void configErrorsDoNotShowTheKey(String extra) {
        Cli.Result result = Cli.run("chat", "--json", "-p", spec(extra), "hi").assertExit(2);

        assertTrue(result.err().startsWith("error: CONFIGURATION"), result.err());
        assertNoCanary(result);
    }

    @Test
    void usageErrorsDoNotShowTheKey() {
        Cli.Result result = Cli.run("chat", "-p", spec(""), "--reasoning", "extreme", "hi").assertExit(2);

        assertTrue(result.err().contains("extreme"), result.err());
        assertNoCanary(result);
    }

    @Test
    void theKeyInTheEnvironmentIsNotShownEither() {
        Cli.Result result = Cli.run(Map.of("AIVIDEOAPI_API_KEY", CANARY), "chat", "-p",
                "aivideoapi:gemini-3-pro?baseUrl=http://localhost:" + vendor.getPort() + "/v1&timeout=nope", "hi").assertExit(2);

        assertNoCanary(result);
        assertNoCanary(Cli.run(Map.of("AIVIDEOAPI_API_KEY", CANARY), "providers").assertExit(0));
    }
}
