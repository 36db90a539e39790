package dev.junction.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Part#dataUri(String)}: what it accepts, what it refuses and how it says so. */
class DataUriTest {
    private static final String PNG = "data:image/png;base64,iVBORw0KGgo=";

    @Test
    void keepsTheStringItWasGiven() {
        Part part = Part.dataUri(PNG);
        MediaSource.DataUri source = assertInstanceOf(MediaSource.DataUri.class, assertInstanceOf(Part.Media.class, part).source());
        assertSame(PNG, source.uri());
        assertEquals("image/png", source.mediaType());
        assertEquals("iVBORw0KGgo=", source.payload().toString());
        assertEquals(22, source.payloadStart());
        assertEquals(12, source.payloadLength());
    }

    @Test
    void lowerCasesTheMediaTypeAndAcceptsAnEmptyPayload() {
        assertEquals("image/jpeg", new MediaSource.DataUri("DATA:Image/JPEG;BASE64,").mediaType());
    }

    @Test
    void showsNoPayloadInToString() {
        String shown = Part.dataUri(PNG).toString();
        assertFalse(shown.contains("iVBORw0KGgo"), shown);
        assertTrue(shown.contains("image/png"), shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iVBORw0KGgo=", "https://example.com/a.png", "data:image/png,iVBORw0KGgo=", "data:image/png;base64"})
    void refusesAnythingButABase64DataUri(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Part.dataUri(text));
        assertTrue(e.getMessage().contains("expected data:TYPE;base64,DATA"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"data:;base64,AAAA", "data:png;base64,AAAA", "data:image/png;charset=x;base64,AAAA"})
    void refusesAMediaTypeThatIsNotTypeSlashSubtype(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Part.dataUri(text));
        assertTrue(e.getMessage().contains("type/subtype"), e.getMessage());
    }

    @Test
    void refusesCharactersOutsideTheBase64AlphabetNamingWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Part.dataUri("data:image/gif;base64,R0lG OD=="));
        assertTrue(e.getMessage().contains("character 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Part.dataUri("data:image/gif;base64,R0=G"));
    }

    @Test
    void refusesATruncatedPayload() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Part.dataUri("data:image/gif;base64,R0lGO"));
        assertTrue(e.getMessage().contains("not a multiple of 4"), e.getMessage());
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> Part.dataUri(null));
    }
}
