package dev.junction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The public view of a config string: every value but the key, and whether a key is there. */
class ProviderSpecTest {

    @Test
    void showsEveryValueButTheKey() {
        ProviderSpec spec = ProviderSpec.parse("acedata:gemini-2.5-pro?apiKey=sk-secret-1&baseUrl=https://proxy.example/v1"
                + "&timeout=30s&maxRetries=4&firstByteTimeout=5s&idleTimeout=7s&inlineRemoteMedia=true");
        assertEquals("acedata", spec.providerId());
        assertEquals("gemini-2.5-pro", spec.model());
        assertTrue(spec.hasApiKey());
        assertEquals(URI.create("https://proxy.example/v1"), spec.baseUrl());
        assertEquals(Duration.ofSeconds(30), spec.timeout());
        assertEquals(4, spec.maxRetries());
        assertEquals(Duration.ofSeconds(5), spec.firstByteTimeout());
        assertEquals(Duration.ofSeconds(7), spec.idleTimeout());
        assertEquals(Boolean.TRUE, spec.inlineRemoteMedia());
    }

    @Test
    void saysWhenThereIsNoKey() {
        ProviderSpec spec = ProviderSpec.parse("yisu");
        assertFalse(spec.hasApiKey());
        assertNull(spec.model());
        assertNull(spec.timeout(), "a value the string does not give is null, not a default");
    }
}
