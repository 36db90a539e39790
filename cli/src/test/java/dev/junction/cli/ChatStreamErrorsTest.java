package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code chat --stream} failures: an error line on stdout with --json, lines for people on stderr, and the exit code. */
class ChatStreamErrorsTest {
    private static final String CANARY = "sk-canary-456";
    private static final String ACEDATA_ERROR_EVENT =
            "data: {\"success\":false,\"error\":{\"code\":\"api_error\",\"message\":\"fetch failed\"},\"trace_id\":\"t-1\"}\n\n";

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static String base() {
        return "http://localhost:" + vendor.getPort();
    }

    private static String aivideoapi() {
        return "aivideoapi:gemini-2.5-pro?apiKey=sk-test&baseUrl=" + base() + "/v1";
    }

    private static String acedata() {
        return "acedata:gemini-2.5-pro?apiKey=ace-test&baseUrl=" + base();
    }

    /** The first {@code count} events of a fixture, with their blank-line terminators. */
    private static String events(String fixture, int count) {
        String[] events = new String(Cli.fixture(fixture), StandardCharsets.UTF_8).split("\n\n");
        return String.join("\n\n", Arrays.copyOf(events, count)) + "\n\n";
    }

    private static void assertNoCanary(Cli.Result result) {
        assertFalse(result.out().contains("canary"), () -> "stdout shows the key:\n" + result.out());
        assertFalse(result.err().contains("canary"), () -> "stderr shows the key:\n" + result.err());
    }

    @Test
    void acedataErrorEventMidStreamEndsTheLinesWithTheErrorAndExitsOne() {
        // The start, three reasoning events and the answer, then acedata's error envelope instead of the finish.
        ChatStreamTest.stream(vendor, "/gemini/chat/completions",
                (events("acedata-what-model-stream.txt", 5) + ACEDATA_ERROR_EVENT).getBytes(StandardCharsets.UTF_8));

        Cli.Result result = Cli.run("chat", "--stream", "--json", "-p", acedata(), "hi").assertExit(1);

        assertEquals(List.of("start", "quote", "reasoning", "reasoning", "reasoning", "text", "error"), result.types(), result.out());
        JsonNode line = result.jsonLines().get(6);
        assertEquals(2, line.size(), line.toString());
        JsonNode error = line.get("error");
        assertEquals("SERVER_ERROR", error.get("kind").asText());
        assertEquals("acedata", error.get("provider").asText());
        assertEquals("api_error", error.get("code").asText());
        assertEquals("acedata: fetch failed", error.get("message").asText());
        assertEquals("t-1", error.get("traceId").asText());
        assertTrue(error.has("retryable") && error.has("hint") && error.has("status") && error.has("retryAfterSeconds"),
                error.toString());
        assertTrue(result.err().startsWith("error: SERVER_ERROR from acedata"), result.err());
        assertTrue(result.err().contains("\ntrace id: t-1\n"), result.err());
    }

    @Test
    void errorMidStreamKeepsThePartialAnswerAndEndsItsLine() {
        ChatStreamTest.stream(vendor, "/gemini/chat/completions",
                (events("acedata-what-model-stream.txt", 5) + ACEDATA_ERROR_EVENT).getBytes(StandardCharsets.UTF_8));

        Cli.Result result = Cli.run("chat", "--stream", "-p", acedata(), "hi").assertExit(1);

        assertEquals("我是一個大型語言模型,由 Google 訓練。" + System.lineSeparator(), result.out());
        List<String> lines = result.err().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("error: SERVER_ERROR from acedata")), result.err());
        assertFalse(result.err().contains(" · "), "no usage line after a failure: " + result.err());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void vendorRateLimitOnAStreamingCallExitsOne(boolean json) {
        vendor.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture("yisu-rate-limit-error.json"))));
        String spec = "yisu:gemini-3-pro-image-preview?apiKey=yisu-test&baseUrl=" + base();

        Cli.Result result = (json ? Cli.run("chat", "--stream", "--json", "-p", spec, "生成未来城市夜景")
                : Cli.run("chat", "--stream", "-p", spec, "生成未来城市夜景")).assertExit(1);

        assertTrue(result.err().startsWith(
                "error: RATE_LIMITED from yisu (HTTP 429, rate_limit_exceeded): yisu: Rate limit exceeded.\n"), result.err());
        if (json) {
            assertEquals(List.of("error"), result.types(), result.out());
            JsonNode error = result.jsonLines().get(0).get("error");
            assertEquals("RATE_LIMITED", error.get("kind").asText());
            assertEquals(429, error.get("status").asInt());
            assertEquals("rate_limit_exceeded", error.get("code").asText());
            assertTrue(error.get("retryable").asBoolean());
        } else {
            assertEquals("", result.out());
        }
    }

    @Test
    void missingApiKeyExitsTwoWithAnErrorLineBeforeAnyCall() {
        Cli.Result result = Cli.run("chat", "--stream", "--json", "-p", "acedata:gemini-2.5-pro?baseUrl=" + base(), "hi")
                .assertExit(2);

        assertEquals(List.of("error"), result.types(), result.out());
        JsonNode error = result.jsonLines().get(0).get("error");
        assertEquals("CONFIGURATION", error.get("kind").asText());
        assertEquals("acedata", error.get("provider").asText());
        assertTrue(result.err().contains("ACEDATA_API_KEY"), result.err());
        vendor.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void missingImageFileExitsTwoWithAnErrorLine() {
        Cli.Result result = Cli.run("chat", "--stream", "--json", "-p", acedata(),
                "--image", "no/such/photo.png", "hi").assertExit(2);

        assertEquals("INVALID_REQUEST", result.jsonLines().get(0).get("error").get("kind").asText());
        assertEquals(1, result.jsonLines().size(), result.out());
        vendor.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void streamCutBeforeTheEndExitsOneWithANetworkError() {
        // aivideoapi's documented stream without its usage event and [DONE]: the connection just closes.
        ChatStreamTest.stream(vendor, "/v1/chat/completions",
                events("aivideoapi-gemini-2.5-pro-stream.txt", 2).getBytes(StandardCharsets.UTF_8));

        Cli.Result result = Cli.run("chat", "--stream", "--json", "-p", aivideoapi(), "hi").assertExit(1);

        assertEquals(List.of("start", "quote", "text", "text", "error"), result.types(), result.out());
        JsonNode error = result.jsonLines().get(4).get("error");
        assertEquals("NETWORK", error.get("kind").asText());
        assertTrue(error.get("status").isNull(), error.toString());
        assertTrue(error.get("message").asText().contains("stream truncated"), error.toString());
        assertTrue(result.err().startsWith("error: NETWORK from aivideoapi: "), result.err());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theKeyIsNeverShownWhileStreaming(boolean json) {
        ChatStreamTest.stream(vendor, "/v1/chat/completions", Cli.fixture("aivideoapi-gemini-2.5-pro-stream.txt"));
        String spec = "aivideoapi:gemini-2.5-pro?apiKey=" + CANARY + "&baseUrl=" + base() + "/v1";

        Cli.Result ok = json ? Cli.run("chat", "--stream", "--json", "-p", spec, "hi") : Cli.run("chat", "--stream", "-p", spec, "hi");

        ok.assertExit(0);
        assertTrue(ok.out().contains("计算"), ok.out());
        assertNoCanary(ok);

        vendor.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Invalid key " + CANARY
                        + "\",\"type\":\"authentication_error\"}}")));
        Cli.Result denied = json ? Cli.run("chat", "--stream", "--json", "-p", spec, "hi")
                : Cli.run("chat", "--stream", "-p", spec, "hi");

        denied.assertExit(1);
        assertTrue(denied.err().startsWith("error: AUTHENTICATION from aivideoapi (HTTP 401, invalid_api_key)"), denied.err());
        assertNoCanary(denied);
        assertNoCanary(Cli.run(Map.of("AIVIDEOAPI_API_KEY", CANARY), "chat", "--stream", "--json", "-p",
                "aivideoapi:gemini-2.5-pro?baseUrl=" + base() + "/v1&timeout=nope", "hi").assertExit(2));
    }
}
