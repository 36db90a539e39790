package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code junction prices}: every price row with its provenance, offline. */
class PricesCommandTest {

    @Test
    void jsonListsAivideoapisDocumentedRowsWithSourceAndDate() {
        Cli.Result result = Cli.run("prices", "--json", "--provider", "aivideoapi").assertExit(0);

        JsonNode rows = result.json().get("prices");
        assertEquals(2, rows.size(), rows.toString());
        JsonNode pro25 = rows.get(0);
        assertEquals("aivideoapi", pro25.get("provider").asText());
        assertEquals("gemini-2.5-pro", pro25.get("model").asText());
        assertEquals("gemini-2.5-pro", pro25.get("vendorModel").asText());
        assertEquals("USD", pro25.get("currency").asText());
        assertEquals(new BigDecimal("0.285"), pro25.get("inputPerMillion").decimalValue());
        assertEquals(new BigDecimal("2.25"), pro25.get("outputPerMillion").decimalValue());
        assertTrue(pro25.get("cachedInputPerMillion").isNull());
        assertEquals(0, pro25.get("tiers").size());
        assertEquals(new BigDecimal("200"), pro25.get("creditsPerUsd").decimalValue());
        assertFalse(pro25.has("reference"), "a row is in the price-file format: " + pro25);
        assertTrue(pro25.get("source").asText().startsWith("aivideoapi Gemini 2.5 Pro API docs"), pro25.toString());
        assertEquals("2026-11-22", pro25.get("asOf").asText());
        JsonNode pro3 = rows.get(1);
        assertEquals("gemini-3-pro", pro3.get("model").asText());
        assertEquals(new BigDecimal("0.8"), pro3.get("inputPerMillion").decimalValue());
        assertEquals(new BigDecimal("4.8"), pro3.get("outputPerMillion").decimalValue());
        assertEquals("", result.err());
    }

    @Test
    void googlesRowsCarryTheirLongPromptTiers() {
        JsonNode rows = Cli.run("prices", "--json", "--model", "gemini-2.5-pro").assertExit(0).json().get("prices");

        assertEquals(List.of("aivideoapi", "google"), List.of(rows.get(0).get("provider").asText(), rows.get(1).get("provider").asText()));
        JsonNode google = rows.get(1);
        assertEquals(new BigDecimal("1.25"), google.get("inputPerMillion").decimalValue());
        assertEquals(new BigDecimal("10"), google.get("outputPerMillion").decimalValue());
        assertTrue(google.get("creditsPerUsd").isNull());
        JsonNode tier = google.get("tiers").get(0);
        assertEquals(200_000, tier.get("aboveInputTokens").asLong());
        assertEquals(new BigDecimal("2.5"), tier.get("inputPerMillion").decimalValue());
        assertEquals(new BigDecimal("15"), tier.get("outputPerMillion").decimalValue());
        assertTrue(google.get("source").asText().contains("ai.google.dev/gemini-api/docs/pricing"), google.toString());
    }

    @Test
    void aVendorNameSelectsTheCanonicalModel() {
        // acedata's own name for gemini-3-pro; acedata has no price row, the others' rows are for the same model.
        JsonNode rows = Cli.run("prices", "--json", "--model", "gemini-3.0-pro").assertExit(0).json().get("prices");

        assertEquals(List.of("aivideoapi", "google"), List.of(rows.get(0).get("provider").asText(), rows.get(1).get("provider").asText()));
        assertEquals(2, rows.size(), rows.toString());
        rows.forEach(row -> assertEquals("gemini-3-pro", row.get("model").asText()));
    }

    @Test
    void aModelNobodyKnowsExitsTwoListingTheKnownModels() {
        Cli.Result result = Cli.run("prices", "--model", "gemini-9-ultra").assertExit(2);

        assertTrue(result.err().startsWith("error: MODEL_NOT_FOUND: no provider or price row knows the model 'gemini-9-ultra'"),
                result.err());
        assertTrue(result.err().contains("hint: known models: ") && result.err().contains("gemini-3-pro"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void aPriceFileRowIsListedWithItsOwnSource(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("prices.json"), "{\"prices\":[{\"provider\":\"acedata\",\"model\":\"gemini-2.5-pro\","
                + "\"currency\":\"USD\",\"inputPerMillion\":\"0.10\",\"outputPerMillion\":\"1.00\",\"cachedInputPerMillion\":\"0.025\","
                + "\"source\":\"my contract\",\"asOf\":\"2026-11-01\"}]}");

        JsonNode rows = Cli.run("prices", "--json", "--prices", file.toString(), "--provider", "acedata").assertExit(0)
                .json().get("prices");

        assertEquals(1, rows.size(), rows.toString());
        assertEquals(new BigDecimal("0.1"), rows.get(0).get("inputPerMillion").decimalValue());
        assertEquals(new BigDecimal("0.025"), rows.get(0).get("cachedInputPerMillion").decimalValue());
        assertEquals("my contract", rows.get(0).get("source").asText());
        assertEquals("2026-11-01", rows.get(0).get("asOf").asText());
    }

    @Test
    void theTableShowsEachProvidersRowWithItsTiers() {
        Cli.Result result = Cli.run("prices", "--model", "gemini-2.5-pro").assertExit(0);

        List<String> lines = result.out().lines().toList();
        assertEquals(3, lines.size(), result.out());
        assertTrue(lines.get(0).startsWith("MODEL "), lines.get(0));
        assertTrue(lines.get(1).startsWith("gemini-2.5-pro  aivideoapi "), lines.get(1));
        assertTrue(lines.get(1).contains("2026-11-22  aivideoapi Gemini 2.5 Pro API docs"), lines.get(1));
        assertTrue(lines.get(2).startsWith("gemini-2.5-pro  google "), lines.get(2));
        assertTrue(lines.get(2).contains(">200000: 2.5/15"), lines.get(2));
    }

    @Test
    void anUnknownProviderExitsTwoListingTheKnownOnes() {
        Cli.Result result = Cli.run("prices", "--provider", "nope").assertExit(2);

        assertTrue(result.err().startsWith("error: CONFIGURATION from nope"), result.err());
        assertTrue(result.err().contains("hint: known providers: acedata, aivideoapi, google, yisu"), result.err());
    }

    @Test
    void aKnownProviderWithoutPriceRowsIsNoError() {
        Cli.Result result = Cli.run("prices", "--provider", "yisu").assertExit(0);

        assertEquals("no price row matches; 'junction prices' lists them all" + System.lineSeparator(), result.err());
    }

    @Test
    void anInvalidPriceFileExitsTwo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("prices.json"), "{\"prices\":[{\"provider\":\"acedata\",\"model\":\"gemini-3.0-pro\","
                + "\"currency\":\"USD\",\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\"}]}");

        Cli.Result result = Cli.run("prices", "--prices", file.toString()).assertExit(2);

        assertTrue(result.err().contains("prices[0] (acedata gemini-3.0-pro): model \"gemini-3.0-pro\" is acedata's own name;"
                + " use the canonical id \"gemini-3-pro\""), result.err());
    }
}
