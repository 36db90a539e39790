package dev.junction.provider.acedata;

import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;

/** Registers acedata with Junction: its profile ({@code acedata.json}) and its {@link AcedataDialect}. */
public final class AcedataProviderFactory extends OpenAiCompatibleFactory {
    private static final String PROFILE = "acedata.json";

    /** Called by {@link java.util.ServiceLoader}. */
    public AcedataProviderFactory() {
        super(VendorProfile.read(AcedataProviderFactory.class.getResourceAsStream(PROFILE), PROFILE), new AcedataDialect());
    }
}
