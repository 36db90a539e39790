package dev.junction.internal.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserLimitsTest {
    private final List<SseEvent> events = new ArrayList<>();

    private static void feed(SseParser parser, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 0, bytes.length);
    }

    @Test
    void acceptsEventExactlyAtLimit() {
        SseParser parser = new SseParser(16, events::add);
        feed(parser, "data: 0123456789\n\n"); // a 16-byte line
        assertEquals(List.of(new SseEvent("message", "0123456789", null)), events);
    }

    @Test
    void rejectsLineOverLimitAndReportsLimit() {
        SseParser parser = new SseParser(16, events::add);
        var e = assertThrows(SseParser.EventTooLargeException.class, () -> feed(parser, "data: 0123456789A\n\n"));
        assertEquals(16, e.limit());
        assertTrue(e.getMessage().contains("16"), e.getMessage());
        assertEquals(List.of(), events);
    }

    @Test
    void countsDataAlreadyBufferedForTheEvent() {
        SseParser parser = new SseParser(20, events::add);
        feed(parser, "data: 0123456789\n"); // 11 data bytes buffered, LF included
        assertThrows(SseParser.EventTooLargeException.class, () -> feed(parser, "data: 0123\n"));
    }

    @Test
    void boundsEachEventNotTheWholeStream() {
        SseParser parser = new SseParser(64, events::add);
        for (int i = 0; i < 1000; i++) {
            feed(parser, "data: " + "x".repeat(50) + "\n\n");
        }
        assertEquals(1000, events.size());
    }

    @Test
    void deliversEarlierEventsBeforeFailing() {
        SseParser parser = new SseParser(16, events::add);
        assertThrows(SseParser.EventTooLargeException.class, () -> feed(parser, "data: a\n\ndata: " + "x".repeat(20)));
        assertEquals(List.of(new SseEvent("message", "a", null)), events);
    }

    @Test
    void failsOnTheChunkThatCrossesTheLimitWhenFedEightMebibytes() {
        int limit = 1024;
        SseParser parser = new SseParser(limit, events::add);
        feed(parser, "data: ");
        byte[] chunk = new byte[100];
        Arrays.fill(chunk, (byte) 'x');
        long total = 8L * 1024 * 1024 + 1;
        long fed = 6;
        int chunks = 0;
        SseParser.EventTooLargeException failure = null;
        while (fed < total && failure == null) {
            int n = (int) Math.min(chunk.length, total - fed);
            chunks++;
            try {
                parser.feed(chunk, 0, n);
                fed += n;
            } catch (SseParser.EventTooLargeException e) {
                failure = e;
            }
        }
        // 6 + 100 * 10 = 1006 bytes fit; the 11th chunk would make 1106, so it must be refused.
        assertEquals(11, chunks);
        assertEquals(1006, fed);
        assertEquals(limit, failure.limit());
    }

    @Test
    void failsOnLongLineSplitAcrossManyDataLines() {
        SseParser parser = new SseParser(1024, events::add);
        int lines = 0;
        SseParser.EventTooLargeException failure = null;
        while (failure == null && lines < 10_000) {
            try {
                feed(parser, "data: 0123456789\n");
                lines++;
            } catch (SseParser.EventTooLargeException e) {
                failure = e;
            }
        }
        // Each line buffers 11 data bytes; 92 lines hold 1012, and a 16-byte 93rd line would make 1028.
        assertEquals(92, lines);
        assertEquals(List.of(), events);
    }

    @Test
    void isUnusableAfterFailure() {
        SseParser parser = new SseParser(8, events::add);
        assertThrows(SseParser.EventTooLargeException.class, () -> feed(parser, "data: 0123456789"));
        assertThrows(IllegalStateException.class, () -> feed(parser, "\n\n"));
        parser.end();
        assertTrue(parser.endedMidEvent());
        assertEquals(List.of(), events);
    }
}
