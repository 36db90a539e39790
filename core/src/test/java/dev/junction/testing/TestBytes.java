package dev.junction.testing;

import java.util.Random;

/** Reproducible random bytes for media tests: the same length always gives the same bytes. */
public final class TestBytes {
    private TestBytes() {
    }

    /** {@code n} bytes seeded by {@code n}. */
    public static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new Random(31L * n + 1).nextBytes(bytes);
        return bytes;
    }
}
