package dev.junction;

import dev.junction.spi.Provider;

/**
 * Test access to the SPI provider behind a config string, which {@link Junction} keeps from users
 * (they get a {@link dev.junction.catalog.ProviderView}); engine tests drive it directly.
 */
public final class Engines {
    private Engines() {
    }

    /** The provider {@code junction} creates for the config string, configured by it and the environment. */
    public static Provider of(Junction junction, String configString) {
        return junction.engine(configString);
    }
}
