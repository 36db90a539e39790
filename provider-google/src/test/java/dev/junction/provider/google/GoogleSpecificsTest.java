package dev.junction.provider.google;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.Junction;
import dev.junction.catalog.ProviderView;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.ConformanceBase;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import dev.junction.testkit.VendorStub;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What only Google does: reasoning on the wire, the images endpoint, GEMINI_API_KEY and the list prices. */
class GoogleSpecificsTest extends ConformanceBase {
    private static final String IMAGES_PATH = "/v1beta/openai/images/generations";

    @Override
    protected VendorDeclaration vendor() {
        return GoogleVendor.DECLARATION;
    }

    private String sent(String model, ReasoningSettings reasoning) {
        stub().reset();
        replyWithFixture("fixtures/chat-reply.json");
        call(chatModel(model), ChatRequest.builder().model(model).user("Explain to me how AI works").reasoning(reasoning).build());
        return stub().onlyRequest().getBodyAsString();
    }

    @Test
    void sendsReasoningEffortAloneWhenNoThoughtsAreAsked() {
        assertEquals("{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"Explain to me how AI works\"}],"
                + "\"reasoning_effort\":\"medium\"}", sent("gemini-2.5-pro", ReasoningSettings.effort(ReasoningEffort.MEDIUM)));
    }

    @Test
    void sendsAThinkingConfigInsteadOfReasoningEffortWhenThoughtsAreAsked() {
        assertEquals("{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"Explain to me how AI works\"}],"
                        + "\"extra_body\":{\"google\":{\"thinking_config\":{\"include_thoughts\":true,\"thinking_budget\":8192}}}}",
                sent("gemini-2.5-pro", new ReasoningSettings(ReasoningEffort.MEDIUM, true)));
        assertEquals("{\"model\":\"gemini-3-pro-preview\",\"messages\":[{\"role\":\"user\",\"content\":\"Explain to me how AI works\"}],"
                        + "\"extra_body\":{\"google\":{\"thinking_config\":{\"include_thoughts\":true,\"thinking_level\":\"low\"}}}}",
                sent("gemini-3-pro", new ReasoningSettings(ReasoningEffort.LOW, true)));
        assertEquals("{\"model\":\"gemini-3-pro-preview\",\"messages\":[{\"role\":\"user\",\"content\":\"Explain to me how AI works\"}],"
                        + "\"extra_body\":{\"google\":{\"thinking_config\":{\"include_thoughts\":true}}}}",
                sent("gemini-3-pro", new ReasoningSettings(null, true)));
    }

    @Test
    void sendsGemini3ProTheNearestLevelItDocumentsWithAWarning() {
        stub().reset();
        replyWithFixture("fixtures/chat-reply.json");
        ChatResponse response = call(chatModel("gemini-3-pro"), ChatRequest.builder().model("gemini-3-pro").user("hi")
                .reasoning(new ReasoningSettings(ReasoningEffort.MEDIUM, true)).build());

        assertTrue(stub().onlyRequest().getBodyAsString().contains("\"thinking_level\":\"high\""), stub().onlyRequest().getBodyAsString());
        assertTrue(response.warnings().stream().anyMatch(w -> w.contains("not medium; sent high")), () -> response.warnings().toString());
    }

    @Test
    void generatesAnImageThroughTheImagesEndpoint() {
        stub().reply(IMAGES_PATH, 200, Fixtures.bytes(getClass(), "fixtures/image-reply-with-usage.json"), VendorStub.JSON);

        ChatResponse response = call(chatModel("gemini-3-pro-image-preview"),
                ChatRequest.builder().model("gemini-3-pro-image-preview").system("Photorealistic.").user("a kiwi fruit on a white plate").build());

        var request = stub().onlyRequest();
        assertEquals(IMAGES_PATH, request.getUrl());
        assertEquals("{\"model\":\"gemini-3-pro-image-preview\",\"prompt\":\"Photorealistic.\\n\\na kiwi fruit on a white plate\","
                + "\"response_format\":\"b64_json\",\"n\":1}", request.getBodyAsString());
        assertEquals(1, response.images().size());
        assertEquals("image/png", response.images().get(0).mediaType());
        String b64 = Fixtures.textAt(getClass(), "fixtures/image-reply-with-usage.json", "/data/0/b64_json");
        assertArrayEquals(Base64.getDecoder().decode(b64), response.images().get(0).bytes());
        assertEquals(1120L, response.usage().imageTokens());
        // 12 input tokens at $2 and 1,120 image tokens at $120 per 1M: $0.134424.
        assertEquals(0, new BigDecimal("0.134424").compareTo(response.cost().usd()), () -> response.cost().toString());
    }

    @Test
    void anImageReplyWithoutUsageHasNoCostAndSaysWhy() {
        stub().reply(IMAGES_PATH, 200, Fixtures.bytes(getClass(), "fixtures/image-reply.json"), VendorStub.JSON);

        ChatResponse response = call(chatModel("gemini-3-pro-image-preview"), "a kiwi fruit");

        assertEquals(1, response.images().size());
        assertNull(response.cost());
        assertTrue(response.warnings().stream().anyMatch(w -> w.contains("reported no token usage")), () -> response.warnings().toString());
    }

    @Test
    void refusesWhatTheImagesEndpointCannotTakeBeforeSending() {
        JunctionException media = failure(chatModel("gemini-3-pro-image-preview"), ChatRequest.builder().model("gemini-3-pro-image-preview")
                .user(Part.text("make it blue"), Part.bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "image/png")).build());
        JunctionException e = failure(chatModel("gemini-3-pro-image-preview"), ChatRequest.builder().model("gemini-3-pro-image-preview")
                .user("a kiwi fruit").message(Message.assistant("Here it is.")).user("make it blue").build());

        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, media.kind(), "the catalog lists no image input for the images model");
        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertTrue(e.getMessage().contains("takes a text prompt only, not earlier turns (message 1 is assistant)"), e.getMessage());
        assertTrue(e.hint().isPresent());
        assertEquals(List.of(), stub().requests());
    }

    @Test
    void takesTheKeyFromGeminiApiKeyWhenGoogleApiKeyIsUnset() {
        replyWithFixture("fixtures/chat-reply.json");
        String base = stubBaseUrl();
        try (Junction junction = Junction.builder().environment(name -> switch (name) {
            case "GEMINI_API_KEY" -> "gemini-key";
            case "GOOGLE_BASE_URL" -> base;
            default -> null;
        }).build()) {
            call(junction, junction.chatModel("google:gemini-2.5-pro"), "你好");
            ProviderView view = junction.provider("google");
            assertEquals("GOOGLE_API_KEY", view.apiKeyEnvVar());
            assertEquals(List.of("GEMINI_API_KEY"), view.apiKeyEnvFallbacks());
            assertTrue(view.hasApiKey());
        }
        assertEquals("Bearer gemini-key", stub().onlyRequest().getHeader("Authorization"));
    }

    @Test
    void googleApiKeyWinsOverGeminiApiKey() {
        replyWithFixture("fixtures/chat-reply.json");
        String base = stubBaseUrl();
        try (Junction junction = Junction.builder().environment(name -> switch (name) {
            case "GOOGLE_API_KEY" -> "google-key";
            case "GEMINI_API_KEY" -> "gemini-key";
            case "GOOGLE_BASE_URL" -> base;
            default -> null;
        }).build()) {
            call(junction, junction.chatModel("google:gemini-2.5-pro"), "你好");
        }
        assertEquals("Bearer google-key", stub().onlyRequest().getHeader("Authorization"));
    }

    @Test
    void aMissingKeyNamesBothVariables() {
        try (Junction junction = Junction.builder().environment(name -> null).build()) {
            JunctionException e = org.junit.jupiter.api.Assertions.assertThrows(JunctionException.class,
                    () -> junction.chatModel("google:gemini-2.5-pro"));
            assertEquals(ErrorKind.CONFIGURATION, e.kind());
            assertTrue(e.hint().orElse("").contains("GOOGLE_API_KEY (or GEMINI_API_KEY)"), () -> e.hint().toString());
        }
    }

    @Test
    void publishesGooglesListPricesWithTheirSource() {
        List<Price> rows = junction().prices().rows().stream().filter(p -> p.provider().equals("google")).toList();
        assertEquals(List.of("gemini-2.5-pro", "gemini-3-pro", "gemini-3-pro-image-preview"), rows.stream().map(Price::model).sorted().toList());
        for (Price row : rows) {
            assertTrue(row.source().contains("https://ai.google.dev/gemini-api/docs/pricing"), row.source());
            assertTrue(row.asOf() != null, "asOf");
        }
        Price pro = rows.stream().filter(p -> p.model().equals("gemini-3-pro")).findFirst().orElseThrow();
        assertEquals("gemini-3-pro-preview", pro.vendorModel());
        assertEquals(1, pro.tiers().size());
        assertEquals(200000L, pro.tiers().get(0).aboveInputTokens());
        Price image = rows.stream().filter(p -> p.model().equals("gemini-3-pro-image-preview")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("120").compareTo(image.rates().imageOutputRate()));
    }
}
