package dev.junction.testkit;

import static dev.junction.testkit.WireAssertions.assertChatCall;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.chat.ChatStreams;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance: every documented event stream, served as {@code text/event-stream} whole and again
 * split into many tiny chunks, becomes the documented sequence of {@link StreamPart}s, and
 * {@link ChatStreams#collect} folds it into the documented response — the same one the
 * non-streaming call returns for the docs' non-streaming twin of the reply, where there is one. The
 * request says {@code "stream": true}, once. An error envelope arriving mid-stream becomes the
 * vendor's typed error through a {@link StreamPart.Failure} and the exception handler; a stream cut
 * before it finished fails with {@link ErrorKind#NETWORK}.
 */
public abstract class StreamConformance extends ConformanceBase {
    /** A {@code "stream":} key anywhere in the body text, to catch one written twice. */
    private static final Pattern STREAM_KEY = Pattern.compile("\"stream\"\\s*:");
    /** At most this many dribbled chunks, each followed by a {@link #DRIBBLE_MILLIS} pause on the server. */
    private static final int DRIBBLE_CHUNKS = 150;
    private static final int DRIBBLE_MILLIS = 2;

    /** The vendor's documented event streams and their expected readings. */
    protected abstract List<DocumentedStream> documentedStreams();

    /**
     * A documented error row whose body, in the vendor's own envelope, the kit sends as an event in
     * the middle of the first documented stream.
     */
    protected abstract DocumentedError midStreamError();

    @Test
    void declaresAtLeastOneDocumentedStream() {
        assertFalse(documentedStreams().isEmpty(), "supply the event streams the vendor's docs show");
    }

    @TestFactory
    Stream<DynamicTest> streamsEveryDocumentedStreamPartByPart() {
        return documentedStreams().stream().map(doc -> dynamicTest(describe(doc), () -> {
            stub().reset();
            replyWith(200, fixtureBytes(doc), VendorStub.SSE);

            StreamRecording recording = record(doc.model());

            assertStreamingRequest(stub().onlyRequest(), doc.reading().vendorModel());
            assertParts(doc, recording);
        }));
    }

    @TestFactory
    Stream<DynamicTest> streamsEveryDocumentedStreamSplitIntoTinyChunks() {
        return documentedStreams().stream().map(doc -> dynamicTest(describe(doc), () -> {
            stub().reset();
            byte[] body = fixtureBytes(doc);
            int chunks = Math.min(body.length, DRIBBLE_CHUNKS);
            stub().replyDribbled(vendor().chatPath(), body, chunks, chunks * DRIBBLE_MILLIS);

            StreamRecording recording = record(doc.model());

            assertStreamingRequest(stub().onlyRequest(), doc.reading().vendorModel());
            assertParts(doc, recording);
        }));
    }

    @TestFactory
    Stream<DynamicTest> collectsEveryDocumentedStreamIntoTheDocumentedResponse() {
        return documentedStreams().stream().map(doc -> dynamicTest(describe(doc), () -> {
            stub().reset();
            replyWith(200, fixtureBytes(doc), VendorStub.SSE);

            ChatResponse response = collect(doc.model());

            ReplyAssertions.assertReading(vendor(), doc.reading(), response, docId(doc), docUsage(doc));
        }));
    }

    @TestFactory
    Stream<DynamicTest> collectsWhatTheNonStreamingCallReturnsForTheSameReply() {
        return documentedStreams().stream().map(doc -> dynamicTest(describe(doc), () -> {
            Assumptions.assumeTrue(doc.twin() != null,
                    "the docs show no non-streaming reply with this stream's content; compared with the expected values instead");
            DocumentedStream.Twin twin = doc.twin();
            stub().reset();
            replyWithFixture(twin.fixture());
            ChatResponse plain = call(chatModel(doc.model()), prompt(doc.model(), "documented example: " + doc.name()));
            stub().reset();
            replyWith(200, fixtureBytes(doc), VendorStub.SSE);

            ChatResponse streamed = collect(doc.model());

            assertEquals(twin.toStreamed().apply(plain), streamed,
                    "the folded stream must equal the non-streaming reply, except: " + twin.difference());
        }));
    }

    @Test
    void sendsTheNonStreamingBodyWithStreamTrue() {
        DocumentedStream doc = documentedStreams().get(0);
        replyWithFixture(vendor().sampleReplyFixture());
        call(chatModel(doc.model()), prompt(doc.model(), "你好"));
        ObjectNode plain = Fixtures.parseObject(stub().onlyRequest().getBodyAsString());
        stub().reset();
        replyWith(200, fixtureBytes(doc), VendorStub.SSE);

        record(doc.model());

        ObjectNode streamed = Fixtures.parseObject(stub().onlyRequest().getBodyAsString());
        assertEquals(true, streamed.path("stream").asBoolean(false), () -> "\"stream\": true expected: " + streamed);
        plain.remove("stream");
        streamed.remove("stream");
        assertEquals(plain, streamed, "apart from the stream flag, streaming sends the same body");
    }

    @Test
    void mapsAnErrorEventMidStreamToTheVendorsTypedErrorAndIgnoresTheRest() {
        DocumentedError row = midStreamError();
        List<String> events = Fixtures.sseEvents(getClass(), firstStream().fixture());
        String error = "data: " + Fixtures.parse(row.body()) + "\n\n";
        // The whole documented stream follows the error: none of it may reach the consumer.
        replyWith(200, events.get(0) + "\n\n" + error + String.join("\n\n", events.subList(1, events.size())) + "\n\n", VendorStub.SSE);

        StreamRecording recording = record(firstStream().model());

        JunctionException e = recording.assertFailed();
        List<StreamPart> delivered = recording.partsBeforeFailure();
        List<StreamPart> baseline = partsOfTheFirstEventAlone();
        assertAll(row.describe() + " mid-stream",
                () -> assertEquals(row.kind(), e.kind(), "kind"),
                () -> assertEquals(vendor().id(), e.provider(), "provider"),
                () -> assertEquals(OptionalInt.of(200), e.httpStatus(), "HTTP status of the stream"),
                () -> assertEquals(Optional.of(row.vendorCode()), e.vendorCode(), "vendor code"),
                () -> assertEquals(Optional.ofNullable(row.traceId()), e.traceId(), "trace id"),
                () -> assertEquals(row.retryable(), e.retryable(), "retryable"),
                () -> assertTrue(e.getMessage().contains(row.message()), () -> "message should repeat the vendor's: " + e.getMessage()),
                () -> assertEquals(baseline, delivered,
                        "only the parts of the event before the error may be delivered"));
    }

    @Test
    void failsTheCollectedResponseWithTheMidStreamError() {
        DocumentedError row = midStreamError();
        String first = Fixtures.sseEvents(getClass(), firstStream().fixture()).get(0);
        replyWith(200, first + "\n\ndata: " + Fixtures.parse(row.body()) + "\n\n", VendorStub.SSE);

        JunctionException e = assertThrows(JunctionException.class, () -> collect(firstStream().model()));

        assertEquals(row.kind(), e.kind());
        assertEquals(Optional.of(row.vendorCode()), e.vendorCode());
    }

    @Test
    void failsAStreamThatClosesBeforeAnyFinishWithNetwork() {
        String first = firstEventWithoutFinish();
        replyWith(200, first + "\n\n", VendorStub.SSE);

        JunctionException e = record(firstStream().model()).assertFailed();

        assertTruncated(e);
        stub().reset();
        replyWith(200, first + "\n\n", VendorStub.SSE);
        JunctionException collected = assertThrows(JunctionException.class, () -> collect(firstStream().model()));
        assertTruncated(collected);
    }

    @Test
    void failsAStreamCutInsideAnEventWithNetwork() {
        List<String> events = Fixtures.sseEvents(getClass(), firstStream().fixture());
        byte[] second = events.get(1).getBytes(StandardCharsets.UTF_8);
        byte[] head = (firstEventWithoutFinish() + "\n\n").getBytes(StandardCharsets.UTF_8);
        // Half of the second event: the cut may well fall inside a UTF-8 character.
        byte[] body = Arrays.copyOf(head, head.length + second.length / 2);
        System.arraycopy(second, 0, body, head.length, second.length / 2);
        replyWith(200, body, VendorStub.SSE);

        JunctionException e = record(firstStream().model()).assertFailed();

        assertTruncated(e);
    }

    /** Streams a one-line request for {@code model} and waits for the stream to end or fail. */
    protected StreamRecording record(String model) {
        ChatStream stream = chatModel(model).stream(prompt(model, "你好"));
        return StreamRecording.of(stream).await(CALL_WAIT);
    }

    /** Streams a one-line request for {@code model} and folds it with {@link ChatStreams#collect}. */
    protected ChatResponse collect(String model) {
        return await(ChatStreams.collect(chatModel(model).stream(prompt(model, "你好"))));
    }

    /** Makes the stub answer the documented chat path with these bytes and HTTP 200. */
    protected void replyWith(int status, byte[] body, Map<String, String> headers) {
        stub().reply(vendor().chatPath(), status, body, headers);
    }

    /** Asserts the parts of a stream that ended normally against the documented stream. */
    protected void assertParts(DocumentedStream doc, StreamRecording recording) {
        assertEquals(List.of(), recording.exceptions(), "a documented stream must not fail");
        assertEquals(1, recording.endCount(), "the end handler runs once");
        List<Class<? extends StreamPart>> types = recording.types();
        assertOrder(types);
        // Fewer parts than documented means a chunk went missing between the socket and the consumer.
        assertEquals(doc.parts(), types, () -> (types.size() < doc.parts().size() ? "lost stream chunk: " : "stream parts: ")
                + "the sequence of part types");
        DocumentedReply expected = doc.reading();
        JsonNode docUsage = docUsage(doc);
        assertAll(doc.name(),
                () -> assertEquals(new StreamPart.Start(docId(doc), vendor().id(), expected.canonicalModel(), expected.vendorModel(), List.of()),
                        recording.partsOf(StreamPart.Start.class).get(0), "start"),
                () -> assertEquals(doc.textDeltas(), recording.partsOf(StreamPart.TextDelta.class).stream()
                        .map(StreamPart.TextDelta::text).toList(), "lost stream chunk? text deltas"),
                () -> assertEquals(doc.reasoningDeltas(), recording.partsOf(StreamPart.ReasoningDelta.class).stream()
                        .map(StreamPart.ReasoningDelta::text).toList(), "reasoning dropped? reasoning deltas"),
                () -> assertEquals(expected.images(), recording.partsOf(StreamPart.ImageOutput.class).stream()
                        .map(StreamPart.ImageOutput::image).toList(), "images"),
                () -> ReplyAssertions.assertWarnings(expected.warnings(), recording.partsOf(StreamPart.Warning.class).stream()
                        .map(StreamPart.Warning::message).toList()),
                () -> recording.partsOf(StreamPart.UsageReport.class).forEach(report -> {
                    ReplyAssertions.assertUsage(expected.usage(), report.usage(), docUsage);
                    ReplyAssertions.assertCost(vendor(), expected.cost(), report.cost(), expected.canonicalModel());
                }),
                () -> assertEquals(new StreamPart.Finish(expected.finishReason(), expected.rawFinishReason()),
                        recording.partsOf(StreamPart.Finish.class).get(0), "finish"));
    }

    /** The contract's order, whatever the vendor: one Start first, one Finish last, at most one UsageReport, just before the end. */
    private static void assertOrder(List<Class<? extends StreamPart>> types) {
        assertFalse(types.isEmpty(), "no parts at all");
        assertEquals(StreamPart.Start.class, types.get(0), () -> "Start comes first: " + types);
        assertEquals(StreamPart.Finish.class, types.get(types.size() - 1), () -> "Finish comes last: " + types);
        assertEquals(1, types.stream().filter(StreamPart.Start.class::equals).count(), () -> "one Start: " + types);
        assertEquals(1, types.stream().filter(StreamPart.Finish.class::equals).count(), () -> "one Finish: " + types);
        int usage = types.indexOf(StreamPart.UsageReport.class);
        assertTrue(usage == types.lastIndexOf(StreamPart.UsageReport.class), () -> "at most one UsageReport: " + types);
        assertTrue(usage < 0 || usage == types.size() - 2, () -> "the UsageReport comes right before the Finish: " + types);
    }

    /** Asserts the request is the documented chat call asking for a stream, with the flag written once. */
    protected void assertStreamingRequest(LoggedRequest request, String vendorModel) {
        assertChatCall(vendor(), request, vendor().chatPath(), TEST_KEY);
        String accept = request.getHeader("Accept");
        assertTrue(accept != null && accept.contains("text/event-stream"), () -> "Accept should ask for an event stream: " + accept);
        String body = request.getBodyAsString();
        JsonNode json = Fixtures.parse(body);
        assertTrue(json.path("stream").isBoolean() && json.path("stream").asBoolean(), () -> "\"stream\": true expected: " + body);
        // Jackson keeps the last of two equal keys, so count them in the text: a leftover "stream": false must fail.
        assertEquals(1, STREAM_KEY.matcher(body).results().count(), () -> "the stream flag must be written exactly once: " + body);
        assertEquals(vendorModel, json.path("model").asText(null), "model on the wire");
    }

    private void assertTruncated(JunctionException e) {
        assertAll("truncated stream",
                () -> assertEquals(ErrorKind.NETWORK, e.kind(), "kind"),
                () -> assertEquals(vendor().id(), e.provider(), "provider"),
                () -> assertTrue(e.getMessage().contains("stream truncated"), () -> "message: " + e.getMessage()),
                () -> assertTrue(e.retryable(), "a cut connection is worth retrying"));
    }

    /** What the first documented event produces when the stream then closes: the baseline before an error. */
    private List<StreamPart> partsOfTheFirstEventAlone() {
        stub().reset();
        replyWith(200, firstEventWithoutFinish() + "\n\n", VendorStub.SSE);
        StreamRecording alone = record(firstStream().model());
        alone.assertFailed();
        return alone.partsBeforeFailure();
    }

    private String firstEventWithoutFinish() {
        JsonNode data = Fixtures.sseJson(getClass(), firstStream().fixture()).get(0);
        assertTrue(data.path("choices").path(0).path("finish_reason").isMissingNode()
                        || data.path("choices").path(0).path("finish_reason").isNull(),
                "the first documented stream's first event must not carry a finish reason");
        return Fixtures.sseEvents(getClass(), firstStream().fixture()).get(0);
    }

    private DocumentedStream firstStream() {
        return documentedStreams().get(0);
    }

    private byte[] fixtureBytes(DocumentedStream doc) {
        return Fixtures.bytes(getClass(), doc.fixture());
    }

    /** The completion id of the stream's first JSON event, or {@code null}. */
    private String docId(DocumentedStream doc) {
        JsonNode first = Fixtures.sseJson(getClass(), doc.fixture()).get(0);
        return first.path("id").isTextual() ? first.path("id").asText() : null;
    }

    /** The last usage object the stream carries, or a missing node. */
    private JsonNode docUsage(DocumentedStream doc) {
        JsonNode usage = MissingNode.getInstance();
        for (JsonNode event : Fixtures.sseJson(getClass(), doc.fixture())) {
            if (event.path("usage").isObject()) {
                usage = event.path("usage");
            }
        }
        return usage;
    }

    private static String describe(DocumentedStream doc) {
        return doc.name() + " (adjustment: " + doc.adjustment() + ")";
    }
}
