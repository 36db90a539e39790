package dev.junction.provider.google;

import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;

/**
 * Registers Google's OpenAI-compatible Gemini endpoint
 * (<a href="https://ai.google.dev/gemini-api/docs/openai">ai.google.dev/gemini-api/docs/openai</a>)
 * with Junction: its profile ({@code google.json}) and its {@link GoogleDialect}.
 */
public final class GoogleProviderFactory extends OpenAiCompatibleFactory {
    private static final String PROFILE = "google.json";

    /** Called by {@link java.util.ServiceLoader}. */
    public GoogleProviderFactory() {
        super(VendorProfile.read(GoogleProviderFactory.class.getResourceAsStream(PROFILE), PROFILE), new GoogleDialect());
    }
}
