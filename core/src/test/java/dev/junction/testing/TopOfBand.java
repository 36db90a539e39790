package dev.junction.testing;

import java.util.random.RandomGenerator;

/** Jitter drawn at the top of every band, so that retry delays in tests are exact. */
public final class TopOfBand implements RandomGenerator {

    @Override
    public long nextLong() {
        throw new AssertionError("the retry policy draws its jitter within a bound");
    }

    @Override
    public long nextLong(long bound) {
        return bound - 1;
    }
}
