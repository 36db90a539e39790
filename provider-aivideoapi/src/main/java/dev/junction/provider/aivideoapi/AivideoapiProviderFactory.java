package dev.junction.provider.aivideoapi;

import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;

/** Registers aivideoapi with Junction: its profile ({@code aivideoapi.json}) and its {@link AivideoapiDialect}. */
public final class AivideoapiProviderFactory extends OpenAiCompatibleFactory {
    private static final String PROFILE = "aivideoapi.json";

    /** Called by {@link java.util.ServiceLoader}. */
    public AivideoapiProviderFactory() {
        super(VendorProfile.read(AivideoapiProviderFactory.class.getResourceAsStream(PROFILE), PROFILE), new AivideoapiDialect());
    }
}
