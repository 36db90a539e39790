package dev.junction.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.testing.TestBytes;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming base64 encoder behind data URIs, around its 48 KiB block boundary. */
class Base64ReaderTest {
    private static final String PREFIX = "data:image/png;base64,";

    private static String readAll(Reader reader, int chunk) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buf = new char[chunk];
        for (int n; (n = reader.read(buf, 0, buf.length)) >= 0; ) {
            out.append(buf, 0, n);
        }
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 49151, 49152, 49153, 100000})
    void streamsThePrefixThenTheExactBase64(int size) throws IOException {
        byte[] bytes = TestBytes.random(size);
        try (Reader reader = new Base64Reader(PREFIX, new ByteArrayInputStream(bytes))) {
            assertEquals(PREFIX + Base64.getEncoder().encodeToString(bytes), readAll(reader, 8192));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 49153, 100000})
    void encodesTheSameWhenTheStreamDeliversOneByteAtATime(int size) throws IOException {
        byte[] bytes = TestBytes.random(size);
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        try (Reader reader = new Base64Reader(PREFIX, trickle)) {
            assertEquals(PREFIX + Base64.getEncoder().encodeToString(bytes), readAll(reader, 7));
        }
    }

    @Test
    void returnsZeroForAZeroLengthRead() throws IOException {
        try (Reader reader = new Base64Reader(PREFIX, new ByteArrayInputStream(new byte[] {1}))) {
            assertEquals(0, reader.read(new char[4], 0, 0));
        }
    }

    @Test
    void keepsReturningEndOfStreamAfterTheEnd() throws IOException {
        try (Reader reader = new Base64Reader("", new ByteArrayInputStream(new byte[] {1, 2, 3}))) {
            assertEquals("AQID", readAll(reader, 100));
            assertEquals(-1, reader.read(new char[4], 0, 4));
        }
    }

    @Test
    void closesTheUnderlyingStream() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new FilterInputStream(new ByteArrayInputStream(new byte[0])) {
            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        };
        new Base64Reader(PREFIX, in).close();
        assertTrue(closed.get());
    }
}
