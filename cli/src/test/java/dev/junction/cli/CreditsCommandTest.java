package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.junction.catalog.CreditBalance;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code junction credits} against a WireMock aivideoapi. Its docs name {@code GET /v1/credits}
 * (the base URL ends in {@code /v1}, the declared path is {@code /credits}) but show no reply,
 * so the stubs use plausible shapes and the tests check what the command prints about whatever
 * core found.
 */
class CreditsCommandTest {
    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static void reply(int status, String body) {
        vendor.stubFor(get(urlEqualTo("/v1/credits")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String spec() {
        return WireSpec.aivideoapi(vendor, "gemini-3-pro");
    }

    @Test
    void jsonCarriesTheBalanceItsFieldAndTheParsedReply() {
        reply(200, "{\"credits\":1234.5}");

        Cli.Result result = WireSpec.assertNoKey(Cli.run("credits", "--json", "-p", spec()).assertExit(0));

        JsonNode json = result.json();
        assertEquals("aivideoapi", json.get("provider").asText());
        assertEquals(new BigDecimal("1234.5"), json.get("balance").decimalValue());
        assertTrue(json.get("field").asText().contains("credits"), json.toString());
        assertTrue(json.has("unit"), json.toString());
        assertEquals(new BigDecimal("1234.5"), json.get("raw").get("credits").decimalValue());
        vendor.verify(getRequestedFor(urlEqualTo("/v1/credits")).withHeader("Authorization", equalTo("Bearer " + WireSpec.CANARY)));
    }

    @Test
    void textShowsTheBalanceAndTheFieldItCameFrom() {
        reply(200, "{\"credits\":1234.5}");

        Cli.Result result = WireSpec.assertNoKey(Cli.run("credits", "-p", spec()).assertExit(0));

        assertTrue(result.out().startsWith("aivideoapi: 1234.5 "), result.out());
        assertTrue(result.out().contains("(from ") && result.out().contains("credits"), result.out());
    }

    @Test
    void aReplyWithoutABalancePrintsTheRawReply() {
        reply(200, "{\"status\":\"ok\"}");

        Cli.Result result = WireSpec.assertNoKey(Cli.run("credits", "-p", spec()).assertExit(0));

        assertEquals("aivideoapi: balance not found in the reply" + System.lineSeparator()
                + "raw reply: {\"status\":\"ok\"}" + System.lineSeparator(), result.out());
        JsonNode json = Cli.run("credits", "--json", "-p", spec()).assertExit(0).json();
        assertTrue(json.get("balance").isNull());
        assertEquals("ok", json.get("raw").get("status").asText());
    }

    @Test
    void aNumberWithAnAbsurdExponentKeepsTheRawReplyAsText() {
        String body = "{\"balance\":1e10000}";
        reply(200, body);

        JsonNode json = WireSpec.assertNoKey(Cli.run("credits", "--json", "-p", spec()).assertExit(0)).json();
        Cli.Result text = WireSpec.assertNoKey(Cli.run("credits", "-p", spec()).assertExit(0));

        // Written back in plain notation it would be ten thousand digits (Jackson refuses): the text as received instead.
        assertTrue(json.get("raw").isTextual(), json.toString());
        assertEquals(body, json.get("raw").asText());
        assertEquals("aivideoapi: balance not found in the reply" + System.lineSeparator() + "raw reply: " + body
                + System.lineSeparator(), text.out());
    }

    @Test
    void aBalanceWithAnAbsurdExponentIsAnExactNumberInScientificNotation() {
        // Core's reader drops such balances; a third-party provider's credits() may still return one.
        CreditBalance balance = new CreditBalance("other", new BigDecimal("1e-10000"), "credits", "balance", "{\"balance\":\"1e-10000\"}");

        String json = CliJson.text(CreditsCommand.toJson(balance));

        assertTrue(json.contains("\"balance\":1E-10000,"), json);
        assertEquals("1E-10000", Amounts.plain(balance.balance()));
        assertEquals("0.0004224", Amounts.plain(new BigDecimal("0.00042240")), "sane amounts stay plain");
    }

    @Test
    void theRawReplyIsPrintedAsReceived() {
        String body = "{ \"status\" : \"ok\", \"ratio\": 1.50 }";
        reply(200, body);

        Cli.Result result = WireSpec.assertNoKey(Cli.run("credits", "-p", spec()).assertExit(0));

        assertTrue(result.out().endsWith("raw reply: " + body + System.lineSeparator()), result.out());
    }

    @Test
    void theVendorsErrorExitsOne() {
        reply(401, "{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Invalid API key\",\"type\":\"authentication_error\"}}");

        Cli.Result result = WireSpec.assertNoKey(Cli.run("credits", "--json", "-p", spec()).assertExit(1));

        assertEquals("AUTHENTICATION", result.json().get("error").get("kind").asText());
    }

    @Test
    void noKeyExitsTwoBeforeAnyCall() {
        Cli.Result result = Cli.run("credits", "-p", "aivideoapi?baseUrl=http://localhost:" + vendor.getPort() + "/v1").assertExit(2);

        assertTrue(result.err().startsWith("error: CONFIGURATION"), result.err());
        assertTrue(result.err().contains("AIVIDEOAPI_API_KEY"), result.err());
        assertEquals(0, vendor.getAllServeEvents().size());
    }

    @Test
    void aProviderWithoutABalanceEndpointExitsTwo() {
        Cli.Result result = WireSpec.assertNoKey(Cli.run("credits", "--json", "-p", WireSpec.acedata(vendor, "gemini-2.5-pro"))
                .assertExit(2));

        assertEquals("UNSUPPORTED_FEATURE", result.json().get("error").get("kind").asText());
    }
}
