/** Junction provider for Google's own OpenAI-compatible Gemini endpoint. */
module dev.junction.provider.google {
    requires dev.junction.core;

    provides dev.junction.spi.ProviderFactory with dev.junction.provider.google.GoogleProviderFactory;
}
