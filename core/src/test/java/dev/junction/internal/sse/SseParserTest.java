package dev.junction.internal.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
    private final List<SseEvent> events = new ArrayList<>();
    private final SseParser parser = new SseParser(SseParser.DEFAULT_MAX_EVENT_BYTES, events::add);

    private void feed(String... chunks) {
        for (String chunk : chunks) {
            byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
            parser.feed(bytes, 0, bytes.length);
        }
    }

    private List<SseEvent> parse(String... chunks) {
        feed(chunks);
        parser.end();
        return events;
    }

    private static SseEvent message(String data) {
        return new SseEvent("message", data, null);
    }

    @Test
    void dispatchesOnLf() {
        assertEquals(List.of(message("a"), message("b")), parse("data: a\n\ndata: b\n\n"));
    }

    @Test
    void dispatchesOnCrLf() {
        assertEquals(List.of(message("a"), message("b")), parse("data: a\r\n\r\ndata: b\r\n\r\n"));
    }

    @Test
    void dispatchesOnCr() {
        assertEquals(List.of(message("a"), message("b")), parse("data: a\r\rdata: b\r\r"));
    }

    @Test
    void treatsCrAndLfSplitAcrossChunksAsOneLineEnding() {
        // Were the split pair two line endings, the LF would be a blank line dispatching "a" alone.
        assertEquals(List.of(message("a\nb")), parse("data: a\r", "\ndata: b\r", "\n\r", "\n"));
    }

    @Test
    void keepsPendingCrAcrossEmptyChunk() {
        assertEquals(List.of(message("a\nb")), parse("data: a\r", "", "\ndata: b\n\n"));
    }

    @Test
    void treatsCrFollowedByCrInNextChunkAsTwoLineEndings() {
        assertEquals(List.of(message("a")), parse("data: a\r", "\r"));
    }

    @Test
    void ignoresComments() {
        assertEquals(List.of(message("a")), parse(": keep-alive\n:data: b\ndata: a\n: more\n\n"));
    }

    @Test
    void acceptsDataWithAndWithoutSpaceAfterColon() {
        assertEquals(List.of(message("x"), message("x")), parse("data:x\n\ndata: x\n\n"));
    }

    @Test
    void removesOnlyOneSpaceAfterColon() {
        assertEquals(List.of(message(" x")), parse("data:  x\n\n"));
    }

    @Test
    void joinsDataLinesWithLf() {
        assertEquals(List.of(message("first\nsecond\n\nfourth")), parse("data: first\ndata: second\ndata:\ndata: fourth\n\n"));
    }

    @Test
    void setsEventTypeForOneEventOnly() {
        assertEquals(List.of(new SseEvent("delta", "a", null), message("b")), parse("event: delta\ndata: a\n\ndata: b\n\n"));
    }

    @Test
    void treatsEmptyEventTypeAsMessage() {
        assertEquals(List.of(message("a")), parse("event:\ndata: a\n\n"));
    }

    @Test
    void keepsLastIdAcrossEvents() {
        assertEquals(List.of(new SseEvent("message", "a", "7"), new SseEvent("message", "b", "7"), new SseEvent("message", "c", "九")),
                parse("id: 7\ndata: a\n\ndata: b\n\nid: 九\ndata: c\n\n"));
    }

    @Test
    void ignoresIdContainingNul() {
        assertEquals(List.of(new SseEvent("message", "a", "1")), parse("id: 1\nid: 2\u00003\ndata: a\n\n"));
    }

    @Test
    void emptyIdResetsLastId() {
        assertEquals(List.of(new SseEvent("message", "a", "1"), message("b")), parse("id: 1\ndata: a\n\nid\ndata: b\n\n"));
    }

    @Test
    void parsesRetryWhenAllDigits() {
        assertNull(parser.retryMillis());
        feed("retry: 1500\n");
        assertEquals(1500L, parser.retryMillis());
        feed("retry: 2s\nretry: -1\nretry:\nretry: 99999999999999999999\n");
        assertEquals(1500L, parser.retryMillis());
    }

    @Test
    void readsLineWithoutColonAsFieldWithEmptyValue() {
        assertEquals(List.of(message(""), message("\n")), parse("data\n\ndata\ndata\n\n"));
    }

    @Test
    void doesNotDispatchEventWithoutData() {
        assertEquals(List.of(message("a")), parse("event: ping\nid: 5\n\n\n\nid\nevent: x\n\ndata: a\n\n"));
    }

    @Test
    void skipsBomAtStreamStart() {
        assertEquals(List.of(message("a")), parse("\uFEFFdata: a\n\n"));
    }

    @Test
    void skipsBomSplitAcrossChunks() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (byte b : bom) {
            parser.feed(new byte[] {b}, 0, 1);
        }
        assertEquals(List.of(message("a")), parse("data: a\n\n"));
    }

    @Test
    void keepsBomAfterStreamStartAsPartOfFieldName() {
        // Only the stream's first bytes can be a BOM; later it makes the field name unknown.
        assertEquals(List.of(message("a")), parse("data: a\n\n\uFEFFdata: b\n\n"));
    }

    @Test
    void ignoresUnknownFields() {
        assertEquals(List.of(message("a")), parse("foo: bar\nDATA: no\ndata: a\nx\n\n"));
    }

    @Test
    void deliversDoneMarkerAsPlainEvent() {
        assertEquals(List.of(message("[DONE]")), parse("data: [DONE]\n\n"));
    }

    @Test
    void deliversEventAsSoonAsBlankLineArrives() {
        feed("data: a\n");
        assertEquals(List.of(), events);
        feed("\n");
        assertEquals(List.of(message("a")), events);
        feed("data: b\n\nda");
        assertEquals(List.of(message("a"), message("b")), events);
    }

    @Test
    void decodesUtf8SplitInsideCharacter() {
        byte[] bytes = "data: 我是一個大型語言模型\n\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            parser.feed(bytes, i, 1);
        }
        parser.end();
        assertEquals(List.of(message("我是一個大型語言模型")), events);
    }

    @Test
    void readsVertxBufferAndRespectsOffsetAndLength() {
        parser.feed(Buffer.buffer("data: a\n\n"));
        byte[] bytes = "xxdata: b\n\nyy".getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 2, bytes.length - 4);
        parser.end();
        assertEquals(List.of(message("a"), message("b")), events);
        assertFalse(parser.endedMidEvent());
    }

    @Test
    void endDispatchesPendingEventWhoseLastLineIsComplete() {
        assertEquals(List.of(message("a"), message("b\nc")), parse("data: a\n\ndata: b\ndata: c\n"));
        assertFalse(parser.endedMidEvent());
    }

    @Test
    void endDispatchesAfterTrailingCr() {
        assertEquals(List.of(message("a")), parse("data: a\r"));
        assertFalse(parser.endedMidEvent());
    }

    @Test
    void endDiscardsEventCutMidLine() {
        assertEquals(List.of(message("a")), parse("data: a\n\ndata: b\ndata: c"));
        assertTrue(parser.endedMidEvent());
    }

    @Test
    void endReportsCutCommentLine() {
        assertEquals(List.of(message("a")), parse("data: a\n\n: keep-al"));
        assertTrue(parser.endedMidEvent());
    }

    @Test
    void cleanEndIsNotMidEvent() {
        assertEquals(List.of(message("a")), parse("data: a\n\n"));
        assertFalse(parser.endedMidEvent());
    }

    @Test
    void refusesFeedAfterEnd() {
        parse("data: a\n\n");
        assertThrows(IllegalStateException.class, () -> feed("data: b\n\n"));
    }

    @Test
    void rejectsNonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> new SseParser(0, e -> { }));
    }
}
