package dev.junction.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** New keys, their hashes, and matching a presented key against a hash. */
class KeyHashesTest {

    @Test
    void aNewKeyIsJkAnd32RandomBytesInBase64UrlWithoutPadding() {
        String key = KeyHashes.newKey();

        assertTrue(key.matches("jk-[A-Za-z0-9_-]{43}"), "the key's shape (not printed)");
        assertEquals(32, Base64.getUrlDecoder().decode(key.substring(3)).length);
        assertNotEquals(key, KeyHashes.newKey());
    }

    @Test
    void theHashIsSha256InLowercaseHex() {
        assertEquals("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", KeyHashes.hash("test"));
        assertTrue(KeyHashes.HASH.matcher(KeyHashes.hash(KeyHashes.newKey())).matches());
    }

    @Test
    void aKeyMatchesItsOwnHashOnly() {
        String key = KeyHashes.newKey();
        String hash = KeyHashes.hash(key);

        assertTrue(KeyHashes.matches(key, hash));
        assertFalse(KeyHashes.matches(KeyHashes.newKey(), hash));
        assertFalse(KeyHashes.matches(key + "x", hash));
        assertFalse(KeyHashes.matches(null, hash));
        assertFalse(KeyHashes.matches(key, null));
        assertFalse(KeyHashes.matches(key, hash.toUpperCase(java.util.Locale.ROOT)), "not of the form");
        assertFalse(KeyHashes.matches(key, "sha256:abc"));
        assertFalse(KeyHashes.matches(key, key), "a key where a hash belongs matches nothing");
    }
}
