package dev.junction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.ProviderSettings;
import org.junit.jupiter.api.Test;

/** The {@code inlineRemoteMedia} config-string key: parsed strictly, off unless given. */
class InlineRemoteMediaSettingTest {
    @Test
    void readsTrueAndFalseInAnyCase() {
        assertEquals(Boolean.TRUE, ProviderSpec.parse("yisu?inlineRemoteMedia=true").inlineRemoteMedia());
        assertEquals(Boolean.TRUE, ProviderSpec.parse("yisu?inlineRemoteMedia=TRUE").inlineRemoteMedia());
        assertEquals(Boolean.FALSE, ProviderSpec.parse("yisu:m?timeout=1s&inlineRemoteMedia=false").inlineRemoteMedia());
    }

    @Test
    void isUnsetWhenNotGivenAndOffByDefault() {
        assertNull(ProviderSpec.parse("yisu").inlineRemoteMedia());
        assertFalse(ProviderSettings.defaults("yisu").inlineRemoteMedia());
        assertTrue(ProviderSpec.KEYS.contains("inlineRemoteMedia"));
    }

    @Test
    void refusesAnythingButABoolean() {
        JunctionException e = assertThrows(JunctionException.class, () -> ProviderSpec.parse("yisu?inlineRemoteMedia=yes"));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("inlineRemoteMedia 'yes' is not true or false"), e.getMessage());
    }
}
