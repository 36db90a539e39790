package dev.junction.internal.openai.reply;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.FinishReason;
import dev.junction.chat.Usage;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.VendorServer;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How successful (HTTP 200) replies become canonical responses, and which 200 replies are not successes. */
class ReplyReaderTest {
    private VendorServer vendor;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private ChatResponse replyWith(String json) {
        vendor.reply(okJson(json));
        return vendor.chat(ChatRequest.of("你好"));
    }

    private ChatResponse replyWithMessage(String messageJson) {
        return replyWith("""
                {"id":"c-1","model":"gemini-2.5-pro","choices":[{"index":0,"message":%s,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":1,"completion_tokens":1}}
                """.formatted(messageJson));
    }

    @Test
    void readsStringContentAndIds() {
        ChatResponse response = replyWith(VendorServer.okBody("你好！有什么可以帮你？"));
        assertEquals("你好！有什么可以帮你？", response.text());
        assertEquals("chatcmpl-1", response.id());
        assertEquals("testvendor", response.provider());
        assertEquals("gemini-2.5-pro", response.model());
        assertEquals(FinishReason.STOP, response.finishReason());
        assertEquals("stop", response.rawFinishReason());
        assertNull(response.reasoning());
        assertEquals(java.util.List.of(), response.warnings());
    }

    @Test
    void concatenatesContentGivenAsAnArrayOfTextParts() {
        ChatResponse response = replyWithMessage("""
                {"role":"assistant","content":[{"type":"text","text":"第一段"},{"type":"text","text":"，第二段"},"，三"]}
                """);
        assertEquals("第一段，第二段，三", response.text());
    }

    @Test
    void readsNullContentAsEmptyText() {
        assertEquals("", replyWithMessage("{\"role\":\"assistant\",\"content\":null}").text());
    }

    @Test
    void readsReasoningContent() {
        ChatResponse response = replyWithMessage("""
                {"role":"assistant","content":"42","reasoning_content":"先想想……"}
                """);
        assertEquals("先想想……", response.reasoning());
        assertEquals("42", response.text());
    }

    @Test
    void fallsBackToTheReasoningField() {
        assertEquals("思考", replyWithMessage("{\"content\":\"a\",\"reasoning_content\":\"\",\"reasoning\":\"思考\"}").reasoning());
    }

    @Test
    void decodesImagesToTheExactBytes() {
        byte[] png = new byte[5000];
        new Random(7).nextBytes(png);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
        ChatResponse response = replyWithMessage("""
                {"role":"assistant","content":"这是你的猫","images":[
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}},
                  {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,%s"}}]}
                """.formatted(Base64.getEncoder().encodeToString(png), Base64.getEncoder().encodeToString(jpeg)));
        assertEquals(2, response.images().size());
        assertArrayEquals(png, response.images().get(0).bytes());
        assertEquals("image/png", response.images().get(0).mediaType());
        assertArrayEquals(jpeg, response.images().get(1).bytes());
        assertEquals("image/jpeg", response.images().get(1).mediaType());
    }

    @Test
    void warnsAboutAnImageUrlInsteadOfDownloadingIt() {
        ChatResponse response = replyWithMessage("""
                {"content":"","images":[{"type":"image_url","image_url":{"url":"https://cdn.example.com/cat.png"}}]}
                """);
        assertEquals(0, response.images().size());
        assertTrue(response.warnings().stream().anyMatch(w -> w.contains("https://cdn.example.com/cat.png")
                && w.contains("not downloaded")), response.warnings().toString());
    }

    @Test
    void warnsAboutAnUndecodableImage() {
        ChatResponse response = replyWithMessage("{\"content\":\"\",\"images\":[{\"image_url\":{\"url\":\"data:image/png;base64,Q\"}}]}");
        assertEquals(0, response.images().size());
        assertTrue(response.warnings().stream().anyMatch(w -> w.contains("could not be decoded")), response.warnings().toString());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "'\"stop\"', STOP, stop",
        "'\"length\"', LENGTH, length",
        "'\"tool_calls\"', TOOL_CALLS, tool_calls",
        "'\"content_filter\"', CONTENT_FILTER, content_filter",
        "'\"SAFETY\"', CONTENT_FILTER, SAFETY",
        "'null', OTHER, NULL",
        "'\"something_new\"', OTHER, something_new"
    })
    void mapsFinishReasons(String rawJson, FinishReason expected, String expectedRaw) {
        ChatResponse response = replyWith("""
                {"choices":[{"message":{"content":"x"},"finish_reason":%s}],"usage":{"prompt_tokens":1,"completion_tokens":1}}
                """.formatted(rawJson));
        assertEquals(expected, response.finishReason());
        assertEquals(expectedRaw, response.rawFinishReason());
    }

    @Test
    void readsUsageWithNestedDetailsAndCostsIt() {
        ChatResponse response = replyWith("""
                {"choices":[{"message":{"content":"x"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":932,"total_tokens":944,
                          "prompt_tokens_details":{"cached_tokens":4},
                          "completion_tokens_details":{"reasoning_tokens":921,"image_tokens":"0"}}}
                """);
        Usage usage = response.usage();
        assertEquals(12L, usage.inputTokens());
        assertEquals(932L, usage.outputTokens());
        assertEquals(921L, usage.reasoningTokens());
        assertEquals(0L, usage.imageTokens());
        assertEquals(4L, usage.cachedTokens());
        assertEquals(944L, usage.totalTokens());
        assertTrue(usage.rawJson().contains("\"reasoning_tokens\":921"), usage.rawJson());
        // 12 × 0.80 + 932 × 4.80 per million; the 921 reasoning tokens are inside the 932.
        assertEquals(0, new BigDecimal("0.0044832").compareTo(response.cost().usd()), response.cost().usd().toPlainString());
        assertEquals(0, new BigDecimal("0.89664").compareTo(response.cost().credits()));
    }

    @Test
    void leavesCostNullWithAWarningWhenUsageIsMissing() {
        ChatResponse response = replyWith("{\"choices\":[{\"message\":{\"content\":\"x\"},\"finish_reason\":\"stop\"}]}");
        assertEquals(Usage.NONE, response.usage());
        assertNull(response.cost());
        assertTrue(response.warnings().stream().anyMatch(w -> w.contains("reported no token usage")), response.warnings().toString());
    }

    @Test
    void leavesCostNullWithAWarningWhenThePriceIsUnknown() {
        vendor.reply(okJson(VendorServer.okBody("x")));
        ChatResponse response = vendor.chat(ChatRequest.builder().model("gemini-3-pro-image").user("画").build());
        assertNull(response.cost());
        assertTrue(response.warnings().stream().anyMatch(w -> w.contains("no price is known for testvendor:gemini-3-pro-image")),
                response.warnings().toString());
    }

    @Test
    void warnsWhenTheVendorAnswersWithAnotherModel() {
        ChatResponse response = replyWith(VendorServer.okBody("x").replace("\"model\":\"gemini-2.5-pro\"", "\"model\":\"gemini-1.5-flash\""));
        assertTrue(response.warnings().stream().anyMatch(w -> w.contains("'gemini-1.5-flash'")), response.warnings().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"choices\":[]}", "{\"id\":\"x\"}", "{\"choices\":[null]}"})
    void failsWithProtocolWhenThereIsNoChoice(String body) {
        vendor.reply(okJson(body));
        assertEquals(ErrorKind.PROTOCOL, vendor.fail(ChatRequest.of("你好")).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"choices\":[", "<html>ok</html>", "[1,2]", "\"text\"", "   "})
    void failsWithProtocolForA200ThatIsNotAJsonObject(String body) {
        vendor.reply(aResponse().withStatus(200).withBody(body));
        JunctionException e = vendor.fail(ChatRequest.of("你好"));
        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertEquals(200, e.httpStatus().orElseThrow());
    }

    @Test
    void failsWithProtocolForA200WithAnEmptyBody() {
        vendor.reply(aResponse().withStatus(200));
        JunctionException e = vendor.fail(ChatRequest.of("你好"));
        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("empty body"), e.getMessage());
    }

    @Test
    void failsWithTheVendorsErrorForA200CarryingAnErrorEnvelope() {
        vendor.reply(okJson("{\"error\":{\"code\":\"insufficient_quota\",\"message\":\"余额不足\",\"type\":\"billing\"}}"));
        JunctionException e = vendor.fail(ChatRequest.of("你好"));
        assertEquals(ErrorKind.INSUFFICIENT_CREDITS, e.kind());
        assertEquals("insufficient_quota", e.vendorCode().orElseThrow());
        assertTrue(e.getMessage().contains("余额不足"), e.getMessage());
    }

    @Test
    void treatsAnUnknownErrorCodeInA200AsAnUpstreamError() {
        vendor.reply(okJson("{\"error\":\"upstream model overloaded\"}"));
        JunctionException e = vendor.fail(ChatRequest.of("你好"));
        assertEquals(ErrorKind.UPSTREAM_ERROR, e.kind());
        assertTrue(e.retryable());
    }
}
