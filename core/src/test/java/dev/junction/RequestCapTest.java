package dev.junction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Futures;
import dev.junction.testing.VendorServer;
import org.junit.jupiter.api.Test;

/** The request-size cap: a body over it is refused before anything is sent. */
class RequestCapTest {

    @Test
    void refusesInlineMediaOverTheCapBeforeEncodingIt() {
        try (VendorServer vendor = new VendorServer(b -> b.maxRequestBytes(1_000))) {
            ChatRequest big = ChatRequest.builder().user(Part.text("看"), Part.bytes(new byte[900], "image/png")).build();
            JunctionException e = Futures.failure(vendor.model().chat(big));
            assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
            assertTrue(e.getMessage().contains("over the 1000-byte cap; nothing was sent"), e.getMessage());
            assertEquals(0, vendor.requests());
        }
    }

    @Test
    void refusesAWrittenBodyOverTheCap() {
        try (VendorServer vendor = new VendorServer(b -> b.maxRequestBytes(200))) {
            JunctionException e = Futures.failure(vendor.model().chat("你好".repeat(100)));
            assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
            assertTrue(e.getMessage().contains("over the 200-byte cap"), e.getMessage());
            assertEquals(0, vendor.requests());
        }
    }

    @Test
    void refusesANonPositiveCapWhenBuilt() {
        JunctionException e = assertThrows(JunctionException.class, () -> Junction.builder().maxRequestBytes(0).build());
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
    }
}
