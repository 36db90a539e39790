package dev.junction.internal.sse;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An incremental Server-Sent-Events parser following the WHATWG event-stream rules, fed with
 * arbitrary byte chunks and delivering each {@link SseEvent} synchronously, in order, as soon as
 * its terminating blank line has been read.
 *
 * <p>Chunks may split the stream anywhere: inside a CR LF pair or inside a multi-byte UTF-8
 * character. Bytes are decoded only once a whole event is in hand. The bytes buffered for one event
 * (its data so far plus the current line) are bounded by {@code maxEventBytes}; crossing the bound
 * throws {@link EventTooLargeException} and leaves the parser unusable. Not thread-safe.
 */
public final class SseParser {
    /** Default bound on one event: generous for inline images, yet caps a runaway stream. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024;

    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
    private static final byte[] ID = {'i', 'd'};
    private static final byte[] RETRY = {'r', 'e', 't', 'r', 'y'};

    /** The largest chunk copied into {@link #scratch}; network chunks are far smaller (Vert.x's default maxChunkSize is 8 KiB). */
    private static final int MAX_SCRATCH_BYTES = 64 * 1024;

    private final int maxEventBytes;
    /** Where {@link #feed(Buffer)} copies a chunk; its bytes are never kept past the call. */
    private byte[] scratch = new byte[0];
    private final DataSink sink;
    /** Raw bytes of a line that a chunk boundary cut; only used when a line spans chunks. */
    private byte[] line = new byte[128];
    private int lineLen;
    /** Raw data lines of the pending event, each followed by LF; decoded once at dispatch. */
    private byte[] data = new byte[256];
    private int dataLen;
    private String eventType;
    private String lastEventId;
    private Long retryMillis;
    /** The previous chunk ended with CR, so an LF opening the next chunk belongs to that line ending. */
    private boolean pendingCr;
    private boolean firstLine = true;
    private boolean failed;
    private boolean ended;
    private boolean endedMidEvent;

    /**
     * Creates a parser.
     *
     * @param maxEventBytes bound on the bytes buffered for one event, positive
     * @param sink receives every dispatched event on the thread that calls {@link #feed}
     */
    public SseParser(int maxEventBytes, Consumer<SseEvent> sink) {
        this(maxEventBytes, decoding(Objects.requireNonNull(sink, "sink")));
    }

    /**
     * Creates a parser that hands each event's data over as the UTF-8 bytes it arrived in, so that a
     * consumer that parses them (as JSON) need not decode them to a String first.
     *
     * @param maxEventBytes bound on the bytes buffered for one event, positive
     * @param sink receives every dispatched event on the thread that calls {@link #feed}
     */
    public SseParser(int maxEventBytes, DataSink sink) {
        if (maxEventBytes <= 0) {
            throw new IllegalArgumentException("maxEventBytes must be positive, was " + maxEventBytes);
        }
        this.maxEventBytes = maxEventBytes;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    private static DataSink decoding(Consumer<SseEvent> sink) {
        return (type, data, offset, length, id) -> sink.accept(new SseEvent(type, new String(data, offset, length, StandardCharsets.UTF_8), id));
    }

    /**
     * Feeds the next chunk of the stream. Its bytes are copied into a scratch array kept for the next
     * chunk, so network-sized chunks cost no allocation; a chunk larger than
     * {@value #MAX_SCRATCH_BYTES} bytes gets an array of its own.
     */
    public void feed(Buffer chunk) {
        int n = chunk.length();
        if (n > MAX_SCRATCH_BYTES) {
            feed(chunk.getBytes(), 0, n);
            return;
        }
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, Math.min(MAX_SCRATCH_BYTES, 2 * scratch.length))];
        }
        chunk.getBytes(0, n, scratch, 0);
        feed(scratch, 0, n);
    }

    /**
     * Feeds the next chunk of the stream; the bytes are copied if needed, never kept.
     *
     * @throws EventTooLargeException if the pending event outgrows {@code maxEventBytes}
     * @throws IllegalStateException after {@link #end()} or after an {@link EventTooLargeException}
     */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (failed || ended) {
            throw new IllegalStateException(failed ? "SSE parser failed on an oversized event" : "SSE stream already ended");
        }
        int i = offset;
        int end = offset + length;
        if (pendingCr && i < end) {
            pendingCr = false;
            if (bytes[i] == '\n') {
                i++;
            }
        }
        while (i < end) {
            int start = i;
            while (i < end && bytes[i] != '\n' && bytes[i] != '\r') {
                i++;
            }
            int segment = i - start;
            // Check before buffering anything, so a huge line can never grow memory past the bound.
            checkSize((long) lineLen + segment);
            if (i == end) {
                appendLine(bytes, start, segment);
                return;
            }
            if (bytes[i++] == '\r') {
                if (i == end) {
                    pendingCr = true;
                } else if (bytes[i] == '\n') {
                    i++;
                }
            }
            if (lineLen == 0) {
                // Fast path: the whole line sits in this chunk, so parse it in place without copying.
                processLine(bytes, start, segment);
            } else {
                appendLine(bytes, start, segment);
                int n = lineLen;
                lineLen = 0; // cleared first: a throwing sink must not leave this line to be replayed
                processLine(line, 0, n);
            }
        }
    }

    /**
     * Signals the end of the stream.
     *
     * <p>If the last line was complete (ended by a line ending) and an event with data is pending,
     * that event is dispatched: lenient towards servers that close without the final blank line. If
     * the stream stopped in the middle of a line, that line and the pending event are discarded and
     * {@link #endedMidEvent()} becomes true, since the cut event could be missing data. After an
     * {@link EventTooLargeException} this only records {@code endedMidEvent}. Later calls do nothing.
     */
    public void end() {
        if (ended) {
            return;
        }
        ended = true;
        pendingCr = false;
        if (failed || lineLen > 0) {
            lineLen = 0;
            dataLen = 0;
            eventType = null;
            endedMidEvent = true;
            return;
        }
        dispatch();
    }

    /** True after {@link #end()} if a partial line or event was discarded because the stream was cut. */
    public boolean endedMidEvent() {
        return endedMidEvent;
    }

    /** The reconnection delay from the last valid {@code retry:} field, or null if none was seen. */
    public Long retryMillis() {
        return retryMillis;
    }

    private void appendLine(byte[] src, int from, int len) {
        int needed = lineLen + len;
        if (needed > line.length) {
            line = Arrays.copyOf(line, grow(line.length, needed));
        }
        System.arraycopy(src, from, line, lineLen, len);
        lineLen = needed;
    }

    private void checkSize(long lineBytes) {
        if (dataLen + lineBytes > maxEventBytes) {
            failed = true;
            // Release the buffers: the parser is dead and should not pin up to maxEventBytes.
            line = new byte[0];
            data = new byte[0];
            lineLen = 0;
            dataLen = 0;
            throw new EventTooLargeException(maxEventBytes);
        }
    }

    private int grow(int capacity, int needed) {
        // needed never exceeds maxEventBytes (checked first), so capping keeps the buffer bounded.
        return (int) Math.min(maxEventBytes, Math.max(needed, 2L * capacity));
    }

    private void processLine(byte[] b, int from, int len) {
        if (firstLine) {
            firstLine = false;
            if (len >= 3 && b[from] == (byte) 0xEF && b[from + 1] == (byte) 0xBB && b[from + 2] == (byte) 0xBF) {
                from += 3;
                len -= 3;
            }
        }
        if (len == 0) {
            dispatch();
            return;
        }
        if (b[from] == ':') {
            return;
        }
        int colon = from;
        int end = from + len;
        while (colon < end && b[colon] != ':') {
            colon++;
        }
        int nameLen = colon - from;
        int value = colon < end ? colon + 1 : end;
        if (value < end && b[value] == ' ') {
            value++;
        }
        int valueLen = end - value;
        if (is(b, from, nameLen, DATA)) {
            int needed = dataLen + valueLen + 1;
            if (needed > data.length) {
                data = Arrays.copyOf(data, grow(data.length, needed));
            }
            System.arraycopy(b, value, data, dataLen, valueLen);
            data[needed - 1] = '\n';
            dataLen = needed;
        } else if (is(b, from, nameLen, EVENT)) {
            eventType = new String(b, value, valueLen, StandardCharsets.UTF_8);
        } else if (is(b, from, nameLen, ID)) {
            for (int k = value; k < end; k++) {
                if (b[k] == 0) {
                    return;
                }
            }
            // An empty id resets the last event id, which WHATWG models as the empty string.
            lastEventId = valueLen == 0 ? null : new String(b, value, valueLen, StandardCharsets.UTF_8);
        } else if (is(b, from, nameLen, RETRY)) {
            parseRetry(b, value, valueLen);
        }
    }

    private void parseRetry(byte[] b, int from, int len) {
        if (len == 0) {
            return;
        }
        long millis = 0;
        for (int k = from; k < from + len; k++) {
            int digit = b[k] - '0';
            if (digit < 0 || digit > 9 || millis > (Long.MAX_VALUE - digit) / 10) {
                return;
            }
            millis = millis * 10 + digit;
        }
        retryMillis = millis;
    }

    private void dispatch() {
        if (dataLen == 0) {
            eventType = null;
            return;
        }
        String type = eventType == null || eventType.isEmpty() ? "message" : eventType;
        int length = dataLen - 1;
        dataLen = 0;
        eventType = null;
        // The bytes stay valid during the call: nothing feeds the parser until the sink returns.
        sink.event(type, data, 0, length, lastEventId);
    }

    private static boolean is(byte[] b, int from, int len, byte[] name) {
        return len == name.length && Arrays.equals(b, from, from + len, name, 0, len);
    }

    /**
     * Receives one dispatched event with its data still in UTF-8 bytes (the data lines joined with
     * LF, as {@link SseEvent#data()} would hold them decoded).
     */
    @FunctionalInterface
    public interface DataSink {
        /**
         * Handles one event. The bytes belong to the parser and are valid only during this call.
         *
         * @param type the event type, as {@link SseEvent#event()}
         * @param data holds the data's bytes from {@code offset}, {@code length} of them
         * @param id the last event id, as {@link SseEvent#id()}
         */
        void event(String type, byte[] data, int offset, int length, String id);
    }

    /** Thrown when one event would buffer more than the parser's bound; the stream cannot be resumed. */
    public static final class EventTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        EventTooLargeException(long limit) {
            super("SSE event exceeds the limit of " + limit + " bytes");
            this.limit = limit;
        }

        /** The bound, in bytes, that the event crossed. */
        public long limit() {
            return limit;
        }
    }
}
