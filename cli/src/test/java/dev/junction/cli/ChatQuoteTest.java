package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code chat} shows the cost the quote expected next to the actual one; the expected figure is compare's. */
class ChatQuoteTest {
    private static final String PROMPT = "用简单的语言解释相对论";

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static void reply(String path, String fixture) {
        vendor.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture(fixture))));
    }

    /** compare's whole document for the prompt at aivideoapi. */
    private static JsonNode comparedDocument(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("compare", "--json", "-p", "aivideoapi:gemini-3-pro"));
        args.addAll(List.of(extra));
        args.add(PROMPT);
        return Cli.run(args.toArray(String[]::new)).assertExit(0).json();
    }

    /** What compare expects for the prompt at aivideoapi, as printed. */
    private static JsonNode compared(String... extra) {
        return comparedDocument(extra).get("quotes").get(0);
    }

    @Test
    void theUsageLineShowsTheExpectedCostCompareQuotes() {
        reply("/v1/chat/completions", "aivideoapi-gemini-3-pro-reply.json");
        JsonNode compared = comparedDocument();
        // Pinned, so chat and compare cannot be wrong together: the estimator puts the prompt at 14 tokens (compare's
        // inputTokensEstimate), and gemini-3-pro reasons by default, so 1,000 visible + 2,000 reasoning tokens are
        // assumed: (14 × $0.80 + 3,000 × $4.80) / 1,000,000 = $0.0144112, the documented prices, nothing rounded.
        assertEquals(14, compared.get("inputTokensEstimate").asLong());
        assertEquals(3000, compared.get("outputTokens").asLong());
        assertEquals(new BigDecimal("0.0144112"), compared.get("quotes").get(0).get("estimatedUsd").decimalValue());

        Cli.Result result = Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"), PROMPT).assertExit(0);

        assertEquals("aivideoapi:gemini-3-pro · 12 input + 86 output tokens (98 total) · $0.0004224 (0.08448 credits)"
                + " · quoted $0.0144112 expected" + System.lineSeparator(), result.err());
        WireSpec.assertNoKey(result);
    }

    @Test
    void jsonCarriesTheQuoteRange() {
        reply("/v1/chat/completions", "aivideoapi-gemini-3-pro-reply.json");
        JsonNode want = compared();

        JsonNode quote = Cli.run("chat", "--json", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"), PROMPT).assertExit(0)
                .json().get("quote");

        assertTrue(quote.get("priceKnown").asBoolean(), quote.toString());
        for (String field : List.of("estimatedUsd", "estimatedUsdLow", "estimatedUsdHigh")) {
            assertEquals(want.get(field).decimalValue(), quote.get(field).decimalValue(), field);
        }
    }

    @Test
    void streamedNdjsonCarriesTheQuoteRightAfterStart() {
        ChatStreamTest.stream(vendor, "/v1/chat/completions", Cli.fixture("aivideoapi-gemini-2.5-pro-stream.txt"));
        JsonNode want = Cli.run("compare", "--json", "-p", "aivideoapi:gemini-2.5-pro", PROMPT).assertExit(0).json()
                .get("quotes").get(0);

        Cli.Result result = Cli.run("chat", "--stream", "--json", "-p", WireSpec.aivideoapi(vendor, "gemini-2.5-pro"), PROMPT)
                .assertExit(0);

        List<JsonNode> lines = result.jsonLines();
        assertEquals("start", lines.get(0).get("type").asText());
        JsonNode quote = lines.get(1);
        assertEquals("quote", quote.get("type").asText(), result.out());
        assertTrue(quote.get("priceKnown").asBoolean());
        assertEquals(want.get("estimatedUsd").decimalValue(), quote.get("estimatedUsd").decimalValue());
        assertEquals(1, lines.stream().filter(l -> l.get("type").asText().equals("quote")).count());
        assertTrue(result.err().contains(" · quoted $" + want.get("estimatedUsd").decimalValue().toPlainString() + " expected"),
                result.err());
    }

    @Test
    void theModelOptionAndHighReasoningArePricedLikeCompare() {
        reply("/v1/chat/completions", "aivideoapi-gemini-3-pro-reply.json");
        JsonNode want = compared("--reasoning", "high");

        JsonNode quote = Cli.run("chat", "--json", "--reasoning", "high", "-p",
                "aivideoapi?apiKey=" + WireSpec.CANARY + "&baseUrl=http://localhost:" + vendor.getPort() + "/v1",
                "-m", "gemini-3-pro", PROMPT).assertExit(0).json().get("quote");

        assertEquals(want.get("estimatedUsd").decimalValue(), quote.get("estimatedUsd").decimalValue());
    }

    @Test
    void anUnknownPriceIsSaidAndIsNullInJson() {
        reply("/gemini/chat/completions", "acedata-what-model-reply.json");

        Cli.Result text = Cli.run("chat", "-p", WireSpec.acedata(vendor, "gemini-2.5-pro"), "hi").assertExit(0);
        JsonNode quote = Cli.run("chat", "--json", "-p", WireSpec.acedata(vendor, "gemini-2.5-pro"), "hi").assertExit(0)
                .json().get("quote");

        assertTrue(text.err().lines().toList().get(1).endsWith(" · cost unknown · quote: price unknown"), text.err());
        assertFalse(quote.get("priceKnown").asBoolean());
        assertTrue(quote.get("estimatedUsd").isNull());
        assertTrue(quote.get("estimatedUsdLow").isNull());
        assertTrue(quote.get("estimatedUsdHigh").isNull());
    }

    @Test
    void aPriceFileGivesTheQuoteAndTheActualCostAPrice(@TempDir Path dir) throws IOException {
        reply("/gemini/chat/completions", "acedata-what-model-reply.json");
        Path file = Files.writeString(dir.resolve("prices.json"), "{\"prices\":[{\"provider\":\"acedata\",\"model\":\"gemini-2.5-pro\","
                + "\"currency\":\"USD\",\"inputPerMillion\":\"0.10\",\"outputPerMillion\":\"1.00\",\"source\":\"my contract\"}]}");

        JsonNode json = Cli.run("chat", "--json", "--prices", file.toString(), "-p", WireSpec.acedata(vendor, "gemini-2.5-pro"), "hi")
                .assertExit(0).json();

        // 8 input × $0.10 + 932 output × $1.00, per million.
        assertEquals(new BigDecimal("0.0009328"), json.get("cost").get("usd").decimalValue());
        assertTrue(json.get("quote").get("priceKnown").asBoolean(), json.get("quote").toString());
        assertTrue(json.get("quote").get("estimatedUsd").decimalValue().signum() > 0);
    }

    @Test
    void anInvalidPriceFileStopsChatBeforeSending(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("prices.json"), "{\"prices\":[{\"provider\":\"acedata\"}]}");

        Cli.Result result = Cli.run("chat", "--prices", file.toString(), "-p", WireSpec.acedata(vendor, "gemini-2.5-pro"), "hi")
                .assertExit(2);

        assertTrue(result.err().startsWith("error: CONFIGURATION: price file "), result.err());
        assertEquals(0, vendor.getAllServeEvents().size());
    }
}
