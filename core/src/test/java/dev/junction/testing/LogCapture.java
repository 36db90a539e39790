package dev.junction.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * What Junction logs while it is open. Core's tests run with slf4j-simple writing to whatever
 * {@code System.err} is at each line (see {@code simplelogger.properties} in the test resources),
 * with {@code dev.junction} at DEBUG; this swaps {@code System.err} for a buffer and back.
 * Tests run one at a time, so the buffer holds this test's lines (and perhaps a late line of an
 * earlier one, which only makes a check for absence stricter).
 */
public final class LogCapture implements AutoCloseable {
    private final PrintStream original;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private LogCapture() {
        original = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** Starts capturing, after checking that Junction's loggers do write DEBUG lines: else every check would pass vacuously. */
    public static LogCapture start() {
        for (String name : new String[] {"dev.junction.http", "dev.junction.http.body", "dev.junction.retry"}) {
            assertTrue(LoggerFactory.getLogger(name).isDebugEnabled(), name + " is not at DEBUG: is slf4j-simple on the test class path?");
        }
        return new LogCapture();
    }

    /** Everything logged so far. */
    public String text() {
        System.err.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
