/** Junction's conformance kit: abstract JUnit 5 tests and WireMock helpers for provider modules. */
module dev.junction.testkit {
    requires transitive dev.junction.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive wiremock.standalone;

    exports dev.junction.testkit;
    exports dev.junction.testkit.matrix;

    // ErrorMatrixConformance looks up the vendor's factory to compare the error table with its profile.
    uses dev.junction.spi.ProviderFactory;
}
