package dev.junction.gateway.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The gateway codec's Jackson setup, and streams that read and write Vert.x buffers without copying them whole. */
final class WireJson {
    /**
     * Strings may be as long as the body: a data URI of a 20 MiB image is 27 M characters, past
     * Jackson's default cap of 20 M. The server's body limit is what bounds them.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private WireJson() {
    }

    /** Something that writes JSON into a generator. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    /** Runs {@code writer} on a generator that appends to a fresh buffer, and returns the buffer. */
    static Buffer write(Writer writer) {
        Buffer buffer = Buffer.buffer(256);
        append(buffer, writer);
        return buffer;
    }

    /** Runs {@code writer} on a generator that appends to {@code buffer}. */
    static void append(Buffer buffer, Writer writer) {
        try (JsonGenerator json = FACTORY.createGenerator(new BufferOutputStream(buffer))) {
            writer.write(json);
        } catch (IOException e) {
            // Writing to memory fails only on a bug (an unbalanced object, say), never on I/O.
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a buffer in place. */
    static final class BufferInputStream extends InputStream {
        private final Buffer buffer;
        private int position;

        BufferInputStream(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public int read() {
            return position < buffer.length() ? buffer.getByte(position++) & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            int left = buffer.length() - position;
            if (left <= 0) {
                return length == 0 ? 0 : -1;
            }
            int n = Math.min(left, length);
            buffer.getBytes(position, position + n, into, offset);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return buffer.length() - position;
        }
    }

    /** Appends to a buffer without an intermediate array. */
    static final class BufferOutputStream extends OutputStream {
        private final Buffer buffer;

        BufferOutputStream(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.appendBytes(bytes, offset, length);
        }
    }
}
