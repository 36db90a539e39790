package dev.junction.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema editors check the file against and the loader agree: a file breaking a rule the schema
 * can state fails both; and the schema is strict and documented throughout.
 */
class SchemaAgreementTest {
    private static final String HASH = ConfigExampleTest.TEAM_A_HASH;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "server: { prot: 8080 }",
        "server: { port: 65536 }",
        "server: { port: \"8080\" }",
        "server: { max_request_bytes: 0 }",
        "server: { shutdown_grace: 30 seconds }",
        "server: { cors_origins: [\"https://a.example.com/path\"] }",
        "colour: blue",
        "providers: { ACEDATA: {} }",
        "providers: { acedata: { api_key_env: sk-123 } }",
        "providers: { acedata: { api_key: X } }",
        "upstream: \"timeout 60s\"",
        "health: { failures: 0 }",
        "health: { window: 0s }",
        "routes: { gemini-2.5-pro: { policy: cheap } }",
        "routes: { gemini-2.5-pro: { max_price_usd: -1 } }",
        "routes: { gemini-2.5-pro: { providers: [] } }",
        "routes: { gemini-2.5-pro: { providers: [acedata, acedata] } }",
        "keys: [ { name: a } ]",
        "keys: [ { hash: \"" + HASH + "\" } ]",
        "keys: [ { name: a, hash: \"sha256:abc\" } ]",
        "keys: [ { name: a, hash: \"" + HASH + "\", budget: { daily_usd: five } } ]",
        "keys: [ { name: a, hash: \"" + HASH + "\", budget: { monthly_usd: 0 } } ]",
        "keys: [ { name: a, hash: \"" + HASH + "\", limits: { requests_per_minute: 0 } } ]",
        "keys: [ { name: a, hash: \"" + HASH + "\", limits: { tokens_per_minute: 1.5 } } ]",
        "keys: [ { name: a, hash: \"" + HASH + "\", models: [] } ]",
        "keys: [ { name: a, hash: \"" + HASH + "\", extra: 1 } ]",
        "redis: { budgets_fail_open: true }",
        "redis: { url: \"http://cache\" }",
        "media: { inline_remote: \"yes\" }",
        "media: { max_bytes: -5 }",
        "media: { timeout: 1d }",
    })
    void aFileBreakingARuleTheSchemaStatesFailsBothTheSchemaAndTheLoader(String yaml) throws IOException {
        Schema schema = ConfigExampleTest.schema();
        Path file = Files.writeString(dir.resolve("gateway.yaml"), yaml + "\n");

        assertFalse(schema.validate(new YAMLMapper().readTree(yaml)).isEmpty(), "the schema accepts " + yaml);
        assertFalse(ConfigLoader.check(file).isEmpty(), "the loader accepts " + yaml);
    }

    @Test
    void theLoaderReportsWhatOnlyTheSchemaCaught() {
        // The reader checks every field itself; this feeds the schema's own path format through the loader's.
        List<ConfigException.Problem> problems = SchemaCheck.check(new ObjectMapper().createObjectNode()
                .set("keys", new ObjectMapper().createArrayNode().add(new ObjectMapper().createObjectNode().put("name", "a"))));

        assertEquals(1, problems.size(), problems::toString);
        assertEquals("keys[0].hash", problems.get(0).field());
        assertTrue(problems.get(0).message().startsWith("does not match the schema: "), problems::toString);
    }

    @Test
    void everyObjectIsClosedAndEveryPropertyDescribed() throws IOException {
        JsonNode schema;
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/dev/junction/gateway/config.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        List<String> problems = new ArrayList<>();
        walk(schema, "#", problems);
        assertEquals(List.of(), problems);
    }

    private static void walk(JsonNode node, String at, List<String> problems) {
        if (!node.isObject()) {
            return;
        }
        if (node.has("properties")) {
            JsonNode additional = node.get("additionalProperties");
            if (additional == null || !additional.isBoolean() || additional.booleanValue()) {
                problems.add(at + " is open: additionalProperties must be false");
            }
            for (Map.Entry<String, JsonNode> p : node.get("properties").properties()) {
                if (!p.getValue().hasNonNull("description")) {
                    problems.add(at + "/properties/" + p.getKey() + " has no description");
                }
            }
        }
        for (Map.Entry<String, JsonNode> child : node.properties()) {
            walk(child.getValue(), at + "/" + child.getKey(), problems);
        }
    }
}
