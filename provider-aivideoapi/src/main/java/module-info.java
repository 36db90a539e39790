/** Junction provider for aivideoapi. */
module dev.junction.provider.aivideoapi {
    requires dev.junction.core;

    provides dev.junction.spi.ProviderFactory with dev.junction.provider.aivideoapi.AivideoapiProviderFactory;
}
