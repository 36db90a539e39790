package dev.junction.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Futures;
import dev.junction.testing.Sse;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Collecting a stream gives the very response the non-streaming call gives for the same content. */
class StreamCollectorTest {
    private static final String USAGE = "{\"prompt_tokens\":12,\"completion_tokens\":86,\"total_tokens\":98,"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":40}}";

    private VendorServer vendor;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    /** Stubs the same reply twice: whole for {@code stream:false}, as events for {@code stream:true}. */
    private void reply(String wholeBody, String events) {
        vendor.wire().stubFor(post(urlEqualTo(TestVendorFactory.CHAT_PATH))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .willReturn(okJson(wholeBody)));
        vendor.wire().stubFor(post(urlEqualTo(TestVendorFactory.CHAT_PATH))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(events)));
    }

    private ChatResponse collect(ChatRequest request) {
        return Futures.await(ChatStreams.collect(vendor.model().stream(request)));
    }

    @Test
    void equalsTheNonStreamingResponseWithTextReasoningUsageAndCost() {
        reply("""
                {"id":"chatcmpl-1","object":"chat.completion","model":"gemini-2.5-pro",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"你好，世界","reasoning_content":"先想一想"},
                             "finish_reason":"stop"}],
                 "usage":%s}
                """.formatted(USAGE),
                Sse.events(Sse.delta("{\"role\":\"assistant\",\"reasoning_content\":\"先想\"}"),
                        Sse.delta("{\"reasoning_content\":\"一想\"}"), Sse.text("你好"), Sse.text("，世界"), Sse.finish("stop"),
                        Sse.usage(0, 0).replace("{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}", USAGE))
                        + Sse.DONE);

        ChatResponse whole = vendor.chat(ChatRequest.of("你好"));
        ChatResponse collected = collect(ChatRequest.of("你好"));

        assertNotNull(whole.cost(), "the fixture model has a price");
        assertEquals(40L, whole.usage().reasoningTokens());
        assertEquals(whole, collected);
    }

    @Test
    void equalsTheNonStreamingResponseWithToolCalls() {
        reply("""
                {"id":"chatcmpl-1","object":"chat.completion","model":"gemini-2.5-pro",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                   {"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"北京\\"}"}}]},
                   "finish_reason":"tool_calls"}],
                 "usage":%s}
                """.formatted(USAGE),
                Sse.events(Sse.delta("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
                                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\"}}]}"),
                        Sse.delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"北京\\\"}\"}}]}"),
                        Sse.finish("tool_calls"),
                        Sse.usage(0, 0).replace("{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}", USAGE))
                        + Sse.DONE);

        assertEquals(vendor.chat(ChatRequest.of("北京天气")), collect(ChatRequest.of("北京天气")));
    }

    @Test
    void equalsTheNonStreamingResponseWithItsWarnings() {
        // An unknown model: both say it is not in the catalog, and that its cost is unknown.
        reply(VendorServer.okBody("好的").replace("gemini-2.5-pro", "gemini-9-ultra"),
                Sse.events(Sse.text("好的").replace("gemini-2.5-pro", "gemini-9-ultra"), Sse.finish("stop"),
                        Sse.usage(12, 86)) + Sse.DONE);
        ChatRequest request = ChatRequest.of("你好").withModel("gemini-9-ultra");

        ChatResponse whole = vendor.chat(request);
        ChatResponse collected = collect(request);

        assertEquals(2, whole.warnings().size(), whole.warnings()::toString);
        assertEquals(whole.warnings(), collected.warnings());
        assertEquals(whole, collected);
    }

    @Test
    void failsWithTheStreamsError() {
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(Sse.events(Sse.text("你好"), "{\"error\":{\"code\":\"insufficient_quota\",\"message\":\"余额不足\"}}")));

        JunctionException e = Futures.failure(ChatStreams.collect(vendor.model().stream("你好")));

        assertEquals(ErrorKind.INSUFFICIENT_CREDITS, e.kind());
        assertEquals(Optional.of("insufficient_quota"), e.vendorCode());
    }

    @Test
    void failsWithATruncatedStreamsError() {
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream").withBody(Sse.events(Sse.text("你好"))));

        assertEquals(ErrorKind.NETWORK, Futures.failure(ChatStreams.collect(vendor.model().stream("你好"))).kind());
    }
}
