package dev.junction.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import dev.junction.error.JunctionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Records everything a {@link ChatStream} delivers: its parts, and how (and how often) it ended.
 * The waits are bounded by {@link Futures#BOUND_SECONDS}.
 */
public final class StreamRecorder {
    private final List<StreamPart> parts = new ArrayList<>();
    private final CountDownLatch terminal = new CountDownLatch(1);
    private final AtomicInteger ends = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile Throwable error;

    private StreamRecorder() {
    }

    /** Sets all three handlers of the stream. */
    public static StreamRecorder record(ChatStream stream) {
        return record(stream, part -> { });
    }

    /** Sets all three handlers; {@code onPart} runs after each part was recorded (to pause, cancel…). */
    public static StreamRecorder record(ChatStream stream, Consumer<StreamPart> onPart) {
        StreamRecorder r = new StreamRecorder();
        stream.exceptionHandler(e -> {
            r.error = e;
            r.failures.incrementAndGet();
            r.terminal.countDown();
        });
        stream.endHandler(v -> {
            r.ends.incrementAndGet();
            r.terminal.countDown();
        });
        stream.handler(part -> {
            synchronized (r.parts) {
                r.parts.add(part);
            }
            onPart.accept(part);
        });
        return r;
    }

    /** A copy of the parts so far. */
    public List<StreamPart> parts() {
        synchronized (parts) {
            return List.copyOf(parts);
        }
    }

    /** The parts of one type, in order. */
    public <T extends StreamPart> List<T> parts(Class<T> type) {
        return parts().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** All text deltas joined. */
    public String text() {
        StringBuilder b = new StringBuilder();
        parts(StreamPart.TextDelta.class).forEach(t -> b.append(t.text()));
        return b.toString();
    }

    /** Waits for the end handler; fails the test on a failure or a hang. Returns the parts. */
    public List<StreamPart> awaitEnd() {
        awaitTerminal();
        assertNull(error, () -> "expected a normal end, got " + error);
        assertEquals(1, ends.get(), "end handler calls");
        List<StreamPart> all = parts();
        assertInstanceOf(StreamPart.Start.class, all.get(0), "first part");
        assertInstanceOf(StreamPart.Finish.class, all.get(all.size() - 1), "last part");
        return all;
    }

    /**
     * Waits for the exception handler; checks the last part was the {@link StreamPart.Failure}
     * carrying the same exception, and that the end handler was not called.
     */
    public JunctionException awaitFailure() {
        awaitTerminal();
        Throwable e = error;
        if (e == null) {
            return fail("expected a failure, but the stream ended normally with " + parts());
        }
        assertEquals(0, ends.get(), "end handler calls after a failure");
        assertEquals(1, failures.get(), "exception handler calls");
        List<StreamPart> all = parts();
        StreamPart.Failure last = assertInstanceOf(StreamPart.Failure.class, all.get(all.size() - 1), "last part");
        assertSame(last.error(), e, "the Failure part and the exception handler carry the same error");
        assertEquals(1, parts(StreamPart.Failure.class).size(), "Failure parts");
        return assertInstanceOf(JunctionException.class, e);
    }

    /**
     * Waits for the exception handler after a cancel: exactly one call, with a CANCELLED error saying
     * the stream was cancelled, no Failure part and no end handler.
     */
    public JunctionException awaitCancelled() {
        awaitTerminal();
        assertEquals(0, ends.get(), "end handler calls after a cancel");
        assertEquals(1, failures.get(), "exception handler calls");
        assertEquals(0, parts(StreamPart.Failure.class).size(), "no Failure part follows a cancel");
        JunctionException e = assertInstanceOf(JunctionException.class, error);
        assertEquals(dev.junction.error.ErrorKind.CANCELLED, e.kind());
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        return e;
    }

    /** Whether the stream has ended or failed. */
    public boolean isTerminated() {
        return terminal.getCount() == 0;
    }

    private void awaitTerminal() {
        try {
            assertTrue(terminal.await(Futures.BOUND_SECONDS, TimeUnit.SECONDS),
                    () -> "the stream neither ended nor failed within " + Futures.BOUND_SECONDS + " s; parts: " + parts());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
