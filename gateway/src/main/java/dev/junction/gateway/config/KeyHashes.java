package dev.junction.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Virtual keys and their hashes: the gateway's file holds only {@code sha256:<hex>}, so a leaked
 * file does not leak the keys.
 */
public final class KeyHashes {
    /** What a hash in the file looks like. */
    public static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    /** Every key starts with this, so a key pasted where a hash belongs is recognised. */
    public static final String KEY_PREFIX = "jk-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyHashes() {
    }

    /** A new key: {@code jk-} and 32 random bytes, base64url without padding (43 characters). */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code sha256:} and the lowercase hex SHA-256 of the key's UTF-8 bytes. */
    public static String hash(String key) {
        Objects.requireNonNull(key, "key");
        return "sha256:" + HexFormat.of().formatHex(sha256(key));
    }

    /**
     * Whether the presented key has this hash, in time that does not depend on where they differ.
     * False for a {@code null} key or a hash not of the form {@code sha256:<64 hex>}.
     */
    public static boolean matches(String presentedKey, String hash) {
        if (presentedKey == null || hash == null || !HASH.matcher(hash).matches()) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(hash, "sha256:".length(), hash.length());
        return MessageDigest.isEqual(sha256(presentedKey), expected);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
