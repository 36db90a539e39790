package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plain-http base URL to another host is warned about on stderr, once; loopback stays silent. */
class BaseUrlWarningTest {
    /** A host that never resolves (RFC 2606), so the call fails at once (an unknown host is CONFIGURATION, exit 2). */
    private static final String REMOTE = "http://junction-test.invalid/v1";

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static List<String> warnings(Cli.Result result) {
        return result.err().lines().filter(line -> line.startsWith("warning: ")).toList();
    }

    @Test
    void warnsOnceAboutPlainHttpToAnotherHostBeforeTheCall() {
        Cli.Result result = WireSpec.assertNoKey(Cli.run("chat", "-p", "aivideoapi:gemini-3-pro?apiKey=" + WireSpec.CANARY
                + "&baseUrl=" + REMOTE + "&maxRetries=0", "hi").assertExit(2));

        assertEquals(List.of("warning: aivideoapi: baseUrl " + REMOTE + " is plain http to another host, so the API key and every"
                + " prompt cross the network unencrypted; use https://junction-test.invalid/v1 if the host serves it"), warnings(result),
                "once, though the chat and its quote each create the provider:\n" + result.err());
        assertTrue(result.err().startsWith("warning: ") && result.err().contains("\nerror: "), result.err());
    }

    @Test
    void warnsAboutABaseUrlFromTheEnvironmentToo() {
        Cli.Result result = Cli.run(Map.of("ACEDATA_BASE_URL", "http://192.0.2.10:8080"), "providers").assertExit(0);

        assertEquals(1, warnings(result).size(), result.err());
        assertTrue(warnings(result).get(0).startsWith("warning: acedata: baseUrl http://192.0.2.10:8080 is plain http"), result.err());
    }

    @Test
    void staysSilentForLoopback() {
        vendor.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture("aivideoapi-gemini-3-pro-reply.json"))));

        for (String host : List.of("localhost", "127.0.0.1")) {
            Cli.Result result = WireSpec.assertNoKey(Cli.run("chat", "-p", "aivideoapi:gemini-3-pro?apiKey=" + WireSpec.CANARY
                    + "&baseUrl=http://" + host + ":" + vendor.getPort() + "/v1", "hi").assertExit(0));

            assertEquals(List.of(), warnings(result), result.err());
            assertFalse(result.out().isBlank(), "the answer was printed");
        }
    }
}
