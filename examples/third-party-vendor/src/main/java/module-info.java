/** A Junction provider for Nimbus AI, built outside Junction's own build. */
module com.example.junction.nimbus {
    requires dev.junction.core;

    provides dev.junction.spi.ProviderFactory with com.example.junction.nimbus.NimbusProviderFactory;
}
