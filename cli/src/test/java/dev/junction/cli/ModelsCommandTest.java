package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code junction models}: the offline catalog, and with --remote the vendors' live lists. */
class ModelsCommandTest {
    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** yisu's documented GET /v1/models reply, as in its docs. */
    private static final String YISU_MODELS = "{\n\"object\":\"list\",\n\"data\":[\n{\n\"id\":\"gemini-3-pro-image-preview\",\n"
            + "\"object\":\"model\",\n\"created\":1779778659,\n\"owned_by\":\"google\"\n}\n]\n}";

    @Test
    void jsonMapsAcedatasVendorNameToTheCanonicalModel() {
        Cli.Result result = Cli.run("models", "--json").assertExit(0);

        JsonNode pro3 = model(result.json(), "gemini-3-pro");
        JsonNode acedata = offer(pro3, "acedata");
        assertEquals("gemini-3.0-pro", acedata.get("vendorModel").asText());
        assertEquals("[\"IMAGE_INPUT\",\"VIDEO_INPUT\",\"REASONING_OUTPUT\",\"STREAMING\"]", acedata.get("capabilities").toString());
        assertTrue(acedata.get("contextWindow").isNull());
        assertFalse(acedata.get("priceKnown").asBoolean());
        assertTrue(acedata.get("inputPerMillionUsd").isNull());
        assertEquals("DECLARED", acedata.get("listing").asText());
        JsonNode aivideoapi = offer(pro3, "aivideoapi");
        assertEquals(1_000_000L, aivideoapi.get("contextWindow").asLong());
        assertEquals(new BigDecimal("0.8"), aivideoapi.get("inputPerMillionUsd").decimalValue());
        assertEquals(new BigDecimal("4.8"), aivideoapi.get("outputPerMillionUsd").decimalValue());
        JsonNode google = offer(pro3, "google");
        assertFalse(google.has("reference"), google.toString());
        assertEquals("DECLARED", google.get("listing").asText());
        assertEquals("gemini-3-pro-preview", google.get("vendorModel").asText());
        assertEquals(0, result.json().get("problems").size());
        assertEquals("", result.err());
    }

    @Test
    void providerKeepsOnlyItsOffers() {
        JsonNode json = Cli.run("models", "--json", "--provider", "acedata").assertExit(0).json();

        List<String> ids = new ArrayList<>();
        json.get("models").forEach(m -> {
            ids.add(m.get("id").asText());
            m.get("offers").forEach(o -> assertEquals("acedata", o.get("provider").asText()));
        });
        assertEquals(List.of("gemini-2.5-pro", "gemini-3-pro", "gemini-3.1-pro"), ids);
    }

    @Test
    void theTableShowsEachOfferUnderItsModel() {
        Cli.Result result = Cli.run("models", "--provider", "acedata").assertExit(0);

        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).startsWith("MODEL "), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("gemini-3-pro ") && l.contains(" acedata ")
                && l.contains(" gemini-3.0-pro ") && l.matches(".* — +— +— +DECLARED .*")), result.out());
        assertFalse(result.out().contains("unknown"), "an unknown value is \"—\", as the footer says: " + result.out());
    }

    @Test
    void anUnknownProviderExitsTwoListingTheKnownOnes() {
        Cli.Result result = Cli.run("models", "--provider", "nope").assertExit(2);

        assertTrue(result.err().startsWith("error: CONFIGURATION"), result.err());
        assertTrue(result.err().contains("hint: known providers: acedata, aivideoapi, google, yisu"), result.err());
    }

    @Test
    void googleIsAnInstalledProviderWithItsListPrices() {
        JsonNode json = Cli.run("models", "--json", "--provider", "google").assertExit(0).json();

        assertTrue(json.get("models").size() > 0, json.toString());
        json.get("models").forEach(m -> m.get("offers").forEach(o -> {
            assertEquals("google", o.get("provider").asText(), o.toString());
            assertEquals("DECLARED", o.get("listing").asText(), o.toString());
            assertTrue(o.get("priceKnown").asBoolean(), o.toString());
        }));
        assertEquals(new BigDecimal("1.25"), offer(model(json, "gemini-2.5-pro"), "google").get("inputPerMillionUsd").decimalValue());
    }

    @Test
    void remoteWithoutAKeyWarnsAndStillPrintsTheCatalog() {
        Cli.Result result = Cli.run("models", "--remote", "--json", "--provider", "yisu").assertExit(0);

        JsonNode problems = result.json().get("problems");
        assertEquals(1, problems.size(), result.out());
        assertTrue(problems.get(0).asText().startsWith("yisu: "), problems.toString());
        assertTrue(result.err().startsWith("warning: yisu: "), result.err());
        assertEquals("DECLARED", offer(model(result.json(), "gemini-3-pro-image-preview"), "yisu").get("listing").asText());
    }

    @Test
    void remoteMarksTheModelsTheVendorListsToday() {
        vendor.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(YISU_MODELS)));

        Cli.Result result = Cli.run(Map.of("YISU_API_KEY", WireSpec.CANARY, "YISU_BASE_URL", "http://localhost:" + vendor.getPort()),
                "models", "--remote", "--json", "--provider", "yisu").assertExit(0);

        WireSpec.assertNoKey(result);
        assertEquals(0, result.json().get("problems").size(), result.out() + result.err());
        assertEquals("DECLARED_AND_LISTED",
                offer(model(result.json(), "gemini-3-pro-image-preview"), "yisu").get("listing").asText());
    }

    private static JsonNode model(JsonNode json, String id) {
        for (JsonNode m : json.get("models")) {
            if (m.get("id").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no model " + id + " in " + json);
    }

    private static JsonNode offer(JsonNode model, String provider) {
        for (JsonNode o : model.get("offers")) {
            if (o.get("provider").asText().equals(provider)) {
                return o;
            }
        }
        throw new AssertionError("no offer by " + provider + " in " + model);
    }
}
