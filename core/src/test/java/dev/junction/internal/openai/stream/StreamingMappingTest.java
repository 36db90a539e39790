package dev.junction.internal.openai.stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.FinishReason;
import dev.junction.chat.StreamPart;
import dev.junction.testing.Sse;
import dev.junction.testing.StreamRecorder;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the events of an OpenAI-compatible stream become canonical stream parts. */
class StreamingMappingTest {
    private VendorServer vendor;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private StreamRecorder stream(String body) {
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body));
        return StreamRecorder.record(vendor.model().stream("你好"));
    }

    @Test
    void deliversStartThenDeltasThenUsageThenFinish() {
        List<StreamPart> parts = stream(Sse.events(Sse.text("你好"), Sse.text("，世界"), Sse.finish("stop"),
                Sse.usage(12, 86)) + Sse.DONE).awaitEnd();

        assertEquals(5, parts.size(), parts::toString);
        assertEquals(new StreamPart.Start("chatcmpl-1", TestVendorFactory.ID, VendorServer.MODEL, VendorServer.MODEL, List.of()), parts.get(0));
        assertEquals(new StreamPart.TextDelta("你好"), parts.get(1));
        assertEquals(new StreamPart.TextDelta("，世界"), parts.get(2));
        assertInstanceOf(StreamPart.UsageReport.class, parts.get(3));
        assertEquals(new StreamPart.Finish(FinishReason.STOP, "stop"), parts.get(4));
    }

    @Test
    void sendsStreamTrueAndAsksForAnEventStream() {
        stream(Sse.events(Sse.text("好"), Sse.finish("stop")) + Sse.DONE).awaitEnd();

        vendor.wire().verify(1, postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withHeader("Accept", equalTo("text/event-stream")));
    }

    @Test
    void costsTheFinalUsageChunkThatHasNoChoices() {
        StreamRecorder r = stream(Sse.events(Sse.text("好"), Sse.finish("stop"), Sse.usage(12, 86)) + Sse.DONE);
        r.awaitEnd();

        StreamPart.UsageReport report = r.parts(StreamPart.UsageReport.class).get(0);
        assertEquals(12L, report.usage().inputTokens());
        assertEquals(86L, report.usage().outputTokens());
        assertEquals(98L, report.usage().totalTokens());
        assertNotNull(report.cost(), "gemini-2.5-pro has a price");
        // 12 × 0.80 + 86 × 4.80 per million tokens.
        assertEquals(0, new BigDecimal("0.0004224").compareTo(report.cost().usd()), report.cost().usd()::toPlainString);
    }

    @Test
    void sendsNoUsageReportWhenTheVendorReportedNone() {
        StreamRecorder r = stream(Sse.events(Sse.text("好"), Sse.finish("stop")) + Sse.DONE);
        r.awaitEnd();

        assertEquals(List.of(), r.parts(StreamPart.UsageReport.class));
    }

    @Test
    void deliversReasoningDeltasApartFromText() {
        StreamRecorder r = stream(Sse.events(
                Sse.delta("{\"reasoning_content\":\"先想一想\"}"),
                Sse.delta("{\"reasoning_content\":\"，再回答\"}"),
                Sse.text("答案是 4"),
                Sse.finish("stop")) + Sse.DONE);
        r.awaitEnd();

        assertEquals(List.of(new StreamPart.ReasoningDelta("先想一想"), new StreamPart.ReasoningDelta("，再回答")),
                r.parts(StreamPart.ReasoningDelta.class));
        assertEquals("答案是 4", r.text());
    }

    @Test
    void decodesDeltaImagesIntoImageParts() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1, 2, 3};
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        StreamRecorder r = stream(Sse.events(
                Sse.delta("{\"content\":\"这是图片\",\"images\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + uri + "\"}}]}"),
                Sse.finish("stop")) + Sse.DONE);
        r.awaitEnd();

        List<StreamPart.ImageOutput> images = r.parts(StreamPart.ImageOutput.class);
        assertEquals(1, images.size());
        assertEquals("image/png", images.get(0).image().mediaType());
        assertArrayEquals(png, images.get(0).image().bytes());
        assertEquals("这是图片", r.text());
    }

    @Test
    void warnsAboutAnImageThatCameAsALink() {
        StreamRecorder r = stream(Sse.events(
                Sse.delta("{\"images\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://cdn.example/a.png\"}}]}"),
                Sse.finish("stop")) + Sse.DONE);
        r.awaitEnd();

        assertEquals(List.of(), r.parts(StreamPart.ImageOutput.class));
        assertEquals(1, r.parts(StreamPart.Warning.class).stream()
                .filter(w -> w.message().contains("https://cdn.example/a.png")).count(), r.parts()::toString);
    }

    @Test
    void givesTheSamePartsWhenTheBodyArrivesInTinyPieces() {
        String body = Sse.events(Sse.text("你好"), Sse.text("，世界！"), Sse.finish("stop"), Sse.usage(12, 86)) + Sse.DONE;
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)
                .withChunkedDribbleDelay(body.length() / 3, 300));
        StreamRecorder r = StreamRecorder.record(vendor.model().stream("你好"));
        List<StreamPart> split = r.awaitEnd();

        assertEquals("你好，世界！", r.text());
        assertEquals(new StreamPart.Finish(FinishReason.STOP, "stop"), split.get(split.size() - 1));
        assertEquals(1, r.parts(StreamPart.UsageReport.class).size());
    }

    @Test
    void mapsTheVendorsFinishReason() {
        StreamRecorder r = stream(Sse.events(Sse.text("好"), Sse.finish("length")) + Sse.DONE);
        List<StreamPart> parts = r.awaitEnd();

        assertEquals(new StreamPart.Finish(FinishReason.LENGTH, "length"), parts.get(parts.size() - 1));
    }

    @Test
    void streamsARequestThatNamesItsOwnModel() {
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(Sse.events(Sse.text("好"), Sse.finish("stop")) + Sse.DONE));
        StreamRecorder r = StreamRecorder.record(vendor.model().stream(ChatRequest.of("你好").withModel("gemini-3-pro-image")));
        r.awaitEnd();

        vendor.wire().verify(postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH))
                .withRequestBody(matchingJsonPath("$.model", equalTo("google/gemini-3-pro-image-preview"))));
        assertEquals("gemini-3-pro-image", r.parts(StreamPart.Start.class).get(0).model());
    }
}
