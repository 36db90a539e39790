/** Junction provider for acedata. */
module dev.junction.provider.acedata {
    requires dev.junction.core;

    provides dev.junction.spi.ProviderFactory with dev.junction.provider.acedata.AcedataProviderFactory;
}
