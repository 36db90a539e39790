package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import dev.junction.error.JunctionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a {@link ChatStream} delivered to its three handlers, recorded in order, with a
 * bounded wait for the stream to end or fail.
 */
public final class StreamRecording {
    private final List<StreamPart> parts = new CopyOnWriteArrayList<>();
    private final List<Throwable> exceptions = new CopyOnWriteArrayList<>();
    private final AtomicInteger ends = new AtomicInteger();
    private final CompletableFuture<Void> over = new CompletableFuture<>();

    private StreamRecording() {
    }

    /** Sets the stream's handlers (exception and end handlers first, so nothing is missed) and records from now on. */
    public static StreamRecording of(ChatStream stream) {
        StreamRecording recording = new StreamRecording();
        stream.exceptionHandler(e -> {
            recording.exceptions.add(e);
            recording.over.complete(null);
        });
        stream.endHandler(v -> {
            recording.ends.incrementAndGet();
            recording.over.complete(null);
        });
        stream.handler(recording.parts::add);
        return recording;
    }

    /** Waits at most {@code limit} for the end handler or the exception handler; fails the test on timeout. */
    public StreamRecording await(Duration limit) {
        try {
            over.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fail("the stream neither ended nor failed within " + limit + "; parts so far: " + parts);
        } catch (ExecutionException e) {
            throw new AssertionError("cannot happen: the future is only ever completed normally", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the stream");
        }
        return this;
    }

    /** The parts received so far, in order. */
    public List<StreamPart> parts() {
        return List.copyOf(parts);
    }

    /** The type of each part received so far, in order. */
    public List<Class<? extends StreamPart>> types() {
        return parts.stream().<Class<? extends StreamPart>>map(StreamPart::getClass).toList();
    }

    /** The parts of one type, in order. */
    public <T extends StreamPart> List<T> partsOf(Class<T> type) {
        return parts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** How often the end handler ran. */
    public int endCount() {
        return ends.get();
    }

    /** What the exception handler received, in order. */
    public List<Throwable> exceptions() {
        return List.copyOf(exceptions);
    }

    /**
     * Asserts the stream failed the documented way: exactly one {@link StreamPart.Failure}, as the
     * last part; the same exception, once, to the exception handler; the end handler never called.
     *
     * @return the error
     */
    public JunctionException assertFailed() {
        List<StreamPart> all = parts();
        if (all.isEmpty() || !(all.get(all.size() - 1) instanceof StreamPart.Failure failure)) {
            return fail("a failed stream ends with a Failure part; got " + all);
        }
        assertEquals(1, partsOf(StreamPart.Failure.class).size(), () -> "exactly one Failure part: " + all);
        assertEquals(0, endCount(), "the end handler must not run after a failure");
        assertEquals(1, exceptions.size(), () -> "the exception handler runs exactly once: " + exceptions);
        assertInstanceOf(JunctionException.class, exceptions.get(0), "the exception handler gets a JunctionException");
        assertSame(failure.error(), exceptions.get(0), "the exception handler gets the Failure part's own error");
        return failure.error();
    }

    /** The parts before the final {@link StreamPart.Failure}, or all parts when there is none. */
    public List<StreamPart> partsBeforeFailure() {
        List<StreamPart> all = parts();
        return !all.isEmpty() && all.get(all.size() - 1) instanceof StreamPart.Failure ? all.subList(0, all.size() - 1) : all;
    }
}
