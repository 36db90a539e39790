package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.quote.QuoteOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code junction compare}'s arguments: the --output-tokens range, what a -p spec may hold, the
 * prompt (words, --prompt-file, standard input) and a request no provider can serve.
 */
class CompareInputTest {
    private static final String PROMPT = "用简单的语言解释量子计算";

    @ParameterizedTest
    @ValueSource(strings = {"-5", "0", "10000001", "9223372036854775807"})
    void outputTokensOutsideTheRangeExitTwoSayingTheRange(String tokens) {
        Cli.Result result = Cli.run("compare", "--output-tokens", tokens, "--model", "gemini-2.5-pro", PROMPT).assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: --output-tokens must be between 1 and 10,000,000 tokens,"
                + " got " + tokens + System.lineSeparator()), result.err());
        assertFalse(result.err().contains("Exception"), "no stack trace: " + result.err());
        assertEquals("", result.out());
    }

    @Test
    void theLargestOutputTokensIsAccepted() {
        JsonNode json = Cli.run("compare", "--json", "--output-tokens", "10000000", "--reasoning", "low", "--model",
                "gemini-2.5-pro", PROMPT).assertExit(0).json();

        assertEquals(QuoteOptions.MAX_TOKENS, json.get("outputTokens").asLong());
    }

    @Test
    void outputTokensThatIsNoNumberIsAUsageError() {
        Cli.Result result = Cli.run("compare", "--output-tokens", "abc", "--model", "gemini-2.5-pro", PROMPT).assertExit(2);

        assertTrue(result.err().contains("Invalid value for option '--output-tokens': 'abc'"), result.err());
    }

    @Test
    void theHelpStatesWhenTheReasoningAllowanceIsAdded() {
        String help = Cli.run("compare", "--help").assertExit(0).out().replaceAll("\\s+", " ");

        assertTrue(help.contains(String.format(Locale.ROOT, "Visible output tokens to assume (default %d); a %,d-token reasoning"
                + " allowance is added for models that reason by default or with --reasoning medium or high, not with"
                + " --reasoning minimal or low."
                + " 1 to %,d.", QuoteOptions.DEFAULT_OUTPUT_TOKENS, QuoteOptions.DEFAULT_REASONING_ALLOWANCE,
                QuoteOptions.MAX_TOKENS)), help);
    }

    @Test
    void aSpecsKeyBaseUrlAndTimeoutAreIgnored() {
        Cli.Result result = Cli.run("compare", "--json", "-p",
                "aivideoapi:gemini-3-pro?apiKey=" + WireSpec.CANARY + "&baseUrl=::garbage&timeout=soon", PROMPT).assertExit(0);

        WireSpec.assertNoKey(result);
        assertEquals("gemini-3-pro", result.json().get("model").asText());
        assertEquals("aivideoapi", result.json().get("quotes").get(0).get("provider").asText());
        assertEquals(1, result.json().get("quotes").size(), result.out());
    }

    @Test
    void anotherVendorsBadEnvironmentDoesNotStopASpec() {
        JsonNode json = Cli.run(Map.of("ACEDATA_BASE_URL", "::garbage"), "compare", "--json", "-p", "aivideoapi:gemini-3-pro", PROMPT)
                .assertExit(0).json();

        assertEquals("aivideoapi", json.get("quotes").get(0).get("provider").asText());
        assertEquals(0, json.get("unservable").size(), json.toString());
    }

    @Test
    void aVendorNameAtGoogleCountsAsTheCanonicalModel() {
        JsonNode json = Cli.run("compare", "--json", "-p", "google:gemini-3-pro-preview", PROMPT).assertExit(0).json();

        assertEquals("gemini-3-pro", json.get("model").asText());
        assertEquals("google", json.get("quotes").get(0).get("provider").asText());
    }

    @Test
    void anUnknownProviderExitsTwoListingTheKnownOnesWithGoogle() {
        Cli.Result result = Cli.run("compare", "-p", "nope:gemini-2.5-pro", PROMPT).assertExit(2);

        assertTrue(result.err().startsWith("error: CONFIGURATION from nope: no provider or price row has the id 'nope'"), result.err());
        assertTrue(result.err().contains("hint: known providers: acedata, aivideoapi, google, yisu"), result.err());
    }

    @Test
    void noProviderToQuoteExitsTwoAfterTheReasons() {
        Cli.Result result = Cli.run("compare", "-p", "yisu", "-m", "gemini-2.5-pro", PROMPT).assertExit(2);

        assertTrue(result.out().contains("no provider can be quoted for this request"), result.out());
        assertTrue(result.out().contains("not servable: yisu (gemini-2.5-pro): yisu does not offer gemini-2.5-pro"), result.out());
        assertTrue(result.err().startsWith("error: INVALID_REQUEST: no provider can serve this gemini-2.5-pro request"), result.err());
        assertTrue(result.err().contains("hint: "), result.err());
    }

    @Test
    void noProviderToQuoteWithJsonStillPrintsTheDocument() {
        Cli.Result result = Cli.run("compare", "--json", "-p", "yisu", "-m", "gemini-2.5-pro", PROMPT).assertExit(2);

        JsonNode json = result.json();
        assertEquals(0, json.get("quotes").size());
        assertEquals("yisu", json.get("unservable").get(0).get("provider").asText());
        assertFalse(json.has("error"), json.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlankPromptExitsTwo(String blank) {
        Cli.Result result = Cli.run("compare", "-m", "gemini-2.5-pro", blank).assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: the prompt is empty"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void noPromptAtAllIsTheUsageErrorItWasBefore() {
        Cli.Result result = Cli.run("compare", "-m", "gemini-2.5-pro").assertExit(2);

        assertTrue(result.err().startsWith("Missing required parameter: 'PROMPT'"), result.err());
        assertTrue(result.err().contains("Usage: junction compare"), result.err());
    }

    @Test
    void aLargePromptFileIsEstimatedInFull(@TempDir Path dir) throws IOException {
        String sentence = "Quantum computers use qubits, which can hold a superposition of zero and one at once. ";
        Path file = Files.writeString(dir.resolve("long.txt"), sentence.repeat(1_000_000 / sentence.length() + 1));

        JsonNode json = Cli.run("compare", "--json", "-m", "gemini-2.5-pro", "--prompt-file", file.toString()).assertExit(0).json();
        JsonNode words = Cli.run("compare", "--json", "-m", "gemini-2.5-pro", sentence).assertExit(0).json();

        // A megabyte of English is some 250,000 tokens whatever the estimator's exact ratio.
        long estimate = json.get("inputTokensEstimate").asLong();
        assertTrue(estimate > 100_000 && estimate < 1_000_000, json.toString());
        assertTrue(estimate > 1000 * words.get("inputTokensEstimate").asLong(), json.toString());
    }

    @Test
    void dashReadsThePromptFromStandardInput() {
        JsonNode stdin = Cli.runWithStdin(PROMPT.getBytes(StandardCharsets.UTF_8), "compare", "--json", "-m", "gemini-2.5-pro",
                "--prompt-file", "-").assertExit(0).json();
        JsonNode words = Cli.run("compare", "--json", "-m", "gemini-2.5-pro", PROMPT).assertExit(0).json();

        assertEquals(words.get("inputTokensEstimate").asLong(), stdin.get("inputTokensEstimate").asLong());
        assertEquals(words.get("quotes").get(0).get("estimatedUsd").decimalValue(),
                stdin.get("quotes").get(0).get("estimatedUsd").decimalValue());
    }

    @Test
    void theFileFollowsThePromptWords(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("doc.txt"), "相对论分为狭义相对论和广义相对论。".repeat(50));

        long both = estimate(Cli.run("compare", "--json", "-m", "gemini-2.5-pro", "--prompt-file", file.toString(), "总结这份文件"));
        long fileOnly = estimate(Cli.run("compare", "--json", "-m", "gemini-2.5-pro", "--prompt-file", file.toString()));
        long wordsOnly = estimate(Cli.run("compare", "--json", "-m", "gemini-2.5-pro", "总结这份文件"));

        assertTrue(both > fileOnly && fileOnly > wordsOnly, both + " / " + fileOnly + " / " + wordsOnly);
    }

    @Test
    void aMissingPromptFileExitsTwoNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.txt");

        Cli.Result result = Cli.run("compare", "-m", "gemini-2.5-pro", "--prompt-file", missing.toString()).assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: --prompt-file " + missing + " does not exist"), result.err());
    }

    @Test
    void aPromptFileOverTheCapExitsTwo(@TempDir Path dir) throws IOException {
        Path big = Files.write(dir.resolve("big.txt"), new byte[PromptFile.MAX_BYTES + 1]);

        Cli.Result result = Cli.run("compare", "-m", "gemini-2.5-pro", "--prompt-file", big.toString()).assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: --prompt-file " + big + " is larger than 16 MiB"), result.err());
    }

    @Test
    void aPromptFileThatIsNoUtf8TextExitsTwo(@TempDir Path dir) throws IOException {
        Path binary = Files.write(dir.resolve("photo.txt"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});

        Cli.Result result = Cli.run("compare", "-m", "gemini-2.5-pro", "--prompt-file", binary.toString()).assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: --prompt-file " + binary + " is not UTF-8 text"), result.err());
    }

    private static long estimate(Cli.Result result) {
        return result.assertExit(0).json().get("inputTokensEstimate").asLong();
    }
}
