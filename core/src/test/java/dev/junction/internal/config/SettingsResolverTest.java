package dev.junction.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.ApiKey;
import dev.junction.spi.ProviderSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one place settings are resolved: the config string first, then the environment, then the defaults. */
class SettingsResolverTest {
    private final Map<String, String> env = new HashMap<>();
    private final SettingsResolver resolver = new SettingsResolver(env::get);

    @Test
    void fillsEveryDefaultWhenNothingIsGiven() {
        ProviderSettings s = resolver.resolve(ConfigStrings.parse("my-vendor"));
        assertEquals("my-vendor", s.providerId());
        assertNull(s.apiKey());
        assertNull(s.baseUrl());
        assertEquals(Duration.ofMinutes(10), s.timeout());
        assertEquals(2, s.maxRetries());
        assertEquals(Duration.ofSeconds(60), s.firstByteTimeout());
        assertEquals(Duration.ofSeconds(60), s.idleTimeout());
        assertFalse(s.inlineRemoteMedia());
        assertNull(s.connectTimeout(), "the transport's own");
        assertEquals(Duration.ofSeconds(60), s.maxRetryDelay());
        assertTrue(s.retryOnTimeout());
        assertEquals("MY_VENDOR_API_KEY", s.apiKeyEnvVar());
    }

    @Test
    void takesEveryValueTheConfigStringGives() {
        ProviderSettings s = resolver.resolve(ConfigStrings.parse("v:m?apiKey=sk-1&baseUrl=https://proxy.example/v1/"
                + "&timeout=30s&maxRetries=0&firstByteTimeout=5s&idleTimeout=7s&inlineRemoteMedia=true&connectTimeout=2s"
                + "&maxRetryDelay=20s&retryOnTimeout=false"));
        assertEquals(ApiKey.of("sk-1"), s.apiKey());
        assertEquals(URI.create("https://proxy.example/v1"), s.baseUrl());
        assertEquals(Duration.ofSeconds(30), s.timeout());
        assertEquals(0, s.maxRetries());
        assertEquals(Duration.ofSeconds(5), s.firstByteTimeout());
        assertEquals(Duration.ofSeconds(7), s.idleTimeout());
        assertTrue(s.inlineRemoteMedia());
        assertEquals(Duration.ofSeconds(2), s.connectTimeout());
        assertEquals(Duration.ofSeconds(20), s.maxRetryDelay());
        assertFalse(s.retryOnTimeout());
    }

    @Test
    void fallsBackToTheEnvironmentForTheKeyAndTheBaseUrl() {
        env.put("V_API_KEY", " sk-env ");
        env.put("V_BASE_URL", "https://env.example/");
        ProviderSettings s = resolver.resolve(ConfigStrings.parse("v"));
        assertEquals(ApiKey.of("sk-env"), s.apiKey());
        assertEquals(URI.create("https://env.example"), s.baseUrl());
    }

    @Test
    void prefersTheConfigStringOverTheEnvironment() {
        env.put("V_API_KEY", "sk-env");
        env.put("V_BASE_URL", "https://env.example");
        ProviderSettings s = resolver.resolve(ConfigStrings.parse("v?apiKey=sk-config&baseUrl=https://config.example"));
        assertEquals(ApiKey.of("sk-config"), s.apiKey());
        assertEquals(URI.create("https://config.example"), s.baseUrl());
    }

    @Test
    void treatsABlankVariableAsUnset() {
        env.put("V_API_KEY", "  ");
        env.put("V_BASE_URL", "");
        ProviderSettings s = resolver.resolve(ConfigStrings.parse("v"));
        assertNull(s.apiKey());
        assertNull(s.baseUrl());
    }

    @Test
    void namesTheVariableOfAnUnusableKeyWithoutEchoingIt() {
        env.put("V_API_KEY", "sk-with space");
        JunctionException e = assertThrows(JunctionException.class, () -> resolver.resolve(ConfigStrings.parse("v")));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("V_API_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-with"), e.getMessage());
    }

    @Test
    void requiresTheKeyInOnePlaceNamingTheVariable() {
        ProviderSettings s = resolver.resolve(ConfigStrings.parse("my-vendor"));
        JunctionException e = assertThrows(JunctionException.class, s::requireApiKey);
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertEquals("my-vendor", e.provider());
        assertTrue(e.hint().orElseThrow().contains("MY_VENDOR_API_KEY"), e.hint().orElseThrow());
    }
}
