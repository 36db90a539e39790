package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Config strings pointing at a WireMock vendor with a canary key, and the check that the key never shows. */
final class WireSpec {
    static final String CANARY = "sk-canary-tools-789";

    private WireSpec() {
    }

    /** aivideoapi (which declares TOOLS, WEB_SEARCH and STRUCTURED_OUTPUT) with the given model. */
    static String aivideoapi(WireMockExtension vendor, String model) {
        return "aivideoapi:" + model + "?apiKey=" + CANARY + "&baseUrl=http://localhost:" + vendor.getPort() + "/v1";
    }

    /** yisu's image model. */
    static String yisu(WireMockExtension vendor) {
        return "yisu:gemini-3-pro-image-preview?apiKey=" + CANARY + "&baseUrl=http://localhost:" + vendor.getPort();
    }

    /** acedata, whose models declare no tools. */
    static String acedata(WireMockExtension vendor, String model) {
        return "acedata:" + model + "?apiKey=" + CANARY + "&baseUrl=http://localhost:" + vendor.getPort();
    }

    /** A test resource as a file path. */
    static String file(String resource) {
        try {
            return Path.of(WireSpec.class.getResource("/fixtures/" + resource).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails when any part of the canary key reached stdout or stderr. */
    static Cli.Result assertNoKey(Cli.Result result) {
        assertFalse(result.out().contains("canary") || result.err().contains("canary"),
                () -> "the key leaked:\nstdout:\n" + result.out() + "\nstderr:\n" + result.err());
        return result;
    }
}
