package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code junction chat} against WireMock stand-ins answering with each vendor's documented JSON. */
class ChatCommandTest {
    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static String base() {
        return "http://localhost:" + vendor.getPort();
    }

    private static void reply(String path, String fixture) {
        vendor.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture(fixture))));
    }

    @Test
    void aivideoapiJsonCarriesTheDocumentedAnswerAndItsExactCost() {
        reply("/v1/chat/completions", "aivideoapi-gemini-3-pro-reply.json");

        Cli.Result result = Cli.run("chat", "--json", "-p",
                "aivideoapi:gemini-3-pro?apiKey=sk-test&baseUrl=" + base() + "/v1", "用简单的语言解释相对论").assertExit(0);

        JsonNode json = result.json();
        assertEquals("aivideoapi", json.get("provider").asText());
        assertEquals("gemini-3-pro", json.get("model").asText());
        assertEquals("gemini-3-pro", json.get("vendorModel").asText());
        assertEquals("chatcmpl-abc123", json.get("id").asText());
        assertEquals("相对论分为狭义和广义...", json.get("text").asText());
        assertTrue(json.get("reasoning").isNull());
        assertEquals("STOP", json.get("finishReason").asText());
        assertEquals("stop", json.get("rawFinishReason").asText());
        JsonNode usage = json.get("usage");
        assertEquals(12, usage.get("inputTokens").asLong());
        assertEquals(86, usage.get("outputTokens").asLong());
        assertEquals(98, usage.get("totalTokens").asLong());
        assertTrue(usage.get("reasoningTokens").isNull());
        assertTrue(usage.get("imageTokens").isNull());
        assertTrue(usage.get("cachedTokens").isNull());
        // 12 × $0.80/1M + 86 × $4.80/1M, at 200 credits per dollar: exact decimals, plain notation.
        assertEquals(new BigDecimal("0.0004224"), json.get("cost").get("usd").decimalValue());
        assertEquals(new BigDecimal("0.08448"), json.get("cost").get("credits").decimalValue());
        assertTrue(result.out().contains("\"usd\":0.0004224,\"credits\":0.08448"), result.out());
        assertEquals(0, json.get("images").size());
        assertEquals(0, json.get("warnings").size(), json.get("warnings").toString());

        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gemini-3-pro")))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("用简单的语言解释相对论"))));
    }

    @Test
    void acedataJsonCarriesReasoningAndANullCostWithAPriceWarning() {
        reply("/gemini/chat/completions", "acedata-what-model-reply.json");

        JsonNode json = Cli.run("chat", "--json", "-p",
                "acedata:gemini-2.5-pro?apiKey=ace-test&baseUrl=" + base(), "Hello,What model are you?").assertExit(0).json();

        assertEquals("acedata", json.get("provider").asText());
        assertEquals("gemini-2.5-pro", json.get("model").asText());
        assertEquals("gemini-2.5-pro", json.get("vendorModel").asText());
        assertEquals("chatcmpl-20251122212413908150493uPhjTUO9", json.get("id").asText());
        assertEquals("I am a large language model, trained by Google.", json.get("text").asText());
        assertTrue(json.get("reasoning").asText().startsWith("**My Reasoning: Answering the User's Question**\n\nOkay,"),
                json.get("reasoning").asText());
        assertTrue(json.get("reasoning").asText().endsWith("successfully answer this important question.\n"));
        assertEquals("STOP", json.get("finishReason").asText());
        JsonNode usage = json.get("usage");
        assertEquals(8, usage.get("inputTokens").asLong());
        assertEquals(932, usage.get("outputTokens").asLong());
        assertEquals(921, usage.get("reasoningTokens").asLong());
        assertEquals(0, usage.get("cachedTokens").asLong());
        assertTrue(usage.get("cachedTokens").isIntegralNumber());
        assertTrue(usage.get("imageTokens").isNull());
        assertEquals(940, usage.get("totalTokens").asLong());
        assertTrue(json.get("cost").isNull());
        assertEquals(1, json.get("warnings").size(), json.get("warnings").toString());
        assertTrue(json.get("warnings").get(0).asText().startsWith("no price is known for acedata:gemini-2.5-pro"));

        vendor.verify(postRequestedFor(urlEqualTo("/gemini/chat/completions"))
                .withHeader("authorization", equalTo("Bearer ace-test")));
    }

    @Test
    void yisuJsonReadsTheVisionAnswerAndSendsTheImageFileAsADataUri(@TempDir Path dir) throws IOException {
        reply("/v1/chat/completions", "yisu-vision-reply.json");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        Path image = Files.write(dir.resolve("beach.png"), png);

        Cli.Result result = Cli.run("chat", "--json", "-p", "yisu:gemini-3-pro-image-preview?apiKey=yisu-test&baseUrl=" + base(),
                "--image", image.toString(), "分析图片内容").assertExit(0);

        JsonNode json = result.json();
        assertEquals("yisu", json.get("provider").asText());
        assertEquals("gemini-3-pro-image-preview", json.get("model").asText());
        assertEquals("google/gemini-3-pro-image-preview", json.get("vendorModel").asText());
        assertEquals("chatcmpl_vision001", json.get("id").asText());
        assertEquals("图片中是一位站在海边的人,背景是夕阳。", json.get("text").asText());
        assertTrue(json.get("reasoning").isNull(), "an empty reasoning_content is no reasoning");
        assertEquals("STOP", json.get("finishReason").asText());
        for (String count : List.of("inputTokens", "outputTokens", "reasoningTokens", "imageTokens", "cachedTokens", "totalTokens")) {
            assertTrue(json.get("usage").get(count).isNull(), count + " must be null when the vendor reports no usage");
        }
        assertTrue(json.get("cost").isNull());
        assertEquals(0, json.get("images").size());
        assertEquals(1, json.get("warnings").size(), json.get("warnings").toString());
        assertTrue(json.get("warnings").get(0).asText().startsWith("no price is known for yisu:gemini-3-pro-image-preview"));
        assertTrue(result.err().contains("warning: no price is known for yisu:gemini-3-pro-image-preview"), result.err());

        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("google/gemini-3-pro-image-preview")))
                .withRequestBody(matchingJsonPath("$.messages[0].content[0].text", equalTo("分析图片内容")))
                .withRequestBody(matchingJsonPath("$.messages[0].content[1].type", equalTo("image")))
                .withRequestBody(matchingJsonPath("$.messages[0].content[1].image",
                        equalTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png)))));
    }

    @Test
    void textModePrintsOnlyTheAnswerOnStdoutAndWarningsAndTheSummaryOnStderr() {
        reply("/gemini/chat/completions", "acedata-what-model-reply.json");

        Cli.Result result = Cli.run("chat", "-p", "acedata:gemini-2.5-pro?apiKey=ace-test&baseUrl=" + base(),
                "Hello,What", "model", "are", "you?").assertExit(0);

        assertEquals("I am a large language model, trained by Google." + System.lineSeparator(), result.out());
        List<String> lines = result.err().lines().toList();
        assertEquals(2, lines.size(), result.err());
        assertTrue(lines.get(0).startsWith("warning: no price is known for acedata:gemini-2.5-pro"), lines.get(0));
        assertEquals("acedata:gemini-2.5-pro · 8 input + 932 output tokens (921 reasoning, 940 total) · cost unknown"
                + " · quote: price unknown", lines.get(1));
        vendor.verify(postRequestedFor(urlEqualTo("/gemini/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("Hello,What model are you?"))));
    }

    @Test
    void textModeSummaryShowsTheCostInDollarsAndCredits() {
        reply("/v1/chat/completions", "aivideoapi-gemini-3-pro-reply.json");

        Cli.Result result = Cli.run("chat", "-p", "aivideoapi:gemini-3-pro?apiKey=sk-test&baseUrl=" + base() + "/v1", "你好")
                .assertExit(0);

        assertEquals("相对论分为狭义和广义..." + System.lineSeparator(), result.out());
        // The quoted figure comes from core's token estimate; ChatQuoteTest checks it equals compare's.
        assertTrue(result.err().matches("aivideoapi:gemini-3-pro · 12 input \\+ 86 output tokens \\(98 total\\)"
                + " · \\$0\\.0004224 \\(0\\.08448 credits\\) · quoted \\$0\\.\\d+ expected\\R"), result.err());
    }

    @Test
    void modelOptionOverridesTheModelOfTheConfigString() {
        reply("/gemini/chat/completions", "acedata-what-model-reply.json");

        JsonNode json = Cli.run("chat", "--json", "-m", "gemini-3-pro", "-p",
                "acedata:gemini-2.5-pro?apiKey=ace-test&baseUrl=" + base(), "hi").assertExit(0).json();

        assertEquals("gemini-3-pro", json.get("model").asText());
        assertEquals("gemini-3.0-pro", json.get("vendorModel").asText());
        vendor.verify(postRequestedFor(urlEqualTo("/gemini/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gemini-3.0-pro"))));
    }

    @Test
    void systemTextAndImageUrlsAreSentAsTheyWereGiven() {
        reply("/gemini/chat/completions", "acedata-what-model-reply.json");

        Cli.run("chat", "-p", "acedata:gemini-3-pro?apiKey=ace-test&baseUrl=" + base(), "--system", "用中文回答",
                "--image", "https://cdn.acedata.cloud/qzx2z1.png", "--image", "https://cdn.acedata.cloud/58yioe.mp4",
                "圖片的內容是什麼?").assertExit(0);

        vendor.verify(postRequestedFor(urlEqualTo("/gemini/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[0].text", equalTo("圖片的內容是什麼?")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[1].image_url.url",
                        equalTo("https://cdn.acedata.cloud/qzx2z1.png")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[2].image_url.url",
                        equalTo("https://cdn.acedata.cloud/58yioe.mp4"))));
    }

    @Test
    void reasoningEffortIsSentWhereTheVendorHonoursIt() {
        reply("/v1/chat/completions", "aivideoapi-gemini-3-pro-reply.json");

        Cli.run("chat", "--reasoning", "low", "-p", "aivideoapi:gemini-3-pro?apiKey=sk-test&baseUrl=" + base() + "/v1", "hi")
                .assertExit(0);

        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.reasoning_effort", equalTo("low"))));
    }

    @Test
    void apiKeyAndBaseUrlComeFromTheInjectedEnvironment() {
        reply("/gemini/chat/completions", "acedata-what-model-reply.json");

        Cli.run(Map.of("ACEDATA_API_KEY", "from-env", "ACEDATA_BASE_URL", base()),
                "chat", "-p", "acedata:gemini-2.5-pro", "hi").assertExit(0);

        vendor.verify(postRequestedFor(urlEqualTo("/gemini/chat/completions"))
                .withHeader("authorization", equalTo("Bearer from-env"))
                .withRequestBody(equalToJson("{\"model\":\"gemini-2.5-pro\"}", true, true)));
    }
}
