package com.example.junction.nimbus;

import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;

/** Registers Nimbus AI with Junction: its profile ({@code nimbus.json}) and its {@link NimbusDialect}. */
public final class NimbusProviderFactory extends OpenAiCompatibleFactory {
    private static final String PROFILE = "nimbus.json";

    /** Called by {@link java.util.ServiceLoader}. */
    public NimbusProviderFactory() {
        super(VendorProfile.read(NimbusProviderFactory.class.getResourceAsStream(PROFILE), PROFILE), new NimbusDialect());
    }
}
