package dev.junction.gateway.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script shipped as a resource beside this class, with the SHA-1 Redis knows it by.
 *
 * @param source the script
 * @param sha1 its SHA-1, in lower-case hex
 */
record LuaScript(String source, String sha1) {

    /** How the budget scripts release expired holds: written once, prepended to each of them. */
    private static final String RELEASE_EXPIRED = read("release-expired.lua");

    static final LuaScript RESERVE = of(RELEASE_EXPIRED + read("reserve.lua"));
    static final LuaScript SETTLE = of(RELEASE_EXPIRED + read("settle.lua"));
    static final LuaScript SPEND = of(RELEASE_EXPIRED + read("spend.lua"));
    static final LuaScript ADMIT = load("admit.lua");
    static final LuaScript RECORD_TOKENS = load("record-tokens.lua");
    static final LuaScript HEALTH_FAILURE = load("health-failure.lua");

    static LuaScript load(String name) {
        return of(read(name));
    }

    private static LuaScript of(String source) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new LuaScript(source, HexFormat.of().formatHex(sha));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }

    private static String read(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + LuaScript.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
