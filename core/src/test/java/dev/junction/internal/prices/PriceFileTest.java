package dev.junction.internal.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.Junction;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.TestVendorFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * User price files: merged over the built-in rows, from the builder or {@code JUNCTION_PRICES},
 * and every invalid entry refused with the entry and field named.
 */
class PriceFileTest {
    /** testvendor prices gemini-2.5-pro at 0.80/4.80 and does not price gemini-3-pro-image. */
    private static final String OVERRIDE = """
            {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"0.10",
            "outputPerMillion":"1.00","source":"my contract","asOf":"2026-11-01"}]}""";

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, json);
        return file;
    }

    private static Junction.Builder builder() {
        return Junction.builder().factories(List.of(new TestVendorFactory())).environment(name -> null);
    }

    @Test
    void aRowInTheFileReplacesTheBuiltInOne() throws IOException {
        try (Junction junction = builder().pricesFile(file(OVERRIDE)).build()) {
            Price row = junction.prices().find("testvendor", "gemini-2.5-pro").orElseThrow();
            assertEquals(new BigDecimal("0.10"), row.inputPerMillion());
            assertEquals(new BigDecimal("1.00"), row.outputPerMillion());
            assertEquals("my contract", row.source());
            assertEquals(LocalDate.of(2026, 11, 1), row.asOf());
            assertEquals("gemini-2.5-pro", row.vendorModel(), "completed from the provider's catalog");
            assertEquals(null, row.creditsPerUsd(), "a replaced row is replaced whole, not merged field by field");
        }
    }

    @Test
    void aRowForAModelWithoutAPriceAddsOneWithTheVendorsName() throws IOException {
        try (Junction junction = builder().pricesFile(file("""
                {"prices":[{"provider":"testvendor","model":"gemini-3-pro-image","currency":"USD","inputPerMillion":1,
                "outputPerMillion":30,"imageOutputPerMillion":"30","tiers":[{"aboveInputTokens":200000,"inputPerMillion":2,
                "outputPerMillion":60}]}]}""")).build()) {
            Price row = junction.prices().find("testvendor", "gemini-3-pro-image").orElseThrow();
            assertEquals("google/gemini-3-pro-image-preview", row.vendorModel());
            assertEquals(0, new BigDecimal("30").compareTo(row.rates().imageOutputPerMillion()));
            assertEquals(200_000, row.tiers().get(0).aboveInputTokens());
            assertTrue(row.source().startsWith("price file "), "a row without a source is traced to its file: " + row.source());
        }
    }

    @Test
    void theEnvironmentVariableNamesTheFile() throws IOException {
        Path file = file(OVERRIDE);
        try (Junction junction = builder().environment(Map.of("JUNCTION_PRICES", file.toString())::get).build()) {
            assertEquals(new BigDecimal("0.10"), junction.prices().find("testvendor", "gemini-2.5-pro").orElseThrow().inputPerMillion());
        }
    }

    @Test
    void theBuilderFileWinsOverTheEnvironmentAndCodeRowsWinOverBoth() throws IOException {
        Path file = file(OVERRIDE);
        Price inCode = new Price("testvendor", null, "gemini-2.5-pro", "USD", new BigDecimal("0.05"), BigDecimal.ONE, null, "code", null);
        try (Junction junction = builder().environment(Map.of("JUNCTION_PRICES", "/does/not/exist.json")::get)
                .pricesFile(file).build()) {
            assertEquals(new BigDecimal("0.10"), junction.prices().find("testvendor", "gemini-2.5-pro").orElseThrow().inputPerMillion());
        }
        try (Junction junction = builder().pricesFile(file).price(inCode).build()) {
            assertEquals(new BigDecimal("0.05"), junction.prices().find("testvendor", "gemini-2.5-pro").orElseThrow().inputPerMillion());
        }
    }

    @Test
    void coreShipsNoGooglePrices() throws IOException {
        try (Junction junction = builder().build()) {
            assertTrue(junction.prices().find("google", "gemini-2.5-pro").isEmpty(), "Google's list prices are provider-google's rows");
        }
        JunctionException e = assertThrows(JunctionException.class, () -> builder().pricesFile(file("""
                {"prices":[{"provider":"google","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"8"}]}""")).build());
        assertTrue(e.getMessage().contains("provider \"google\" is unknown"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative price       | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"-0.10","outputPerMillion":"1"}]} | prices[0] (testvendor gemini-2.5-pro): inputPerMillion must not be negative, got -0.10
            non-numeric price    | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"0.10","outputPerMillion":"cheap"}]} | prices[0] (testvendor gemini-2.5-pro): outputPerMillion must be a decimal number
            boolean price        | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":true,"outputPerMillion":"1"}]} | inputPerMillion must be a decimal number
            missing price        | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1"}]} | prices[0] (testvendor gemini-2.5-pro): outputPerMillion is required
            unknown field        | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"1","inputPerMilion":"2"}]} | prices[0] (testvendor gemini-2.5-pro): unknown field "inputPerMilion"
            unknown provider     | {"prices":[{"provider":"acedta","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"1"}]} | prices[0] (acedta gemini-2.5-pro): provider "acedta" is unknown; known providers: testvendor
            missing provider     | {"prices":[{"model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"1"}]} | prices[0] (gemini-2.5-pro): provider is required
            vendor name as model | {"prices":[{"provider":"testvendor","model":"google/gemini-3-pro-image-preview","currency":"USD","inputPerMillion":"1","outputPerMillion":"1"}]} | use the canonical id "gemini-3-pro-image"
            other currency       | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"CNY","inputPerMillion":"1","outputPerMillion":"1"}]} | currency must be "USD", got "CNY"
            zero credit rate     | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"1","creditsPerUsd":"0"}]} | creditsPerUsd must be positive
            bad date             | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"1","asOf":"1/11/2026"}]} | asOf must be a date such as "2026-11-01", got "1/11/2026"
            repeated row         | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"1"},{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"2","outputPerMillion":"2"}]} | prices[1] (testvendor gemini-2.5-pro): repeats prices[0]
            bad tier threshold   | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"1","tiers":[{"aboveInputTokens":-5,"inputPerMillion":"2","outputPerMillion":"2"}]}]} | prices[0] (testvendor gemini-2.5-pro) tiers[0]: aboveInputTokens must be a positive whole number
            unknown tier field   | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"1","tiers":[{"aboveInputTokens":5,"inputPerMillion":"2","outputPerMillion":"2","source":"x"}]}]} | tiers[0]: unknown field "source"
            negative tier price  | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"1","tiers":[{"aboveInputTokens":5,"inputPerMillion":"-2","outputPerMillion":"2"}]}]} | tiers[0]: inputPerMillion must not be negative
            repeated tier        | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"1","tiers":[{"aboveInputTokens":5,"inputPerMillion":"2","outputPerMillion":"2"},{"aboveInputTokens":5,"inputPerMillion":"3","outputPerMillion":"3"}]}]} | tiers[1]: aboveInputTokens 5 appears in two tiers
            huge tier threshold  | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"1","tiers":[{"aboveInputTokens":18446744073709551617,"inputPerMillion":"2","outputPerMillion":"2"}]}]} | aboveInputTokens must be a positive whole number of input tokens such as 200000, got 18446744073709551617
            fractional threshold | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1","outputPerMillion":"1","tiers":[{"aboveInputTokens":2.5,"inputPerMillion":"2","outputPerMillion":"2"}]}]} | aboveInputTokens must be a positive whole number
            absurd exponent      | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"1e-999999999","outputPerMillion":"1"}]} | inputPerMillion has too many digits
            model typo           | {"prices":[{"provider":"testvendor","model":"gemini-2.5-pr","currency":"USD","inputPerMillion":"1","outputPerMillion":"1"}]} | model "gemini-2.5-pr" is not in testvendor's catalog (gemini-2.5-pro, gemini-3-pro-image); fix the id, or give vendorModel too
            entry not an object  | {"prices":["testvendor"]} | prices[0]: must be an object
            prices not an array  | {"prices":{"provider":"testvendor"}} | prices: must be an array
            no prices field      | {} | has no "prices" array
            unknown top field    | {"prices":[],"price":[]} | unknown field "price"
            not an object        | [1,2] | must be a JSON object
            invalid JSON         | {"prices":[ | is not valid JSON
            trailing garbage     | {"prices":[]} x | is not valid JSON
            """)
    void refusesAnInvalidFileNamingTheEntryAndField(String name, String json, String expected) throws IOException {
        Path file = file(json);
        JunctionException e = assertThrows(JunctionException.class, () -> builder().pricesFile(file).build());
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected [" + expected + "] in: " + e.getMessage());
        assertTrue(e.hint().isPresent(), "says what to do next");
    }

    @Test
    void aModelTheCatalogLacksCanBePricedWithItsVendorNameAndAStringThreshold() throws IOException {
        try (Junction junction = builder().pricesFile(file("""
                {"prices":[{"provider":"testvendor","model":"gemini-2.5-flash","vendorModel":"gemini-2.5-flash","currency":"USD",
                "inputPerMillion":"0.3","outputPerMillion":"2.5","tiers":[{"aboveInputTokens":"200000","inputPerMillion":"0.6",
                "outputPerMillion":"5"}]}]}"""), "--prices").build()) {
            Price row = junction.prices().find("testvendor", "gemini-2.5-flash").orElseThrow();
            assertEquals(200_000, row.tiers().get(0).aboveInputTokens());
            assertTrue(row.source().contains("prices.json"), row.source());
        }
    }

    @Test
    void messagesSayHowTheFileWasNamed() throws IOException {
        Path file = file("{\"prices\":[{\"provider\":\"x\"}]}");
        JunctionException e = assertThrows(JunctionException.class, () -> builder().pricesFile(file, "--prices").build());
        assertTrue(e.getMessage().contains("(--prices)"), e.getMessage());
    }

    @Test
    void codeRowsPassTheSameNameChecksAndGetTheVendorsName() {
        Price byVendorName = new Price("testvendor", null, "google/gemini-3-pro-image-preview", "USD", BigDecimal.ONE, BigDecimal.ONE,
                null, "code", null);
        JunctionException e = assertThrows(JunctionException.class, () -> builder().price(byVendorName).build());
        assertTrue(e.getMessage().contains("use the canonical id \"gemini-3-pro-image\""), e.getMessage());
        Price canonical = new Price("testvendor", null, "gemini-3-pro-image", "USD", BigDecimal.ONE, BigDecimal.ONE, null, "code", null);
        try (Junction junction = builder().price(canonical).build()) {
            assertEquals("google/gemini-3-pro-image-preview",
                    junction.prices().find("testvendor", "gemini-3-pro-image").orElseThrow().vendorModel());
        }
    }

    @Test
    void aMissingFileNamesHowItWasNamed() {
        JunctionException e = assertThrows(JunctionException.class, () -> builder()
                .environment(Map.of("JUNCTION_PRICES", dir.resolve("nope.json").toString())::get).build());
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("nope.json") && e.getMessage().contains("JUNCTION_PRICES") && e.getMessage().contains("does not exist"),
                e.getMessage());
    }

    @Test
    void aDirectoryIsNamedAsOne() {
        JunctionException e = assertThrows(JunctionException.class, () -> builder().pricesFile(dir, "--prices").build());
        assertTrue(e.getMessage().contains("is a directory, not a price file"), e.getMessage());
    }

    @Test
    void aDeviceThatNeverEndsIsCutAtTheCap() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "needs /dev/zero");
        JunctionException e = assertThrows(JunctionException.class, () -> builder().pricesFile(zero, "--prices").build());
        assertTrue(e.getMessage().contains("larger than 4 MiB"), e.getMessage());
    }

    @Test
    void anOversizedFileIsRefused() throws IOException {
        Path file = dir.resolve("big.json");
        Files.write(file, new byte[(int) PriceFiles.MAX_BYTES + 1]);
        JunctionException e = assertThrows(JunctionException.class, () -> builder().pricesFile(file).build());
        assertTrue(e.getMessage().contains("larger than 4 MiB"), e.getMessage());
    }

    @Test
    void aCodeRowForAnUnknownProviderFailsTheBuild() {
        Price stray = new Price("nobody", null, "gemini-2.5-pro", "USD", BigDecimal.ONE, BigDecimal.ONE, null, "code", null);
        JunctionException e = assertThrows(JunctionException.class, () -> builder().price(stray).build());
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("\"nobody\" is unknown"), e.getMessage());
    }

    @Test
    void anEmptyEnvironmentVariableIsIgnored() {
        try (Junction junction = builder().environment(Map.of("JUNCTION_PRICES", " ")::get).build()) {
            assertEquals(new BigDecimal("0.80"), junction.prices().find("testvendor", "gemini-2.5-pro").orElseThrow().inputPerMillion());
        }
    }
}
