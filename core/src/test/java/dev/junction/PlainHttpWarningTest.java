package dev.junction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.testing.LogCapture;
import dev.junction.testing.TestVendorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A base URL in plain http to a host that is not loopback gets one warning per Junction (logged at
 * WARN unless a sink is given); https and loopback stay silent. No call is made: the warning comes
 * when the provider is created.
 */
class PlainHttpWarningTest {
    private static final String KEY = "sk-canary-0b5e";

    private static Junction junction(List<String> warnings) {
        return Junction.builder().environment(name -> null).factories(List.of(new TestVendorFactory()))
                .warnings(warnings::add).build();
    }

    private static String spec(String baseUrl) {
        return TestVendorFactory.ID + ":gemini-2.5-pro?apiKey=" + KEY + "&baseUrl=" + baseUrl;
    }

    @Test
    void warnsOncePerJunctionAboutPlainHttpToAnotherHost() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (Junction junction = junction(warnings)) {
            junction.chatModel(spec("http://api.example.com/v1"));
            junction.chatModel(spec("http://api.example.com/v1"));
            junction.provider(spec("http://api.example.com/v1"));
        }

        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith("testvendor: baseUrl http://api.example.com/v1 is plain http"), warnings::toString);
        assertTrue(warnings.get(0).contains("use https://api.example.com/v1"), warnings::toString);
        assertFalse(warnings.get(0).contains("canary"), warnings::toString);
    }

    @Test
    void warnsAboutEachProviderOfAFallback() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (Junction junction = junction(warnings)) {
            junction.chatModel(spec("http://a.example.com"), spec("http://b.example.com"));
        }

        assertEquals(2, warnings.size(), warnings::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/v1", "http://localhost:8080/v1", "http://[::1]:8080/v1", "https://api.example.com/v1"})
    void staysSilentForLoopbackAndHttps(String baseUrl) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (Junction junction = junction(warnings)) {
            junction.chatModel(spec(baseUrl));
            assertEquals("testvendor", junction.provider(spec(baseUrl)).id(), "the provider was created");
        }

        assertEquals(List.of(), warnings);
    }

    @Test
    void logsTheWarningAtWarnByDefault() {
        String logs;
        try (LogCapture log = LogCapture.start();
                Junction junction = Junction.builder().environment(name -> null).factories(List.of(new TestVendorFactory())).build()) {
            junction.chatModel(spec("http://api.example.com/v1"));
            junction.chatModel(spec("http://localhost:9/v1"));
            logs = log.text();
        }

        List<String> lines = logs.lines().filter(l -> l.contains("is plain http")).toList();
        assertEquals(1, lines.size(), logs);
        assertTrue(lines.get(0).contains("WARN dev.junction.config - testvendor: baseUrl http://api.example.com/v1"), logs);
        assertFalse(logs.contains("canary"), logs);
    }
}
