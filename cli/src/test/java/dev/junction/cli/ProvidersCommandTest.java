package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code junction providers}: the four built-in vendor modules found through ServiceLoader. */
class ProvidersCommandTest {

    @Test
    void jsonListsTheFourProvidersWithTheirBaseUrlsAndModels() {
        Cli.Result result = Cli.run("providers", "--json").assertExit(0);

        JsonNode json = result.json();
        List<String> ids = new ArrayList<>();
        json.forEach(p -> ids.add(p.get("id").asText()));
        assertEquals(List.of("acedata", "aivideoapi", "google", "yisu"), ids);
        assertEquals("https://api.acedata.cloud", json.get(0).get("baseUrl").asText());
        assertEquals("https://api.aivideoapi.ai/v1", json.get(1).get("baseUrl").asText());
        assertEquals("https://generativelanguage.googleapis.com/v1beta/openai", json.get(2).get("baseUrl").asText());
        assertEquals("GOOGLE_API_KEY", json.get(2).get("apiKeyEnvVar").asText());
        assertEquals("[\"GEMINI_API_KEY\"]", json.get(2).get("apiKeyEnvFallbacks").toString());
        assertEquals("https://api.yisu.com", json.get(3).get("baseUrl").asText());
        assertEquals("Ace Data Cloud", json.get(0).get("name").asText());
        assertEquals("ACEDATA_API_KEY", json.get(0).get("apiKeyEnvVar").asText());
        assertFalse(json.get(0).get("apiKeySet").asBoolean());

        JsonNode acedataPro = json.get(0).get("models").get(1);
        assertEquals("gemini-3-pro", acedataPro.get("id").asText());
        assertEquals("gemini-3.0-pro", acedataPro.get("vendorModel").asText());
        assertEquals("[\"IMAGE_INPUT\",\"VIDEO_INPUT\",\"REASONING_OUTPUT\",\"STREAMING\"]",
                acedataPro.get("capabilities").toString());
        assertTrue(acedataPro.get("contextWindow").isNull());
        JsonNode aivideoapiPro = json.get(1).get("models").get(0);
        assertEquals("gemini-3-pro", aivideoapiPro.get("id").asText());
        assertEquals(1_000_000L, aivideoapiPro.get("contextWindow").asLong());
        assertEquals("google/gemini-3-pro-image-preview", json.get(3).get("models").get(0).get("vendorModel").asText());
        assertEquals("", result.err());
    }

    @Test
    void baseUrlFromTheEnvironmentIsShownAndTheKeyOnlyAsSet() {
        Cli.Result result = Cli.run(Map.of("ACEDATA_BASE_URL", "http://localhost:9/", "ACEDATA_API_KEY", "sk-secret-777"),
                "providers", "--json").assertExit(0);

        assertEquals("http://localhost:9", result.json().get(0).get("baseUrl").asText());
        assertTrue(result.json().get(0).get("apiKeySet").asBoolean());
        assertFalse(result.out().contains("sk-secret-777"));
    }

    @Test
    void tableShowsTheVendorNameWhereItDiffers() {
        Cli.Result result = Cli.run("providers").assertExit(0);

        List<String> lines = result.out().lines().toList();
        // The columns are as wide as their widest cell, which another provider's may set.
        assertTrue(lines.get(0).matches("acedata +Ace Data Cloud +https://api\\.acedata\\.cloud +\\(key: ACEDATA_API_KEY, not set\\)"),
                lines.get(0));
        assertEquals("  gemini-2.5-pro", lines.get(1));
        assertEquals("  gemini-3-pro  (vendor: gemini-3.0-pro)", lines.get(2));
        assertTrue(lines.contains("  gemini-3-pro-image-preview  (vendor: google/gemini-3-pro-image-preview)"), result.out());
        assertTrue(lines.contains("  gemini-2.5-pro"));
        assertTrue(lines.contains("  gemini-3-pro  (vendor: gemini-3-pro-preview)"), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("google ") && l.contains(" Google Gemini API (OpenAI compatibility) ")
                && l.endsWith("(key: GOOGLE_API_KEY or GEMINI_API_KEY, not set)")), result.out());
    }

    @Test
    void badBaseUrlInTheEnvironmentExitsTwo() {
        Cli.Result result = Cli.run(Map.of("YISU_BASE_URL", "ftp://example.com"), "providers", "--json").assertExit(2);

        assertEquals("CONFIGURATION", result.json().get("error").get("kind").asText());
        assertTrue(result.err().startsWith("error: CONFIGURATION from yisu: config string: baseUrl must be"), result.err());
    }
}
