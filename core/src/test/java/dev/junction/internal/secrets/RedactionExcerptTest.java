package dev.junction.internal.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Body excerpts for log lines: masked before they are cut, never ending in the head of the key. */
class RedactionExcerptTest {
    private static final String KEY = "sk-canary-5eed";
    private static final MultiMap HEADERS = MultiMap.caseInsensitiveMultiMap()
            .set("Authorization", "Bearer " + KEY)
            .set("Content-Type", "application/json");

    private static String excerpt(String body, int max) {
        return Redaction.excerpt(Buffer.buffer(body), max, HEADERS);
    }

    @Test
    void showsAShortBodyWholeWithTheKeyMasked() {
        assertEquals("{\"echo\":\"****\",\"again\":\"****\"}", excerpt("{\"echo\":\"Bearer " + KEY + "\",\"again\":\"" + KEY + "\"}", 2048));
    }

    @Test
    void masksTheKeyAsJsonWritesIt() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Authorization", "Bearer sk-canary/x\"y");
        String text = Redaction.excerpt(Buffer.buffer("{\"echo\":\"sk-canary\\/x\\\"y\"}"), 2048, headers);
        assertEquals("{\"echo\":\"****\"}", text);
    }

    @Test
    void cutsALongBodyAtTheLimitAndSaysHowLongItWas() {
        String text = excerpt("a".repeat(5000), 2048);
        assertEquals("a".repeat(2048) + "… (5000 bytes in all)", text);
    }

    @Test
    void neverLeavesTheHeadOfAKeyThatTheCutWouldSplit() {
        for (int before = 2030; before <= 2048; before++) {
            String text = excerpt("x".repeat(before) + KEY + "y".repeat(100), 2048);
            assertFalse(text.contains("sk-c") || text.endsWith("xs") || text.contains("xsk"), before + ": " + text);
            assertTrue(text.startsWith("x".repeat(Math.min(before, 2048) - 1)), before + ": " + text);
        }
    }

    @Test
    void leavesNoHeadOfAKeyWhenMaskingPullsItBelowTheCut() {
        // Masking many echoes shortens the text, drawing the end of the window, cut through a key, below the limit.
        String text = excerpt(KEY.repeat(400), 2048);
        assertFalse(text.contains("sk-") || text.contains("canary"), text);
        assertTrue(text.startsWith("********"), text);
    }

    @Test
    void neverSplitsACharacterAtTheCut() {
        String text = excerpt("你".repeat(1000), 2048);
        assertEquals("你".repeat(682) + "… (3000 bytes in all)", text, "682 × 3 bytes = 2046, the most that fits");
        assertEquals(2046, text.substring(0, 682).getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void showsAnEmptyBodyAsEmpty() {
        assertEquals("", excerpt("", 2048));
    }
}
