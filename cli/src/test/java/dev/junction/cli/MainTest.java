package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule for ANSI styles on stderr. */
class MainTest {

    @Test
    void stylesOnlyWithAConsoleAndNoNoColor() {
        assertTrue(Main.ansiByDefault(true, Map.<String, String>of()::get));
        assertTrue(Main.ansiByDefault(true, Map.of("NO_COLOR", "")::get), "an empty NO_COLOR does not count (no-color.org)");
        assertFalse(Main.ansiByDefault(true, Map.of("NO_COLOR", "1")::get));
        assertFalse(Main.ansiByDefault(false, Map.<String, String>of()::get));
    }
}
