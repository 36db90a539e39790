package dev.junction.internal.openai.stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.FinishReason;
import dev.junction.chat.StreamPart;
import dev.junction.chat.ToolCall;
import dev.junction.testing.Sse;
import dev.junction.testing.StreamRecorder;
import dev.junction.testing.VendorServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tool calls streamed as fragments are assembled by index, or by id when the vendor sends no index. */
class StreamingToolCallsTest {
    private VendorServer vendor;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private StreamRecorder stream(String... deltas) {
        String[] events = new String[deltas.length + 1];
        for (int i = 0; i < deltas.length; i++) {
            events[i] = Sse.delta("{\"tool_calls\":[" + deltas[i] + "]}");
        }
        events[deltas.length] = Sse.finish("tool_calls");
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream").withBody(Sse.events(events) + Sse.DONE));
        StreamRecorder r = StreamRecorder.record(vendor.model().stream("北京现在几点，天气如何？"));
        r.awaitEnd();
        return r;
    }

    private static List<ToolCall> calls(StreamRecorder r) {
        return r.parts(StreamPart.ToolCallDone.class).stream().map(StreamPart.ToolCallDone::call).toList();
    }

    @Test
    void assemblesInterleavedFragmentsByIndex() {
        StreamRecorder r = stream(
                "{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}",
                "{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"\"}}",
                "{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}",
                "{\"index\":1,\"function\":{\"arguments\":\"{\\\"tz\\\":\\\"Asia/Shanghai\\\"}\"}}",
                "{\"index\":0,\"function\":{\"arguments\":\"\\\"北京\\\"}\"}}");

        assertEquals(List.of(new ToolCall("call_a", "get_weather", "{\"city\":\"北京\"}"),
                new ToolCall("call_b", "get_time", "{\"tz\":\"Asia/Shanghai\"}")), calls(r));
        assertEquals(List.of(0, 1, 0, 1, 0), r.parts(StreamPart.ToolCallDelta.class).stream().map(StreamPart.ToolCallDelta::index).toList());
    }

    @Test
    void deliversEachFragmentAsItArrivesAndTheWholeCallsBeforeTheFinish() {
        StreamRecorder r = stream(
                "{\"index\":0,\"id\":\"call_a\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\"}}",
                "{\"index\":0,\"function\":{\"arguments\":\"\\\"北京\\\"}\"}}");

        assertEquals(List.of(new StreamPart.ToolCallDelta(0, "call_a", "get_weather", "{\"city\":"),
                new StreamPart.ToolCallDelta(0, null, null, "\"北京\"}")), r.parts(StreamPart.ToolCallDelta.class));
        List<StreamPart> parts = r.parts();
        int done = parts.indexOf(new StreamPart.ToolCallDone(new ToolCall("call_a", "get_weather", "{\"city\":\"北京\"}")));
        assertTrue(done > parts.indexOf(r.parts(StreamPart.ToolCallDelta.class).get(1)), parts::toString);
        assertEquals(new StreamPart.Finish(FinishReason.TOOL_CALLS, "tool_calls"), parts.get(parts.size() - 1));
    }

    @Test
    void startsANewCallForANewIdWhenTheIndexIsMissing() {
        // Gemini's OpenAI endpoint sends no index.
        StreamRecorder r = stream(
                "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"北京\\\"}\"}}",
                "{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"{}\"}}");

        assertEquals(List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"北京\"}"), new ToolCall("call_2", "get_time", "{}")), calls(r));
        assertEquals(List.of(0, 1), r.parts(StreamPart.ToolCallDelta.class).stream().map(StreamPart.ToolCallDelta::index).toList());
    }

    @Test
    void continuesTheLastCallForAFragmentWithoutIdOrIndex() {
        StreamRecorder r = stream(
                "{\"id\":\"call_1\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\"}}",
                "{\"function\":{\"arguments\":\"\\\"北京\\\"}\"}}");

        assertEquals(List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"北京\"}")), calls(r));
    }

    @Test
    void continuesTheLastCallWhenTheSameIdComesAgainWithoutIndex() {
        StreamRecorder r = stream(
                "{\"id\":\"call_1\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\"}}",
                "{\"id\":\"call_1\",\"function\":{\"arguments\":\"\\\"北京\\\"}\"}}");

        assertEquals(List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"北京\"}")), calls(r));
    }

    @Test
    void readsTwoCallsInOneDeltaWithoutIndex() {
        StreamRecorder r = stream(
                "{\"id\":\"call_1\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}},"
                        + "{\"id\":\"call_2\",\"function\":{\"name\":\"get_time\",\"arguments\":\"{}\"}}");

        assertEquals(List.of("get_weather", "get_time"), calls(r).stream().map(ToolCall::name).toList());
    }

    @Test
    void acceptsArgumentsSentAsAnObject() {
        StreamRecorder r = stream("{\"index\":0,\"id\":\"call_1\",\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"北京\"}}}");

        assertEquals(List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"北京\"}")), calls(r));
    }

    @Test
    void dropsACallThatNeverGotANameWithAWarning() {
        StreamRecorder r = stream(
                "{\"index\":0,\"id\":\"call_1\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}",
                "{\"index\":1,\"id\":\"call_2\",\"function\":{\"arguments\":\"{}\"}}");

        assertEquals(List.of(new ToolCall("call_1", "get_weather", "{}")), calls(r));
        assertTrue(r.parts(StreamPart.Warning.class).stream().anyMatch(w -> w.message().contains("tool call 1")), r.parts()::toString);
    }
}
