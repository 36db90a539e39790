package dev.junction.provider.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.Junction;
import dev.junction.catalog.ProviderView;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.Message;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolCall;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.ConformanceBase;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import dev.junction.testkit.VendorStub;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What only Google does: reasoning on the wire, the images endpoint's request, GEMINI_API_KEY, the
 * list prices and the dummy thought signature. What every vendor must do is checked by
 * {@link GoogleConformanceTest}: the image reply's decoding, usage and cost there, as a documented reply.
 */
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

    /** The request side of image generation; the reply's decoding, usage and cost are a documented reply of the kit. */
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
    }

    @Test
    void anImageReplyWithoutUsageHasNoCostAndSaysWhy() {
        stub().reply(IMAGES_PATH, 200, Fixtures.bytes(getClass(), "fixtures/image-reply.json"), VendorStub.JSON);

        ChatResponse response = call(chatModel("gemini-3-pro-image-preview"), "a kiwi fruit");

        assertEquals(1, response.images().size());
        assertNull(response.cost());
        assertTrue(response.warnings().stream().anyMatch(w -> w.contains("reported no token usage")), () -> response.warnings().toString());
    }

    /** Image input to the images model is refused by the kit's media-part area, which checks every declared model. */
    @Test
    void refusesEarlierTurnsToTheImagesEndpointBeforeSending() {
        JunctionException e = failure(chatModel("gemini-3-pro-image-preview"), ChatRequest.builder().model("gemini-3-pro-image-preview")
                .user("a kiwi fruit").message(Message.assistant("Here it is.")).user("make it blue").build());

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

    /** A row per model with a source, a date and the vendor name is the kit's prices area; here, Google's own page and tiers. */
    @Test
    void publishesGooglesListPricesWithTheirSource() {
        List<Price> rows = junction().prices().rows().stream().filter(p -> p.provider().equals("google")).toList();
        assertEquals(List.of("gemini-2.5-pro", "gemini-3-pro", "gemini-3-pro-image-preview"), rows.stream().map(Price::model).sorted().toList());
        for (Price row : rows) {
            assertTrue(row.source().contains("https://ai.google.dev/gemini-api/docs/pricing"), row.source());
        }
        Price pro = rows.stream().filter(p -> p.model().equals("gemini-3-pro")).findFirst().orElseThrow();
        assertEquals(1, pro.tiers().size());
        assertEquals(200000L, pro.tiers().get(0).aboveInputTokens());
        Price image = rows.stream().filter(p -> p.model().equals("gemini-3-pro-image-preview")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("120").compareTo(image.rates().imageOutputRate()));
    }

    /**
     * gemini-3-pro answers HTTP 400 to a tool turn whose first call has no thought signature; for a
     * history that never had one (built by hand, or from another provider) google.json names the
     * documented dummy, sent on the first call of the step only.
     */
    @Test
    void sendsTheDummySignatureOnTheFirstUnsignedToolCallToGemini3Pro() {
        replyWithFixture("fixtures/chat-reply.json");
        String weather = "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}";
        List<ToolCall> unsigned = List.of(new ToolCall("call_tokyo", "get_weather", "{\"location\":\"东京\"}"),
                new ToolCall("call_osaka", "get_weather", "{\"location\":\"大阪\"}"));
        ChatRequest turn2 = ChatRequest.builder().model("gemini-3-pro").user("东京和大阪今天天气怎么样?")
                .tool(Tool.function("get_weather", null, weather))
                .message(Message.assistant("", unsigned))
                .message(Message.tool("call_tokyo", "{\"temp\":22}")).message(Message.tool("call_osaka", "{\"temp\":24}"))
                .build();

        call(chatModel("gemini-3-pro"), turn2);

        String body = stub().onlyRequest().getBodyAsString();
        assertTrue(body.contains("{\"id\":\"call_tokyo\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"location\\\":\\\"东京\\\"}\"},"
                + "\"extra_content\":{\"google\":{\"thought_signature\":\"skip_thought_signature_validator\"}}}"), body);
        assertTrue(body.contains("{\"id\":\"call_osaka\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"location\\\":\\\"大阪\\\"}\"}}"), body);
        assertEquals(1, body.split("skip_thought_signature_validator", -1).length - 1, body);
    }
}
