package dev.junction.provider.yisu;

import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;

/** Registers yisu with Junction: its profile ({@code yisu.json}) and its {@link YisuDialect}. */
public final class YisuProviderFactory extends OpenAiCompatibleFactory {
    private static final String PROFILE = "yisu.json";

    /** Called by {@link java.util.ServiceLoader}. */
    public YisuProviderFactory() {
        super(VendorProfile.read(YisuProviderFactory.class.getResourceAsStream(PROFILE), PROFILE), new YisuDialect());
    }
}
