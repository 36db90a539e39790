package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code junction compare}: offline, with no API key. The token estimate comes from core's
 * estimator, so the tests check relations (rank, exact arithmetic from the documented prices,
 * low ≤ expected ≤ high) rather than its numbers.
 */
class CompareCommandTest {
    private static final String PROMPT = "用简单的语言解释量子计算";
    private static final BigDecimal MILLION = new BigDecimal(1_000_000);
    private static final String OVERRIDE = "{\"prices\":[{\"provider\":\"acedata\",\"model\":\"gemini-2.5-pro\",\"currency\":\"USD\","
            + "\"inputPerMillion\":\"0.10\",\"outputPerMillion\":\"1.00\",\"source\":\"my contract\",\"asOf\":\"2026-11-01\"}]}";

    @Test
    void jsonRanksTheProvidersByExpectedCostWithGooglesListPriceAmongThemAndTheUnknownPriceLast() {
        Cli.Result result = Cli.run("compare", "--json", "--model", "gemini-2.5-pro", PROMPT).assertExit(0);

        JsonNode json = result.json();
        assertEquals("gemini-2.5-pro", json.get("model").asText());
        // gemini-2.5-pro always thinks: 1,000 visible tokens plus the 2,000-token reasoning allowance.
        assertEquals(3000, json.get("outputTokens").asLong());
        assertTrue(json.get("outputAssumption").asText().contains("1,000") && json.get("outputAssumption").asText()
                .contains("2,000 reasoning allowance"), json.get("outputAssumption").asText());
        long low = json.get("inputTokensLow").asLong();
        long expected = json.get("inputTokensEstimate").asLong();
        long high = json.get("inputTokensHigh").asLong();
        assertTrue(0 < low && low <= expected && expected <= high, json.toString());
        assertEquals(List.of("aivideoapi", "google", "acedata"), providers(json));

        JsonNode aivideoapi = json.get("quotes").get(0);
        assertTrue(aivideoapi.get("priceKnown").asBoolean());
        assertEquals(new BigDecimal("0.285"), aivideoapi.get("inputPerMillionUsd").decimalValue());
        assertEquals(new BigDecimal("2.25"), aivideoapi.get("outputPerMillionUsd").decimalValue());
        assertArithmetic(json, aivideoapi, "0.285", "2.25");
        // 200 credits per dollar, exactly.
        assertEquals(0, aivideoapi.get("estimatedUsd").decimalValue().multiply(new BigDecimal(200))
                .compareTo(aivideoapi.get("credits").decimalValue()), aivideoapi.toString());

        JsonNode google = json.get("quotes").get(1);
        assertFalse(google.has("reference"), "google is a provider like the others; no quote is marked apart");
        assertTrue(google.get("priceKnown").asBoolean());
        assertEquals(new BigDecimal("1.25"), google.get("inputPerMillionUsd").decimalValue());
        assertEquals(new BigDecimal("10"), google.get("outputPerMillionUsd").decimalValue());
        assertArithmetic(json, google, "1.25", "10");
        assertTrue(google.get("credits").isNull());

        JsonNode acedata = json.get("quotes").get(2);
        assertFalse(acedata.get("priceKnown").asBoolean());
        for (String amount : List.of("inputPerMillionUsd", "outputPerMillionUsd", "estimatedUsd", "estimatedUsdLow",
                "estimatedUsdHigh", "credits")) {
            assertTrue(acedata.get(amount).isNull(), amount + " must be null for an unknown price: " + acedata);
        }
        assertTrue(acedata.get("note").asText().contains("no price known for acedata:gemini-2.5-pro"), acedata.toString());
        assertTrue(aivideoapi.get("source").asText().startsWith("aivideoapi Gemini 2.5 Pro API docs"), aivideoapi.toString());
        assertEquals("2026-11-22", aivideoapi.get("asOf").asText());
        assertTrue(google.get("source").asText().contains("ai.google.dev/gemini-api/docs/pricing"), google.toString());
        assertTrue(acedata.get("source").isNull() && acedata.get("asOf").isNull(), acedata.toString());
        assertEquals(0, json.get("unservable").size());
        assertTrue(json.get("unknowns").isArray());
        assertFalse(result.out().contains("E-"), "decimals are written in plain notation: " + result.out());
        assertEquals("", result.err());
    }

    @Test
    void aPriceFileGivenWithThePricesOptionMovesAcedataFirst(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("prices.json"), OVERRIDE);

        JsonNode json = Cli.run("compare", "--json", "--prices", file.toString(), "--model", "gemini-2.5-pro", PROMPT)
                .assertExit(0).json();

        assertAcedataFirstAtTheContractPrice(json);
    }

    @Test
    void aPriceFileNamedByJunctionPricesMovesAcedataFirst(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("prices.json"), OVERRIDE);

        JsonNode json = Cli.run(Map.of("JUNCTION_PRICES", file.toString()), "compare", "--json", "--model", "gemini-2.5-pro", PROMPT)
                .assertExit(0).json();

        assertAcedataFirstAtTheContractPrice(json);
    }

    @Test
    void anInvalidPriceFileExitsTwoNamingTheEntryAndTheField(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("prices.json"), OVERRIDE.replace("\"0.10\"", "\"cheap\""));

        Cli.Result result = Cli.run("compare", "--prices", file.toString(), "--model", "gemini-2.5-pro", PROMPT).assertExit(2);

        assertEquals("", result.out());
        assertTrue(result.err().startsWith("error: CONFIGURATION: price file " + file), result.err());
        assertTrue(result.err().contains("prices[0] (acedata gemini-2.5-pro): inputPerMillion must be a decimal number"),
                result.err());
    }

    @Test
    void anInvalidPriceFileWithJsonPrintsTheErrorDocument(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("prices.json"), OVERRIDE.replace("\"currency\":\"USD\",", ""));

        JsonNode error = Cli.run(Map.of("JUNCTION_PRICES", file.toString()), "compare", "--json", "--model", "gemini-2.5-pro", PROMPT)
                .assertExit(2).json().get("error");

        assertEquals("CONFIGURATION", error.get("kind").asText());
        assertTrue(error.get("message").asText().contains("prices[0] (acedata gemini-2.5-pro): currency is required"),
                error.toString());
    }

    @Test
    void aMissingPriceFileExitsTwo(@TempDir Path dir) {
        Cli.Result result = Cli.run("compare", "--prices", dir.resolve("nope.json").toString(), "--model", "gemini-2.5-pro", PROMPT)
                .assertExit(2);

        assertTrue(result.err().contains("does not exist"), result.err());
    }

    @Test
    void specsQuoteOnlyTheirProvidersAndVendorNamesCountAsTheCanonicalModel() {
        JsonNode json = Cli.run("compare", "--json", "-p", "acedata:gemini-3.0-pro", "-p", "aivideoapi:gemini-3-pro", PROMPT)
                .assertExit(0).json();

        assertEquals("gemini-3-pro", json.get("model").asText());
        assertEquals(List.of("aivideoapi", "acedata"), providers(json));
        assertEquals("gemini-3.0-pro", json.get("quotes").get(1).get("vendorModel").asText());
        assertArithmetic(json, json.get("quotes").get(0), "0.80", "4.80");
    }

    @Test
    void aSpecWithoutAModelTakesTheOtherSpecsModel() {
        JsonNode json = Cli.run("compare", "--json", "-p", "aivideoapi", "-p", "google:gemini-2.5-pro", PROMPT)
                .assertExit(0).json();

        assertEquals("gemini-2.5-pro", json.get("model").asText());
        assertEquals(List.of("aivideoapi", "google"), providers(json));
    }

    @Test
    void specsNamingDifferentModelsExitTwo() {
        Cli.Result result = Cli.run("compare", "-p", "acedata:gemini-2.5-pro", "-p", "aivideoapi:gemini-3-pro", PROMPT)
                .assertExit(2);

        assertEquals("", result.out());
        assertTrue(result.err().startsWith("error: INVALID_REQUEST: compare quotes one model, but the -p specs name 2:"
                + " acedata:gemini-2.5-pro is gemini-2.5-pro, aivideoapi:gemini-3-pro is gemini-3-pro"), result.err());
    }

    @Test
    void noModelAnywhereExitsTwoSayingWhatToAdd() {
        Cli.Result result = Cli.run("compare", "-p", "acedata", PROMPT).assertExit(2);

        assertTrue(result.err().contains("compare needs a model"), result.err());
        assertTrue(result.err().contains("hint: add --model gemini-2.5-pro, or a model to a -p spec"), result.err());
    }

    @Test
    void anUnknownProviderExitsTwo() {
        Cli.Result result = Cli.run("compare", "-p", "nope:gemini-2.5-pro", PROMPT).assertExit(2);

        assertTrue(result.err().startsWith("error: CONFIGURATION"), result.err());
        assertTrue(result.err().contains("nope"), result.err());
    }

    @Test
    void aModelNobodyOffersExitsTwoListingTheKnownModels() {
        Cli.Result result = Cli.run("compare", "--model", "gemini-9-ultra", PROMPT).assertExit(2);

        assertTrue(result.err().startsWith("error: MODEL_NOT_FOUND"), result.err());
        assertTrue(result.err().contains("gemini-9-ultra"), result.err());
        assertTrue(result.err().contains("hint: known models: ") && result.err().contains("gemini-2.5-pro"), result.err());
        assertTrue(result.out().isEmpty(), result.out());
    }

    @Test
    void outputTokensAndHighReasoningChangeTheAssumedOutput() {
        JsonNode json = Cli.run("compare", "--json", "--output-tokens", "5000", "--reasoning", "low", "--model", "gemini-2.5-pro", PROMPT)
                .assertExit(0).json();
        assertEquals(5000, json.get("outputTokens").asLong(), "low effort drops the reasoning allowance");
        assertArithmetic(json, json.get("quotes").get(0), "0.285", "2.25");

        JsonNode reasoning = Cli.run("compare", "--json", "--reasoning", "high", "--model", "gemini-2.5-pro", PROMPT)
                .assertExit(0).json();
        assertEquals(3000, reasoning.get("outputTokens").asLong());
        assertTrue(reasoning.get("outputAssumption").asText().contains("2,000 reasoning allowance (high effort)"), reasoning.toString());
    }

    @Test
    void theTableShowsTheEstimateThenTheQuotesInRankOrder() {
        Cli.Result result = Cli.run("compare", "--model", "gemini-2.5-pro", PROMPT).assertExit(0);

        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).startsWith("gemini-2.5-pro · input ≈ "), lines.get(0));
        assertTrue(lines.get(0).contains(" · output tokens 1,000 (assumed"), lines.get(0));
        assertTrue(lines.get(1).startsWith("PROVIDER"), lines.get(1));
        assertTrue(lines.get(1).contains("EXPECTED $"), lines.get(1));
        assertTrue(lines.get(2).startsWith("aivideoapi "), lines.get(2));
        assertTrue(lines.get(2).contains(" 0.285 ") && lines.get(2).contains(" 2.25 "), lines.get(2));
        assertTrue(lines.get(3).startsWith("google "), lines.get(3));
        assertTrue(lines.get(4).startsWith("acedata "), lines.get(4));
        assertTrue(lines.get(4).contains("price unknown"), lines.get(4));
        assertTrue(lines.get(4).contains("no price known for acedata:gemini-2.5-pro"), lines.get(4));
        assertTrue(lines.get(4).contains(" — "), lines.get(4));
        assertTrue(lines.get(5).startsWith("price: aivideoapi gemini-2.5-pro from aivideoapi Gemini 2.5 Pro API docs")
                && lines.get(5).endsWith("(as of 2026-11-22)"), lines.get(5));
        assertTrue(lines.get(6).startsWith("price: google gemini-2.5-pro from Google Gemini API pricing"), lines.get(6));
        assertEquals(7, lines.size(), result.out());
    }

    @Test
    void theTableShowsTheExpectedCostExactly() {
        JsonNode json = Cli.run("compare", "--json", "--model", "gemini-2.5-pro", PROMPT).assertExit(0).json();
        Cli.Result table = Cli.run("compare", "--model", "gemini-2.5-pro", PROMPT).assertExit(0);

        String expected = json.get("quotes").get(0).get("estimatedUsd").decimalValue().toPlainString();
        assertTrue(table.out().lines().toList().get(2).contains(" " + expected + " "), table.out());
    }

    @Test
    void aProviderThatCannotTakeTheAttachmentIsListedAsNotServable(@TempDir Path dir) throws IOException {
        Path pdf = Files.writeString(dir.resolve("report.pdf"), "%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n");

        JsonNode json = Cli.run("compare", "--json", "--model", "gemini-2.5-pro", "--attach", pdf.toString(), "总结")
                .assertExit(0).json();
        Cli.Result table = Cli.run("compare", "--model", "gemini-2.5-pro", "--attach", pdf.toString(), "总结").assertExit(0);

        // Neither acedata nor google declares PDF_INPUT for gemini-2.5-pro; google is checked like any provider.
        assertEquals(List.of("aivideoapi"), providers(json));
        assertEquals(2, json.get("unservable").size(), json.toString());
        for (int i = 0; i < 2; i++) {
            JsonNode unservable = json.get("unservable").get(i);
            String provider = List.of("acedata", "google").get(i);
            assertEquals(provider, unservable.get("provider").asText());
            assertEquals("gemini-2.5-pro", unservable.get("vendorModel").asText());
            assertTrue(unservable.get("reason").asText().contains("application/pdf"), unservable.toString());
            assertTrue(table.out().contains(System.lineSeparator() + "not servable: " + provider + " (gemini-2.5-pro): "),
                    table.out());
        }
    }

    @Test
    void aMissingAttachmentExitsTwo(@TempDir Path dir) {
        Cli.Result result = Cli.run("compare", "--model", "gemini-2.5-pro", "--attach", dir.resolve("nope.png").toString(), "hi")
                .assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: --attach "), result.err());
    }

    private static void assertAcedataFirstAtTheContractPrice(JsonNode json) {
        assertEquals("acedata", json.get("quotes").get(0).get("provider").asText(), json.toString());
        JsonNode acedata = json.get("quotes").get(0);
        assertTrue(acedata.get("priceKnown").asBoolean());
        assertEquals(new BigDecimal("0.1"), acedata.get("inputPerMillionUsd").decimalValue());
        assertEquals(new BigDecimal("1"), acedata.get("outputPerMillionUsd").decimalValue());
        assertArithmetic(json, acedata, "0.10", "1.00");
        assertTrue(acedata.get("credits").isNull());
        assertEquals(List.of("acedata", "aivideoapi", "google"), providers(json));
    }

    /**
     * Expected, low and high recomputed exactly from the documented prices: input tokens × input
     * price + output tokens × output price, per million.
     */
    private static void assertArithmetic(JsonNode json, JsonNode quote, String inputPrice, String outputPrice) {
        BigDecimal in = new BigDecimal(inputPrice);
        BigDecimal out = new BigDecimal(outputPrice);
        BigDecimal output = BigDecimal.valueOf(json.get("outputTokens").asLong()).multiply(out);
        for (String[] pair : new String[][] {{"inputTokensEstimate", "estimatedUsd"}, {"inputTokensLow", "estimatedUsdLow"},
                {"inputTokensHigh", "estimatedUsdHigh"}}) {
            BigDecimal want = BigDecimal.valueOf(json.get(pair[0]).asLong()).multiply(in).add(output).divide(MILLION);
            assertEquals(0, want.compareTo(quote.get(pair[1]).decimalValue()),
                    pair[1] + ": want " + want.toPlainString() + " in " + quote);
        }
        BigDecimal low = quote.get("estimatedUsdLow").decimalValue();
        BigDecimal expected = quote.get("estimatedUsd").decimalValue();
        BigDecimal high = quote.get("estimatedUsdHigh").decimalValue();
        assertTrue(low.compareTo(expected) <= 0 && expected.compareTo(high) <= 0, quote.toString());
    }

    private static List<String> providers(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.get("quotes").forEach(q -> ids.add(q.get("provider").asText()));
        return ids;
    }
}
