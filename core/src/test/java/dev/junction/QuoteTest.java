package dev.junction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.Part;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.chat.Tool;
import dev.junction.cost.Price;
import dev.junction.cost.PriceTier;
import dev.junction.cost.TokenRates;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.quote.Quote;
import dev.junction.quote.QuoteOptions;
import dev.junction.quote.Quotes;
import dev.junction.quote.TokenEstimate;
import dev.junction.spi.ProviderFactory;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quotes: priced per provider before sending, ranked cheapest first, unknown prices last, unservable ones listed. */
class QuoteTest {
    /** A fixed estimate, so the figures below can be worked out by hand. */
    private static final TokenEstimate ESTIMATE = new TokenEstimate(800, 1_000, 1_200, 0, List.of());

    private static ProviderFactory vendor(String id, String capabilities, String prices, String extra) {
        String json = """
                {"id":"%s","baseUrl":"https://%s.invalid","chatPath":"/chat/completions",
                 "models":[{"id":"gemini-2.5-pro","vendorModel":"%s-2.5","capabilities":[%s]}],
                 "prices":[%s]%s}""".formatted(id, id, id, capabilities, prices, extra);
        VendorProfile profile = VendorProfile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), id + ".json");
        return new OpenAiCompatibleFactory(profile, Dialect.OPENAI) { };
    }

    private static String price(String in, String out, String credits) {
        return "{\"model\":\"gemini-2.5-pro\",\"currency\":\"USD\",\"inputPerMillion\":\"" + in + "\",\"outputPerMillion\":\"" + out
                + "\"" + (credits == null ? "" : ",\"creditsPerUsd\":\"" + credits + "\"") + ",\"source\":\"test docs\"}";
    }

    private static final List<ProviderFactory> VENDORS = List.of(
            vendor("cheap", "\"TOOLS\",\"IMAGE_INPUT\"", price("0.285", "2.25", "200"), ""),
            vendor("dear", "\"IMAGE_INPUT\"", price("3", "20", null), ""),
            vendor("unpriced", "\"TOOLS\"", "", ",\"pricesNote\":\"unpriced's docs publish no prices\""),
            vendor("aaa-unpriced", "\"TOOLS\"", "", ""));

    private static Junction junction() {
        return Junction.builder().factories(VENDORS).environment(name -> null).tokenEstimator(request -> ESTIMATE).build();
    }

    private static ChatRequest request() {
        return ChatRequest.builder().model("gemini-2.5-pro").user("你好").build();
    }

    private static void assertExactly(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected).stripTrailingZeros(), actual.stripTrailingZeros(), actual.toPlainString());
    }

    @Test
    void ranksKnownPricesCheapestFirstAndUnknownOnesLast() {
        try (Junction junction = junction()) {
            Quotes quotes = junction.quote(request());
            assertEquals(List.of("cheap", "dear", "aaa-unpriced", "unpriced"),
                    quotes.quotes().stream().map(Quote::provider).toList());
            assertEquals("gemini-2.5-pro", quotes.model());
            assertEquals(1_000, quotes.outputTokens());
            Quote cheap = quotes.quotes().get(0);
            // 1,000 × 0.285 / 1e6 + 1,000 × 2.25 / 1e6; low and high move the input only.
            assertExactly("0.002535", cheap.usd().expected());
            assertExactly("0.002478", cheap.usd().low());
            assertExactly("0.002592", cheap.usd().high());
            assertExactly("0.507", cheap.credits().expected());
            assertEquals("cheap-2.5", cheap.vendorModel());
            assertEquals("test docs", cheap.price().source());
        }
    }

    @Test
    void anUnknownPriceIsSaidToBeUnknownNeverGuessed() {
        try (Junction junction = junction()) {
            Quote unpriced = junction.quote(request()).quotes().stream().filter(q -> q.provider().equals("unpriced")).findFirst().orElseThrow();
            assertFalse(unpriced.priceKnown());
            assertNull(unpriced.usd());
            assertNull(unpriced.credits());
            assertNull(unpriced.price());
            assertTrue(unpriced.unknownPriceReason().contains("unpriced's docs publish no prices"), unpriced.unknownPriceReason());
            assertTrue(unpriced.unknownPriceReason().contains("price file"), unpriced.unknownPriceReason());
        }
    }

    @Test
    void aPriceRowMovesAProviderIntoTheRanking() {
        Price contract = new Price("unpriced", null, "gemini-2.5-pro", "USD", new BigDecimal("0.10"), new BigDecimal("1.00"),
                null, "my contract", null);
        try (Junction junction = Junction.builder().factories(VENDORS).environment(name -> null).tokenEstimator(r -> ESTIMATE)
                .price(contract).build()) {
            Quote first = junction.quote(request()).quotes().get(0);
            assertEquals("unpriced", first.provider());
            assertExactly("0.0011", first.usd().expected());
            assertEquals("my contract", first.price().source());
        }
    }

    @Test
    void listsProvidersThatCannotServeTheRequestWithTheReason() {
        try (Junction junction = junction()) {
            ChatRequest withTool = request().toBuilder()
                    .tool(Tool.function("weather", "Weather", "{\"type\":\"object\"}"))
                    .build();
            Quotes quotes = junction.quote(withTool);
            assertEquals(List.of("dear"), quotes.unservable().stream().map(u -> u.provider()).toList());
            assertTrue(quotes.unservable().get(0).reason().contains("function tools"), quotes.unservable().get(0).reason());
            assertTrue(quotes.quotes().stream().noneMatch(q -> q.provider().equals("dear")));
        }
    }

    @Test
    void assumesTheDefaultOutputPlusAReasoningAllowanceForHighEffortAndCapsItAtTheMaximum() {
        try (Junction junction = junction()) {
            ChatRequest high = request().toBuilder().reasoning(ReasoningSettings.effort(ReasoningEffort.HIGH)).build();
            Quotes quotes = junction.quote(high, QuoteOptions.defaults().withReasoningAllowance(1_500));
            assertEquals(2_500, quotes.outputTokens());
            assertTrue(quotes.outputAssumption().contains("1,500 reasoning allowance (high effort)"), quotes.outputAssumption());
            // 1,000 × 0.285 / 1e6 + 2,500 × 2.25 / 1e6
            assertExactly("0.00591", quotes.quotes().get(0).usd().expected());
            Quotes capped = junction.quote(high.toBuilder().maxOutputTokens(500).build(), QuoteOptions.defaults().withReasoningAllowance(1_500));
            assertEquals(500, capped.outputTokens(), "Gemini counts thinking inside maxOutputTokens");
            assertTrue(capped.outputAssumption().contains("maxOutputTokens, of which 500 reasoning"), capped.outputAssumption());
            assertEquals(2_000, junction.quote(request(), QuoteOptions.defaults().withOutputTokens(2_000)).outputTokens());
        }
    }

    @Test
    void quotesOnlyTheNamedProvidersAndSaysWhichDoNotOfferTheModel() {
        try (Junction junction = junction()) {
            Quotes quotes = junction.quote(request(), QuoteOptions.defaults().withProviders(Set.of("dear", "unpriced")));
            assertEquals(List.of("dear", "unpriced"), quotes.quotes().stream().map(Quote::provider).toList());
            JunctionException e = assertThrows(JunctionException.class,
                    () -> junction.quote(request(), QuoteOptions.defaults().withProviders(Set.of("nobody"))));
            assertEquals(ErrorKind.CONFIGURATION, e.kind());
        }
    }

    @Test
    void findsTheModelByAVendorsNameAndRefusesAnUnknownOne() {
        try (Junction junction = junction()) {
            assertEquals("gemini-2.5-pro", junction.quote(request().withModel("cheap-2.5")).model());
            JunctionException unknown = assertThrows(JunctionException.class, () -> junction.quote(request().withModel("gpt-5")));
            assertEquals(ErrorKind.MODEL_NOT_FOUND, unknown.kind());
            assertTrue(unknown.hint().orElseThrow().contains("gemini-2.5-pro"), unknown.hint().toString());
            JunctionException none = assertThrows(JunctionException.class, () -> junction.quote(ChatRequest.of("hi")));
            assertEquals(ErrorKind.INVALID_REQUEST, none.kind());
        }
    }

    @Test
    void aVendorTakingOnlyInlineMediaCannotServeAUrlUnlessTheConfigInlinesIt() {
        ProviderFactory refusing = vendor("inline", "\"IMAGE_INPUT\"", price("0.01", "0.01", null), ",\"acceptsMediaUrls\":false");
        ChatRequest withUrl = ChatRequest.builder().model("gemini-2.5-pro")
                .user(Part.text("看"), Part.url(URI.create("https://example.com/a.png"))).build();
        try (Junction junction = Junction.builder().factories(List.of(refusing)).environment(name -> null)
                .tokenEstimator(r -> ESTIMATE).build()) {
            Quotes quotes = junction.quote(withUrl);
            assertEquals("inline", quotes.unservable().get(0).provider());
            assertTrue(quotes.unservable().get(0).reason().contains("inlineRemoteMedia=true"), quotes.unservable().get(0).reason());
        }
        try (Junction junction = Junction.builder().factories(List.of(refusing)).tokenEstimator(r -> ESTIMATE)
                .environment(java.util.Map.of("INLINE_BASE_URL", "https://inline.invalid")::get).build()) {
            assertTrue(Engines.of(junction, "inline:gemini-2.5-pro?inlineRemoteMedia=true").precheck(withUrl).isEmpty());
        }
    }

    @Test
    void aModelThatReasonsByDefaultGetsTheAllowanceUnlessEffortIsLow() {
        ProviderFactory thinker = vendor("thinker", "\"REASONING_OUTPUT\"", price("1", "10", null), "");
        try (Junction junction = Junction.builder().factories(List.of(thinker)).environment(name -> null)
                .tokenEstimator(r -> ESTIMATE).build()) {
            Quotes byDefault = junction.quote(request());
            assertEquals(3_000, byDefault.outputTokens());
            assertTrue(byDefault.outputAssumption().contains("reasons by default"), byDefault.outputAssumption());
            Quotes low = junction.quote(request().toBuilder().reasoning(ReasoningSettings.effort(ReasoningEffort.LOW)).build());
            assertEquals(1_000, low.outputTokens());
            // A maximum caps thinking too: 500 tokens, all of them assumed reasoning, not 500 + 2,000.
            Quotes capped = junction.quote(request().toBuilder().maxOutputTokens(500).build());
            assertEquals(500, capped.outputTokens());
            // 1,000 × 1 / 1e6 + 500 × 10 / 1e6
            assertExactly("0.006", capped.quotes().get(0).usd().expected());
        }
    }

    @Test
    void aNamedProviderWithoutTheModelIsListedAsUnservable() {
        String json = "{\"id\":\"other\",\"baseUrl\":\"https://other.invalid\",\"chatPath\":\"/c\",\"models\":[{\"id\":\"gemini-3-pro\"}]}";
        ProviderFactory other = new OpenAiCompatibleFactory(VendorProfile.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "other.json"), Dialect.OPENAI) { };
        List<ProviderFactory> all = new ArrayList<>(VENDORS);
        all.add(other);
        try (Junction junction = Junction.builder().factories(all).environment(name -> null).tokenEstimator(r -> ESTIMATE).build()) {
            Quotes quotes = junction.quote(request(), QuoteOptions.defaults().withProviders(Set.of("cheap", "other")));
            assertEquals(List.of("cheap"), quotes.quotes().stream().map(Quote::provider).toList());
            assertEquals("other", quotes.unservable().get(0).provider());
            assertTrue(quotes.unservable().get(0).reason().contains("does not offer gemini-2.5-pro"), quotes.unservable().get(0).reason());
        }
    }

    @Test
    void aProviderWhoseEnvironmentIsBrokenIsUnservableWhileTheOthersAreQuoted() {
        try (Junction junction = Junction.builder().factories(VENDORS).tokenEstimator(r -> ESTIMATE)
                .environment(Map.of("DEAR_API_KEY", "bad key with spaces")::get).build()) {
            Quotes quotes = junction.quote(request());
            assertEquals(List.of("dear"), quotes.unservable().stream().map(u -> u.provider()).toList());
            assertFalse(quotes.unservable().get(0).reason().contains("bad key with spaces"), "the key is never echoed");
            assertEquals("cheap", quotes.cheapestCallable().orElseThrow().provider());
        }
    }

    @Test
    void aTierCheaperThanTheBaseStillGivesAnOrderedRange() {
        TokenEstimate spanning = new TokenEstimate(100, 150, 300, 0, List.of());
        Price discount = new Price("cheap", null, "gemini-2.5-pro", "USD", TokenRates.of(new BigDecimal("2"), new BigDecimal("2")),
                List.of(new PriceTier(200, TokenRates.of(new BigDecimal("0.1"), new BigDecimal("0.1")))), null, "volume deal", null);
        try (Junction junction = Junction.builder().factories(VENDORS).environment(name -> null).tokenEstimator(r -> spanning)
                .price(discount).build()) {
            Quote cheap = junction.quote(request()).quotes().stream().filter(q -> q.provider().equals("cheap")).findFirst().orElseThrow();
            // 300 input tokens at the discount tier (300 × 0.1 + 1,000 × 0.1) cost less than 100 at the base rates.
            assertExactly("0.00013", cheap.usd().low());
            assertExactly("0.0023", cheap.usd().expected());
            assertExactly("0.0023", cheap.usd().high());
        }
    }

    @Test
    void aPromptLargerThanTheContextWindowIsUnservableThere() {
        String json = "{\"id\":\"small\",\"baseUrl\":\"https://small.invalid\",\"chatPath\":\"/c\",\"models\":[{\"id\":\"gemini-2.5-pro\","
                + "\"contextWindow\":700}],\"prices\":[" + price("0.01", "0.01", null) + "]}";
        ProviderFactory small = new OpenAiCompatibleFactory(VendorProfile.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "small.json"), Dialect.OPENAI) { };
        List<ProviderFactory> all = new ArrayList<>(VENDORS);
        all.add(small);
        try (Junction junction = Junction.builder().factories(all).environment(name -> null).tokenEstimator(r -> ESTIMATE).build()) {
            Quotes quotes = junction.quote(request());
            assertEquals(List.of("small"), quotes.unservable().stream().map(u -> u.provider()).toList());
            assertTrue(quotes.unservable().get(0).reason().contains("at least 800 tokens, exceeds small's context window of 700"),
                    quotes.unservable().get(0).reason());
        }
    }

    @Test
    void inlineMediaOfUnknownTypeIsUnservableAsChatWouldRefuseIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path notes = java.nio.file.Files.write(dir.resolve("notes"), new byte[] {1, 2, 3, 4});
        ChatRequest request = ChatRequest.builder().model("gemini-2.5-pro").user(Part.text("看"), Part.file(notes)).build();
        try (Junction junction = junction()) {
            Quotes quotes = junction.quote(request);
            assertEquals(List.of("aaa-unpriced", "cheap", "dear", "unpriced"),
                    quotes.unservable().stream().map(u -> u.provider()).sorted().toList());
            assertTrue(quotes.unservable().get(0).reason().contains("cannot tell the media type of file " + notes),
                    quotes.unservable().get(0).reason());
        }
    }

    @Test
    void refusesAbsurdOutputAssumptions() {
        assertThrows(IllegalArgumentException.class, () -> QuoteOptions.defaults().withOutputTokens(QuoteOptions.MAX_TOKENS + 1));
        assertThrows(IllegalArgumentException.class, () -> QuoteOptions.defaults().withOutputTokens(0));
        assertThrows(IllegalArgumentException.class, () -> QuoteOptions.defaults().withReasoningAllowance(-1));
        assertEquals(QuoteOptions.MAX_TOKENS, QuoteOptions.defaults().withOutputTokens(QuoteOptions.MAX_TOKENS).outputTokens());
    }

    @Test
    void providerIdsListTheInstalledOnesWithoutReadingTheirEnvironment() {
        try (Junction junction = Junction.builder().factories(VENDORS).tokenEstimator(r -> ESTIMATE)
                .environment(Map.of("DEAR_BASE_URL", "::garbage")::get).build()) {
            assertEquals(List.of("aaa-unpriced", "cheap", "dear", "unpriced"), List.copyOf(junction.providerIds()));
        }
    }

    @Test
    void notesATierThatTheHighFigureCrosses() throws java.io.IOException {
        TokenEstimate nearTier = new TokenEstimate(150_000, 190_000, 240_000, 0, List.of());
        java.nio.file.Path tiered = java.nio.file.Files.createTempFile("tiered", ".json");
        java.nio.file.Files.writeString(tiered, "{\"prices\":[{\"provider\":\"dear\",\"model\":\"gemini-2.5-pro\",\"currency\":\"USD\","
                + "\"inputPerMillion\":\"1.25\",\"outputPerMillion\":\"10\",\"tiers\":[{\"aboveInputTokens\":200000,"
                + "\"inputPerMillion\":\"2.50\",\"outputPerMillion\":\"15\"}]}]}");
        try (Junction junction = Junction.builder().factories(VENDORS).environment(name -> null).pricesFile(tiered)
                .tokenEstimator(r -> nearTier).build()) {
            Quote google = junction.quote(request()).quotes().stream().filter(q -> q.provider().equals("dear")).findFirst().orElseThrow();
            // high: 240,000 × 2.50 / 1e6 + 1,000 × 15 / 1e6 at the >200k tier
            assertExactly("0.615", google.usd().high());
            assertExactly("0.2475", google.usd().expected());
            assertTrue(google.notes().stream().anyMatch(n -> n.contains("200,000")), google.notes().toString());
        }
    }

    @Test
    void flagsMediaItCouldNotMeasure() {
        TokenEstimate partial = new TokenEstimate(300, 300, 300, 0, List.of("message 0, part 1: video by URL, length unknown"));
        try (Junction junction = Junction.builder().factories(VENDORS).environment(name -> null).tokenEstimator(r -> partial).build()) {
            ChatRequest request = ChatRequest.builder().model("gemini-2.5-pro")
                    .user(Part.text("看"), Part.url(URI.create("https://example.com/a.png"))).build();
            Quote cheap = junction.quote(request).quotes().get(0);
            assertTrue(cheap.notes().stream().anyMatch(n -> n.contains("could not be measured")), cheap.notes().toString());
        }
    }
}
