package dev.junction.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A stream over a buffer reads exactly its bytes, or the range asked for, and then ends. */
class BufferInputStreamTest {
    private static final byte[] BYTES = "{\"content\":\"量子计算\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void readsTheWholeBufferInBlocksOfAnySize() throws Exception {
        for (int block = 1; block <= BYTES.length + 1; block++) {
            assertArrayEquals(BYTES, drain(new BufferInputStream(Buffer.buffer(BYTES)), block), "block " + block);
        }
    }

    @Test
    void readsOnlyTheRangeAskedFor() throws Exception {
        BufferInputStream range = new BufferInputStream(Buffer.buffer(BYTES), 2, 9);
        assertEquals(7, range.available());
        assertEquals(BYTES[2] & 0xff, range.read());
        assertEquals(2, range.skip(2));
        assertArrayEquals(java.util.Arrays.copyOfRange(BYTES, 5, 9), drain(range, 3));
        assertEquals(-1, range.read());
        assertEquals(-1, range.read(new byte[4], 0, 4));
        assertEquals(0, range.read(new byte[4], 0, 0));
        assertEquals(0, range.skip(10));
    }

    @Test
    void jacksonParsesFromIt() throws Exception {
        assertEquals("量子计算", JsonMappers.LENIENT.readTree(new BufferInputStream(Buffer.buffer(BYTES))).path("content").asText());
    }

    @Test
    void refusesARangeOutsideTheBufferAndABadTarget() {
        assertThrows(IndexOutOfBoundsException.class, () -> new BufferInputStream(Buffer.buffer(BYTES), 3, BYTES.length + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> new BufferInputStream(Buffer.buffer(BYTES)).read(new byte[2], 1, 2));
    }

    private static byte[] drain(BufferInputStream in, int block) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[block];
        for (int n; (n = in.read(chunk, 0, block)) != -1; ) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
