package dev.junction.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.junction.RoutePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented example, in YAML and in JSON, passes the schema and loads to the records it documents. */
class ConfigExampleTest {
    static final String TEAM_A_HASH = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String CI_HASH = "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    static Path resource(String name) {
        try {
            return Path.of(ConfigExampleTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Schema schema() throws IOException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/dev/junction/gateway/config.schema.json")) {
            JsonNode node = new ObjectMapper().readTree(in);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
        }
    }

    static GatewayConfig expected() {
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        providers.put("acedata", new ProviderConfig("acedata", "ACEDATA_API_KEY", "ACEDATA_BASE_URL"));
        providers.put("google", new ProviderConfig("google", "GEMINI_API_KEY", "GOOGLE_BASE_URL"));
        Map<String, RouteConfig> routes = new LinkedHashMap<>();
        routes.put("gemini-2.5-pro", new RouteConfig("gemini-2.5-pro", RoutePolicy.CHEAPEST, new BigDecimal("0.05"),
                List.of("acedata", "google")));
        routes.put("gemini-3-pro", new RouteConfig("gemini-3-pro", RoutePolicy.FASTEST, null, List.of()));
        List<KeyConfig> keys = List.of(
                new KeyConfig("team-a", TEAM_A_HASH, Set.of("gemini-2.5-pro", "acedata/gemini-3-pro"),
                        new BigDecimal("5"), new BigDecimal("100"), 60, 100_000L),
                new KeyConfig("ci", CI_HASH, Set.of(), null, null, null, null));
        return new GatewayConfig(
                new ServerConfig("0.0.0.0", 8080, 10_485_760L, List.of("https://app.example.com"), Duration.ofSeconds(30)),
                "/run/secrets/junction.env", providers, false, "timeout=60s&maxRetries=2",
                new HealthConfig(3, Duration.ofSeconds(60), Duration.ofSeconds(30)), routes, keys,
                new RedisConfig("redis://:s3cret-pass@localhost:6379", false, "junction:"),
                new MediaConfig(false, 20_971_520L, Duration.ofSeconds(30)));
    }

    @Test
    void theYamlExampleLoadsToTheDocumentedRecords() {
        GatewayConfig config = ConfigLoader.load(resource("gateway-example.yaml"));

        assertEquals(expected(), config);
        assertTrue(config.authRequired());
        assertEquals(List.of("acedata", "google"), List.copyOf(config.providers().keySet()), "the file's order");
        assertEquals(List.of("gemini-2.5-pro", "gemini-3-pro"), List.copyOf(config.routes().keySet()));
    }

    @Test
    void theJsonTwinLoadsToTheSameRecords() {
        assertEquals(expected(), ConfigLoader.load(resource("gateway-example.json")));
    }

    @Test
    void bothExamplesPassTheSchemaAndTheCheck() throws IOException {
        Schema schema = schema();
        JsonNode yaml = new YAMLMapper().readTree(resource("gateway-example.yaml").toFile());
        JsonNode json = new ObjectMapper().readTree(resource("gateway-example.json").toFile());

        assertEquals(List.of(), schema.validate(yaml).stream().map(Error::toString).toList());
        assertEquals(List.of(), schema.validate(json).stream().map(Error::toString).toList());
        assertEquals("../../main/resources/dev/junction/gateway/config.schema.json", json.get("$schema").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("$schema");
        assertEquals(json, yaml, "the twins hold the same document (the YAML names its schema in a comment)");
        assertEquals(List.of(), ConfigLoader.check(resource("gateway-example.yaml")));
        assertEquals(List.of(), ConfigLoader.check(resource("gateway-example.json")));
    }

    @Test
    void theFormatFollowsTheContentWhenTheExtensionSaysNothing(@TempDir Path dir) throws IOException {
        Path yaml = Files.copy(resource("gateway-example.yaml"), dir.resolve("gateway.conf"));
        Path json = Files.copy(resource("gateway-example.json"), dir.resolve("gateway"));

        assertEquals(expected(), ConfigLoader.load(yaml));
        assertEquals(expected(), ConfigLoader.load(json));
    }

    @Test
    void aMinimalFileTakesEveryDefault(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("g.yaml"), "providers:\n  acedata:\n");

        GatewayConfig config = ConfigLoader.load(file);

        assertEquals(ServerConfig.defaults(), config.server());
        assertEquals(HealthConfig.defaults(), config.health());
        assertEquals(MediaConfig.defaults(), config.media());
        assertEquals(Map.of("acedata", ProviderConfig.defaults("acedata")), config.providers());
        assertFalse(config.discoverProviders(), "a file names its providers");
        assertEquals("", config.upstream());
        assertNull(config.secretsFile());
        assertNull(config.redis());
        assertEquals(List.of(), config.keys());
        assertFalse(config.authRequired());
    }

    @Test
    void aRelativeSecretsFileIsResolvedAgainstTheConfigFilesFolder(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("g.yaml"), "secrets_file: junction.env\n");

        assertEquals(dir.toAbsolutePath().resolve("junction.env").toString(), ConfigLoader.load(file).secretsFile());
    }

    @Test
    void anEmptyFileIsAllDefaults(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("g.yaml"), "# nothing yet\n");

        GatewayConfig config = ConfigLoader.load(file);

        assertEquals(ServerConfig.defaults(), config.server());
        assertEquals(Map.of(), config.providers());
    }
}
