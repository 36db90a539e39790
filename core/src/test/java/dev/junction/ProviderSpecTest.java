package dev.junction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The public view of a config string: every value but the key, and whether a key is there. */
class ProviderSpecTest {

    @Test
    void showsEveryValueButTheKey() {
        ProviderSpec spec = ProviderSpec.parse("acedata:gemini-2.5-pro?apiKey=sk-secret-1&timeout=30s&maxRetries=4");
        assertEquals("acedata", spec.providerId());
        assertEquals("gemini-2.5-pro", spec.model());
        assertTrue(spec.hasApiKey());
        assertEquals(Duration.ofSeconds(30), spec.timeout());
        assertEquals(4, spec.maxRetries());
        assertFalse(spec.toString().contains("sk-secret-1"), spec.toString());
    }

    @Test
    void saysWhenThereIsNoKey() {
        ProviderSpec spec = ProviderSpec.parse("yisu");
        assertFalse(spec.hasApiKey());
        assertEquals(null, spec.model());
    }
}
