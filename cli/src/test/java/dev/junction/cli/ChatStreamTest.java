package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code junction chat --stream} against WireMock stand-ins serving each vendor's documented stream. */
class ChatStreamTest {
    private static final String NL = System.lineSeparator();
    /** The reasoning_content deltas of acedata's documented stream, in order. */
    private static final List<String> ACEDATA_REASONING = List.of(
            "**定義我的本質**\n\n我的思考已經開始。用戶想知道我的本質,直接問「你是什麼?」最初的步驟很簡單:識別問題。"
                    + "現在,我回想起我的基本身份:我是一個大型語言模型。這是我想要傳達的核心真相。\n\n\n",
            "**精煉我的回應**\n\n我已經將我由 Google 訓練的關鍵信息添加到基本的「大型語言模型」身份中。"
                    + "我的下一步是考慮作為「大型語言模型」實際上意味著什麼,以便我可以解釋我的核心能力。"
                    + "我專注於提供上下文,而不深入具體的技術細節或模型名稱。我想以用戶能夠輕鬆理解的方式傳達我的功能。\n\n\n",
            "**確認核心身份**\n\n我現在正在鞏固我的回應。用戶對我的模型隸屬的查詢需要一個集中的回答。"
                    + "我已經確定「由 Google 訓練」是必不可少的,提供了關鍵的上下文。我抵制提及任何具體模型名稱的衝動,"
                    + "因為這並不相關。目標是提供一個直接、準確的陳述。我的目標仍然是清晰而簡潔的回覆,避免技術術語,直接切入相關要點。\n\n\n");
    private static final String ACEDATA_TEXT = "我是一個大型語言模型,由 Google 訓練。";
    /** 12 × $0.285/1M + 86 × $2.25/1M = $0.00000342 + $0.0001935; × 200 credits per dollar. */
    private static final String AIVIDEOAPI_SUMMARY =
            "aivideoapi:gemini-2.5-pro · 12 input + 86 output tokens (98 total) · $0.00019692 (0.039384 credits)";
    /** acedata publishes no prices, so the quote made before sending has none either. */
    private static final String ACEDATA_SUMMARY =
            "acedata:gemini-2.5-pro · 8 input + 527 output tokens (519 reasoning, 535 total) · cost unknown · quote: price unknown";

    /**
     * The summary with the quote chat makes before sending; its figure comes from core's token
     * estimate, so it is taken from {@code compare}, which must agree.
     */
    private static String aivideoapiSummary(String prompt) {
        BigDecimal expected = Cli.run("compare", "--json", "-p", "aivideoapi:gemini-2.5-pro", prompt).assertExit(0)
                .json().get("quotes").get(0).get("estimatedUsd").decimalValue();
        return AIVIDEOAPI_SUMMARY + " · quoted $" + expected.toPlainString() + " expected";
    }

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static String aivideoapi() {
        return "aivideoapi:gemini-2.5-pro?apiKey=sk-test&baseUrl=http://localhost:" + vendor.getPort() + "/v1";
    }

    private static String acedata() {
        return "acedata:gemini-2.5-pro?apiKey=ace-test&baseUrl=http://localhost:" + vendor.getPort();
    }

    /** Serves the bytes as the vendor's SSE reply. */
    static void stream(WireMockExtension server, String path, byte[] body) {
        server.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body)));
    }

    @Test
    void aivideoapiPrintsExactlyTheTextOnStdoutAndTheCostLineOnStderr() {
        stream(vendor, "/v1/chat/completions", Cli.fixture("aivideoapi-gemini-2.5-pro-stream.txt"));

        Cli.Result result = Cli.run("chat", "--stream", "-p", aivideoapi(), "用简单的语言解释量子计算").assertExit(0);

        // The same bytes as without --stream: the answer and one newline.
        assertEquals("量子计算" + NL, result.out());
        assertEquals(aivideoapiSummary("用简单的语言解释量子计算") + NL, result.err());
        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gemini-2.5-pro")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("用简单的语言解释量子计算"))));
    }

    @Test
    void aivideoapiJsonLinesFollowTheDocumentedStream() {
        stream(vendor, "/v1/chat/completions", Cli.fixture("aivideoapi-gemini-2.5-pro-stream.txt"));

        Cli.Result result = Cli.run("chat", "--stream", "--json", "-p", aivideoapi(), "用简单的语言解释量子计算").assertExit(0);

        assertEquals(List.of("start", "quote", "text", "text", "usage", "finish"), result.types(), result.out());
        List<JsonNode> lines = result.jsonLines();
        assertEquals(json("{\"type\":\"start\",\"id\":\"chatcmpl-abc123\",\"provider\":\"aivideoapi\","
                + "\"model\":\"gemini-2.5-pro\",\"vendorModel\":\"gemini-2.5-pro\",\"attempts\":[]}"), lines.get(0));
        assertEquals(json("{\"type\":\"text\",\"text\":\"量子\"}"), lines.get(2));
        assertEquals(json("{\"type\":\"text\",\"text\":\"计算\"}"), lines.get(3));
        assertEquals(json("{\"type\":\"usage\",\"usage\":{\"inputTokens\":12,\"outputTokens\":86,\"reasoningTokens\":null,"
                + "\"imageTokens\":null,\"cachedTokens\":null,\"totalTokens\":98},"
                + "\"cost\":{\"usd\":0.00019692,\"credits\":0.039384}}"), lines.get(4));
        assertEquals(new BigDecimal("0.00019692"), lines.get(4).get("cost").get("usd").decimalValue());
        assertTrue(result.out().contains("\"cost\":{\"usd\":0.00019692,\"credits\":0.039384}"), result.out());
        // The documented stream sends no finish_reason: a clean [DONE] is a normal stop.
        assertEquals(json("{\"type\":\"finish\",\"finishReason\":\"STOP\",\"rawFinishReason\":null}"), lines.get(5));
        assertEquals(aivideoapiSummary("用简单的语言解释量子计算") + NL, result.err());
    }

    @Test
    void acedataPrintsReasoningOnStderrAndOnlyTheAnswerOnStdout() {
        stream(vendor, "/gemini/chat/completions", Cli.fixture("acedata-what-model-stream.txt"));

        Cli.Result result = Cli.run("chat", "--stream", "-p", acedata(), "Hello,What model are you?").assertExit(0);

        assertEquals(ACEDATA_TEXT + NL, result.out());
        String reasoning = String.join("", ACEDATA_REASONING);
        assertTrue(result.err().startsWith(reasoning), result.err());
        List<String> after = result.err().substring(reasoning.length()).lines().toList();
        assertEquals(2, after.size(), result.err());
        assertTrue(after.get(0).startsWith("warning: no price is known for acedata:gemini-2.5-pro"), after.get(0));
        assertEquals(ACEDATA_SUMMARY, after.get(1));
        assertFalse(result.err().contains("\u001b"), "no ANSI styles without a terminal");
        vendor.verify(postRequestedFor(urlEqualTo("/gemini/chat/completions"))
                .withHeader("authorization", equalTo("Bearer ace-test"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
    }

    @Test
    void reasoningIsDimmedOnATerminalAndTheAnswerNever() {
        stream(vendor, "/gemini/chat/completions", Cli.fixture("acedata-what-model-stream.txt"));

        Cli.Result result = Cli.runWithAnsi("chat", "--stream", "-p", acedata(), "Hello,What model are you?").assertExit(0);

        assertEquals(ACEDATA_TEXT + NL, result.out());
        StringBuilder dimmed = new StringBuilder();
        ACEDATA_REASONING.forEach(delta -> dimmed.append("\u001b[2m").append(delta).append("\u001b[0m"));
        assertTrue(result.err().startsWith(dimmed.toString()), result.err());
        assertTrue(result.err().endsWith(ACEDATA_SUMMARY + NL), result.err());
    }

    @Test
    void acedataJsonLinesCarryReasoningWarningUsageAndFinish() {
        stream(vendor, "/gemini/chat/completions", Cli.fixture("acedata-what-model-stream.txt"));

        Cli.Result result = Cli.run("chat", "--stream", "--json", "-p", acedata(), "Hello,What model are you?").assertExit(0);

        assertEquals(List.of("start", "quote", "reasoning", "reasoning", "reasoning", "text", "warning", "usage", "finish"),
                result.types(), result.out());
        List<JsonNode> lines = result.jsonLines();
        assertEquals(json("{\"type\":\"start\",\"id\":\"chatcmpl-20251122214038810722821kNjUTjtr\",\"provider\":\"acedata\","
                + "\"model\":\"gemini-2.5-pro\",\"vendorModel\":\"gemini-2.5-pro\",\"attempts\":[]}"), lines.get(0));
        for (int i = 0; i < 3; i++) {
            assertEquals(ACEDATA_REASONING.get(i), lines.get(2 + i).get("text").asText());
            assertEquals(2, lines.get(2 + i).size());
        }
        assertEquals(ACEDATA_TEXT, lines.get(5).get("text").asText());
        assertTrue(lines.get(6).get("message").asText().startsWith("no price is known for acedata:gemini-2.5-pro"),
                lines.get(6).toString());
        assertEquals(json("{\"type\":\"usage\",\"usage\":{\"inputTokens\":8,\"outputTokens\":527,\"reasoningTokens\":519,"
                + "\"imageTokens\":null,\"cachedTokens\":0,\"totalTokens\":535},\"cost\":null}"), lines.get(7));
        assertEquals(json("{\"type\":\"finish\",\"finishReason\":\"STOP\",\"rawFinishReason\":\"stop\"}"), lines.get(8));
        assertTrue(result.err().lines().anyMatch(line -> line.startsWith("warning: no price is known")), result.err());
        assertTrue(result.err().endsWith(ACEDATA_SUMMARY + NL), result.err());
    }

    static JsonNode json(String text) {
        try {
            return Cli.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
