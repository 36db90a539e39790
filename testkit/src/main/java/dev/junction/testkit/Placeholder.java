package dev.junction.testkit;

/** Placeholder. */
public final class Placeholder {
    private Placeholder() {
        com.github.tomakehurst.wiremock.WireMockServer.class.getName();
    }
}
