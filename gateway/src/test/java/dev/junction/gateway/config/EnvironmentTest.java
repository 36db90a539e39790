package dev.junction.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment Junction's builder reads keys through: secrets file, then process, with providers' variables renamed. */
class EnvironmentTest {
    private static final String ACEDATA_KEY = "ace-key-from-secrets-7f3a";
    private static final String GEMINI_KEY = "gemini-key-from-process-91bc";

    @TempDir
    Path dir;

    private GatewayConfig configWith(String secretsLines) throws IOException {
        Path secrets = Files.writeString(dir.resolve("junction.env"), secretsLines);
        Path file = Files.writeString(dir.resolve("gateway.yaml"), "secrets_file: " + secrets.getFileName() + "\n"
                + "providers:\n  acedata: {}\n  google: { api_key_env: GEMINI_API_KEY, base_url_env: GOOGLE_URL }\n");
        return ConfigLoader.load(file);
    }

    @Test
    void readsTheSecretsFileBeforeTheProcessAndRenamesEachProvidersVariables() throws IOException {
        GatewayConfig config = configWith("# vendor keys\nACEDATA_API_KEY=" + ACEDATA_KEY + "\n\n"
                + "export GOOGLE_URL=\"https://mirror.example.com/v1\"\nSHARED='from secrets' # a comment\n");
        Map<String, String> process = Map.of("GEMINI_API_KEY", GEMINI_KEY, "SHARED", "from process",
                "ACEDATA_API_KEY", "shadowed", "JUNCTION_PRICES", "/etc/prices.json");

        Function<String, String> env = ConfigLoader.environment(config, process::get);

        assertEquals(ACEDATA_KEY, env.apply("ACEDATA_API_KEY"), "the secrets file comes first");
        assertEquals(GEMINI_KEY, env.apply("GOOGLE_API_KEY"), "google's key is read from GEMINI_API_KEY");
        assertEquals("https://mirror.example.com/v1", env.apply("GOOGLE_BASE_URL"), "and its base URL from GOOGLE_URL");
        assertEquals("from secrets", env.apply("SHARED"));
        assertEquals("/etc/prices.json", env.apply("JUNCTION_PRICES"), "other variables pass through");
        assertNull(env.apply("ACEDATA_BASE_URL"));
    }

    @Test
    void aRenamedProviderDoesNotFallBackToItsDefaultVariable() throws IOException {
        GatewayConfig config = configWith("");

        Function<String, String> env = ConfigLoader.environment(config, Map.of("GOOGLE_API_KEY", "other")::get);

        assertNull(env.apply("GOOGLE_API_KEY"), "the file said the key is in GEMINI_API_KEY");
    }

    @Test
    void theSecretsFileIsReadOnceWhenTheLookupIsMade() throws IOException {
        GatewayConfig config = configWith("ACEDATA_API_KEY=" + ACEDATA_KEY + "\n");
        AtomicInteger processLookups = new AtomicInteger();

        Function<String, String> env = ConfigLoader.environment(config, name -> {
            processLookups.incrementAndGet();
            return null;
        });
        Files.delete(dir.resolve("junction.env"));

        assertEquals(ACEDATA_KEY, env.apply("ACEDATA_API_KEY"), "still there after the file is gone");
        assertEquals(0, processLookups.get());
    }

    @Test
    void aMissingSecretsFileIsNamed() throws IOException {
        GatewayConfig config = configWith("");
        Files.delete(dir.resolve("junction.env"));

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.environment(config, name -> null));

        assertEquals("secrets_file", e.field());
        assertEquals("secrets_file: " + dir.resolve("junction.env") + " does not exist: create it or fix the path",
                e.getMessage());
    }

    @Test
    void aMalformedSecretsFileNamesTheLinesButNeverTheirContent() throws IOException {
        GatewayConfig config = configWith("ACEDATA_API_KEY=" + ACEDATA_KEY + "\n" + GEMINI_KEY + "\nBAD NAME=x\n"
                + "QUOTED=\"" + GEMINI_KEY + "\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.environment(config, name -> null));

        Path file = dir.resolve("junction.env");
        assertEquals("3 problems:\n"
                + "secrets_file: " + file + " line 2 is not NAME=VALUE (NAME: letters, digits and _)\n"
                + "secrets_file: " + file + " line 3 is not NAME=VALUE (NAME: letters, digits and _)\n"
                + "secrets_file: " + file + " line 4 opens a quote it does not close", e.getMessage());
        assertFalse(e.getMessage().contains(GEMINI_KEY));
        assertFalse(e.getMessage().contains(ACEDATA_KEY));
    }

    @Test
    void withoutAFileTheProcessEnvironmentIsUsedAsIs() {
        Function<String, String> process = Map.of("ACEDATA_API_KEY", ACEDATA_KEY)::get;

        Function<String, String> env = ConfigLoader.environment(ConfigLoader.defaults(), process);

        assertEquals(ACEDATA_KEY, env.apply("ACEDATA_API_KEY"));
        assertNull(env.apply("GOOGLE_API_KEY"));
    }

    @Test
    void noValueReachesAToString() throws IOException {
        GatewayConfig config = configWith("ACEDATA_API_KEY=" + ACEDATA_KEY + "\n");
        Function<String, String> env = ConfigLoader.environment(config, Map.of("GEMINI_API_KEY", GEMINI_KEY)::get);

        String shown = config + " " + env;

        assertFalse(shown.contains(ACEDATA_KEY), shown);
        assertFalse(shown.contains(GEMINI_KEY), shown);
        assertTrue(shown.contains("apiKeyEnv=GEMINI_API_KEY"), "names are fine: " + shown);
    }
}
