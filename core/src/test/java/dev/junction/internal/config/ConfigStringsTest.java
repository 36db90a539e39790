package dev.junction.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.junction.spi.ApiKey;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Well-formed config strings and what they parse to. */
class ConfigStringsTest {

    @Test
    void parsesIdAlone() {
        ConfigValues spec = ConfigStrings.parse("acedata");
        assertEquals(ConfigValues.of("acedata"), spec);
    }

    @Test
    void lowerCasesTheId() {
        assertEquals("acedata", ConfigStrings.parse("AceData:gemini-2.5-pro").providerId());
    }

    @Test
    void parsesIdAndModel() {
        ConfigValues spec = ConfigStrings.parse("acedata:gemini-2.5-pro");
        assertEquals("acedata", spec.providerId());
        assertEquals("gemini-2.5-pro", spec.model());
        assertNull(spec.apiKey());
    }

    @Test
    void keepsSlashesAndDotsInTheModel() {
        assertEquals("google/gemini-3-pro-image-preview",
                ConfigStrings.parse("yisu:google/gemini-3-pro-image-preview").model());
        assertEquals("gemini-3.0-pro", ConfigStrings.parse("acedata:gemini-3.0-pro?timeout=1s").model());
    }

    @Test
    void readsEveryKey() {
        ConfigValues spec = ConfigStrings.parse(
                "acedata:gemini-2.5-pro?apiKey=sk-1&baseUrl=https://proxy.example.com/v1&timeout=30s&maxRetries=4");
        assertEquals(ApiKey.of("sk-1"), spec.apiKey());
        assertEquals(URI.create("https://proxy.example.com/v1"), spec.baseUrl());
        assertEquals(Duration.ofSeconds(30), spec.timeout());
        assertEquals(4, spec.maxRetries());
    }

    @Test
    void readsKeysWithoutAModel() {
        ConfigValues spec = ConfigStrings.parse("yisu?maxRetries=1");
        assertNull(spec.model());
        assertEquals(1, spec.maxRetries());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://proxy.example.com/v1/", "https://proxy.example.com/v1//", "https://proxy.example.com/v1"})
    void stripsTrailingSlashesFromBaseUrl(String given) {
        assertEquals(URI.create("https://proxy.example.com/v1"), ConfigStrings.parse("acedata?baseUrl=" + given).baseUrl());
    }

    @Test
    void acceptsPlainHttpBaseUrlWithPort() {
        assertEquals(URI.create("http://localhost:8080"), ConfigStrings.parse("acedata?baseUrl=http://localhost:8080/").baseUrl());
    }

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "30s, PT30S",
        "2m, PT2M",
        "1h, PT1H",
        "PT30S, PT30S",
        "pt2m, PT2M"
    })
    void parsesTimeouts(String given, String expected) {
        assertEquals(Duration.parse(expected), ConfigStrings.parse("acedata?timeout=" + given).timeout());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 10})
    void acceptsMaxRetriesFromZeroToTen(int n) {
        assertEquals(n, ConfigStrings.parse("acedata?maxRetries=" + n).maxRetries());
    }

    @Test
    void percentDecodesValues() {
        ConfigValues spec = ConfigStrings.parse("acedata:gemini%2D2.5-pro?apiKey=sk%2Babc%3D%26x");
        assertEquals("gemini-2.5-pro", spec.model());
        assertEquals(ApiKey.of("sk+abc=&x"), spec.apiKey());
    }

    @Test
    void keepsALiteralPlusAsPlus() {
        assertEquals(ApiKey.of("sk+abc+def"), ConfigStrings.parse("acedata?apiKey=sk+abc+def").apiKey());
    }

    @Test
    void decodesMultibyteUtf8() {
        assertEquals("模型-你", ConfigStrings.parse("acedata:%E6%A8%A1%E5%9E%8B-%E4%BD%A0").model());
        assertEquals("你好", ConfigStrings.parse("acedata:你好").model());
    }

    @Test
    void keepsSupplementaryCharactersWhole() {
        assertEquals("model-\uD83D\uDE00", ConfigStrings.parse("acedata:model-\uD83D\uDE00").model());
        assertEquals("model-\uD83D\uDE00", ConfigStrings.parse("acedata:model-%F0%9F%98%80").model());
    }

    @Test
    void ignoresSurroundingWhitespaceAndEmptyPairs() {
        ConfigValues spec = ConfigStrings.parse("  acedata:gemini-2.5-pro?&timeout=2s&&  ");
        assertEquals("gemini-2.5-pro", spec.model());
        assertEquals(Duration.ofSeconds(2), spec.timeout());
    }
}
