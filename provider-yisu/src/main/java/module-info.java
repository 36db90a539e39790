/** Junction provider for yisu. */
module dev.junction.provider.yisu {
    requires dev.junction.core;

    provides dev.junction.spi.ProviderFactory with dev.junction.provider.yisu.YisuProviderFactory;
}
