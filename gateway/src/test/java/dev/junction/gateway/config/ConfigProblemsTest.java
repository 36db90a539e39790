package dev.junction.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of the file, broken on purpose: the exact field path and a message that says what to do. */
class ConfigProblemsTest {
    private static final String HASH_A = ConfigExampleTest.TEAM_A_HASH;
    private static final String HASH_B = ConfigExampleTest.CI_HASH;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** The problems {@code check} finds in this YAML, which {@code load} must report the same. */
    private List<String> problems(String yaml) throws IOException {
        Path file = write("gateway.yaml", yaml);
        List<String> found = ConfigLoader.check(file);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(found, e.problems().stream().map(ConfigException.Problem::toString).toList());
        assertEquals(e.problems().get(0).field(), e.field());
        return found;
    }

    private static String key(String name, String hash) {
        return "  - name: " + name + "\n    hash: \"" + hash + "\"\n";
    }

    @Test
    void anUnknownFieldIsNamedWithTheClosestKnownOne() throws IOException {
        assertEquals(List.of("server.prot: unknown field: did you mean \"port\"?"), problems("server:\n  prot: 8080\n"));
        assertEquals(List.of("server.maxRequestBytes: unknown field: did you mean \"max_request_bytes\"?"),
                problems("server:\n  maxRequestBytes: 5\n"));
        assertEquals(List.of("keys[0].budget.daily: unknown field: did you mean \"daily_usd\"?"),
                problems("keys:\n" + key("a", HASH_A) + "    budget: { daily: 5 }\n"));
    }

    @Test
    void anUnknownFieldFarFromAnyListsTheKnownOnes() throws IOException {
        assertEquals(List.of("colour: unknown field: the fields here are $schema, server, secrets_file, providers, upstream,"
                + " health, routes, keys, redis, media"), problems("colour: blue\n"));
        assertEquals(List.of("providers.acedata.api_key: unknown field: did you mean \"api_key_env\"?"),
                problems("providers:\n  acedata: { api_key: ACEDATA_API_KEY }\n"));
    }

    @Test
    void aBudgetThatIsNotAPositiveNumberNamesItsKeyAndField() throws IOException {
        String yaml = "keys:\n" + key("a", HASH_A) + key("b", HASH_B) + "    budget: { daily_usd: five, monthly_usd: 0 }\n";

        assertEquals(List.of(
                "keys[1].budget.daily_usd: must be a positive number of US dollars, got \"five\"",
                "keys[1].budget.monthly_usd: must be a positive number of US dollars, got 0"), problems(yaml));
    }

    @Test
    void limitsMustBePositiveWholeNumbers() throws IOException {
        String yaml = "keys:\n" + key("a", HASH_A) + "    limits: { requests_per_minute: -1, tokens_per_minute: 2.5 }\n";

        assertEquals(List.of(
                "keys[0].limits.requests_per_minute: must be a positive whole number of requests, got -1",
                "keys[0].limits.tokens_per_minute: must be a positive whole number of tokens, got 2.5"), problems(yaml));
    }

    @Test
    void duplicateKeyNamesAndHashesPointAtTheFirst() throws IOException {
        String yaml = "keys:\n" + key("team-a", HASH_A) + key("team-b", HASH_B) + key("team-a", HASH_B);

        assertEquals(List.of(
                "keys[2].name: duplicate name \"team-a\": keys[0] has it too; give each key its own name",
                "keys[2].hash: is the same as keys[1].hash: each client needs its own key (junction keys new)"),
                problems(yaml));
    }

    @Test
    void aHashMustBeSha256AndSixtyFourLowercaseHexDigits() throws IOException {
        String upper = "sha256:" + HASH_A.substring(7).toUpperCase(java.util.Locale.ROOT);
        String yaml = "keys:\n" + key("a", "sha256:9f86d0") + key("b", upper) + "  - name: c\n";

        assertEquals(List.of(
                "keys[0].hash: must be sha256: and 64 lowercase hex digits, as printed by junction keys new",
                "keys[1].hash: must be sha256: and 64 lowercase hex digits, as printed by junction keys new",
                "keys[2].hash: is required: the sha256:… line printed by junction keys new"), problems(yaml));
    }

    @Test
    void aKeyPastedWhereItsHashBelongsIsRefusedWithoutBeingRepeated() throws IOException {
        String key = KeyHashes.newKey();
        Path file = write("gateway.yaml", "keys:\n" + key("a", key));

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

        assertEquals("keys[0].hash", e.field());
        assertTrue(e.getMessage().contains("holds a key, not its hash"), e::getMessage);
        assertFalse(e.getMessage().contains(key), "the key is never repeated");
        assertFalse(e.getMessage().contains(key.substring(3, 20)), "not even a part of it");
    }

    @Test
    void aKeyNeedsAName() throws IOException {
        assertEquals(List.of("keys[0].name: is required: a name for this key (letters, digits, '.', '_', '-'), such as team-a"),
                problems("keys:\n  - hash: \"" + HASH_A + "\"\n"));
        assertEquals(List.of("keys[0].name: must be a name for this key (letters, digits, '.', '_', '-'), such as team-a,"
                + " got \"team a\""), problems("keys:\n" + key("team a", HASH_A)));
    }

    @Test
    void aRoutePolicyMustBeOrderedCheapestOrFastest() throws IOException {
        assertEquals(List.of("routes[\"gemini-2.5-pro\"].policy: must be ordered, cheapest or fastest, got \"cheap\""),
                problems("routes:\n  gemini-2.5-pro: { policy: cheap }\n"));
    }

    @Test
    void routesAndKeyModelsMayNameOnlyConfiguredProviders() throws IOException {
        String yaml = "providers:\n  acedata: {}\n  google: {}\n"
                + "routes:\n  gemini-2.5-pro: { providers: [acedata, yisu] }\n"
                + "keys:\n" + key("a", HASH_A) + "    models: [gemini-2.5-pro, aivideoapi/gemini-2.5-flash]\n";

        assertEquals(List.of(
                "routes[\"gemini-2.5-pro\"].providers[1]: unknown provider \"yisu\": add it under providers, or use one of"
                        + " acedata, google",
                "keys[0].models[1]: unknown provider \"aivideoapi\": add it under providers, or use one of acedata, google"
                        + " (in \"aivideoapi/gemini-2.5-flash\")"), problems(yaml));
    }

    @Test
    void withoutAProvidersSectionReferencesAreNotChecked() throws IOException {
        Path file = write("gateway.yaml", "routes:\n  gemini-2.5-pro: { providers: [yisu] }\n"
                + "keys:\n" + key("a", HASH_A) + "    models: [aivideoapi/gemini-2.5-flash]\n");

        assertEquals(List.of("yisu"), ConfigLoader.load(file).routes().get("gemini-2.5-pro").providers());
    }

    @Test
    void aRouteListingAProviderTwiceOrNoneIsRefused() throws IOException {
        assertEquals(List.of("routes[\"gemini-2.5-pro\"].providers[1]: lists \"acedata\" twice"),
                problems("routes:\n  gemini-2.5-pro: { providers: [acedata, acedata] }\n"));
        assertEquals(List.of("routes[\"gemini-2.5-pro\"].providers: must not be empty: leave providers out to use every"
                + " provider"), problems("routes:\n  gemini-2.5-pro: { providers: [] }\n"));
    }

    @Test
    void portsOutOfRangeAreRefused() throws IOException {
        assertEquals(List.of("server.port: must be a port from 0 (any free port) to 65535, got 65536"),
                problems("server: { port: 65536 }\n"));
        assertEquals(List.of("server.port: must be a port from 0 (any free port) to 65535, got \"http\""),
                problems("server: { port: http }\n"));
    }

    @Test
    void badDurationsSayWhatADurationLooksLike() throws IOException {
        assertEquals(List.of(
                "server.shutdown_grace: must be a duration such as 500ms, 30s, 5m or 1h, got \"30 seconds\"",
                "health.window: must be longer than 0, got \"0s\"",
                "media.timeout: must be a duration such as 500ms, 30s, 5m or 1h, got 30"),
                problems("server: { shutdown_grace: 30 seconds }\nhealth: { window: 0s }\nmedia: { timeout: 30 }\n"));
    }

    @Test
    void aRedisUrlMustBeRedisOrRedissAndItsPasswordIsMasked() throws IOException {
        List<String> found = problems("redis: { url: \"http://:hunter22@cache:6379\" }\n");

        assertEquals(List.of("redis.url: must start with redis:// or rediss://, got \"http://:***@cache:6379\""), found);
        assertEquals(List.of("redis.url: is required: the server's address, such as redis://localhost:6379; leave redis"
                + " out to keep state in memory"), problems("redis: { key_prefix: \"j:\" }\n"));
    }

    @Test
    void aPublicHostWithoutKeysIsRefused() throws IOException {
        assertEquals(List.of("server.host: 0.0.0.0 exposes every vendor key's spending to anyone who can reach it:"
                + " add keys (junction keys new) or bind 127.0.0.1"), problems("server: { host: 0.0.0.0 }\n"));
        assertEquals(List.of("server.host: 192.168.1.5 exposes every vendor key's spending to anyone who can reach it:"
                + " add keys (junction keys new) or bind 127.0.0.1"), problems("server: { host: 192.168.1.5 }\n"));
    }

    @Test
    void loopbackHostsNeedNoKeys() throws IOException {
        for (String host : List.of("127.0.0.1", "127.1.2.3", "localhost", "\"::1\"", "\"[::1]\"")) {
            Path file = write("gateway.yaml", "server: { host: " + host + " }\n");
            assertEquals(List.of(), ConfigLoader.check(file), host);
        }
    }

    @Test
    void aPublicHostWithKeysIsAccepted() throws IOException {
        Path file = write("gateway.yaml", "server: { host: 0.0.0.0 }\nkeys:\n" + key("a", HASH_A));

        assertEquals("0.0.0.0", ConfigLoader.load(file).server().host());
    }

    @Test
    void aVendorKeyWrittenAsAVariableNameIsRefusedWithoutBeingRepeated() throws IOException {
        String vendorKey = "sk-live-0123456789abcdef";
        Path file = write("gateway.yaml", "providers:\n  acedata: { api_key_env: " + vendorKey + " }\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

        assertEquals("providers.acedata.api_key_env", e.field());
        assertEquals(file + ": providers.acedata.api_key_env: must be the NAME of an environment variable (upper case"
                + " letters, digits and _), such as ACEDATA_API_KEY, not a value: keys never go in this file", e.getMessage());
    }

    @Test
    void upstreamSettingsMustNotCarryAKeyOrABaseUrl() throws IOException {
        Path file = write("gateway.yaml", "upstream: \"timeout=60s&apiKey=sk-secret-value\"\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

        assertEquals(List.of("upstream: must not hold apiKey: keys never go in this file; name the key's variable in"
                + " providers.<id>.api_key_env"), e.problems().stream().map(Object::toString).toList());
        assertFalse(e.getMessage().contains("sk-secret-value"), e::getMessage);
        assertEquals(List.of("upstream: must be config-string settings such as timeout=60s&maxRetries=2"),
                problems("upstream: \"timeout 60s\"\n"));
    }

    @Test
    void upstreamSettingsAreCheckedByCoresOwnParser() throws IOException {
        assertEquals(List.of("upstream: unknown setting \"timout\": did you mean \"timeout\"?"),
                problems("upstream: \"timout=60s\"\n"));
        assertEquals(List.of("upstream: timeout '60' is not a positive duration: write it as 500ms, 30s, 2m or 1h"),
                problems("upstream: \"timeout=60&maxRetries=2\"\n"));
    }

    @Test
    void everyProblemIsReportedTogetherOnePerLine() throws IOException {
        Path file = write("gateway.yaml", "server:\n  host: 0.0.0.0\n  port: -1\n  prot: 1\n"
                + "routes:\n  gemini-2.5-pro: { policy: slowest }\n"
                + "redis: { url: \"localhost:6379\" }\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

        assertEquals(file + ": 5 problems:\n"
                + "server.prot: unknown field: did you mean \"port\"?\n"
                + "server.port: must be a port from 0 (any free port) to 65535, got -1\n"
                + "routes[\"gemini-2.5-pro\"].policy: must be ordered, cheapest or fastest, got \"slowest\"\n"
                + "redis.url: must start with redis:// or rediss://, got \"localhost:6379\"\n"
                + "server.host: 0.0.0.0 exposes every vendor key's spending to anyone who can reach it: add keys"
                + " (junction keys new) or bind 127.0.0.1", e.getMessage());
        assertEquals("server.prot", e.field());
    }

    @Test
    void wrongShapesAreNamed() throws IOException {
        assertEquals(List.of("keys: must be a list of keys (- name: … hash: …), got a mapping"),
                problems("keys: { name: a }\n"));
        assertEquals(List.of("server: must be a mapping of fields, got \"fast\""), problems("server: fast\n"));
        assertEquals(List.of("the file must hold a mapping of fields (YAML) or an object (JSON), got a list"),
                problems("- a\n- b\n"));
        assertEquals(List.of("server.cors_origins[0]: must be an origin such as https://app.example.com (scheme and host,"
                + " no path) or *, got \"https://app.example.com/\""),
                problems("server: { cors_origins: [\"https://app.example.com/\"] }\n"));
    }

    @Test
    void aFileThatDoesNotParseNamesTheLine() throws IOException {
        Path file = write("gateway.json", "{\n  \"server\": {\n    \"port\": 8080,\n  }\n}\n");

        List<String> found = ConfigLoader.check(file);

        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("is not valid JSON at line 4, column 3: "), found::toString);
    }

    @Test
    void aDuplicateFieldIsAProblem() throws IOException {
        List<String> found = ConfigLoader.check(write("gateway.yaml", "server:\n  port: 1\n  port: 2\n"));

        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("is not valid YAML at line 3") && found.get(0).contains("Duplicate field"),
                found::toString);
    }

    @Test
    void aFieldLeftEmptyIsNamedWhileAnEmptySectionMeansItsDefaults() throws IOException {
        assertEquals(List.of(
                "server.port: is empty: give it a value, or leave it out for the default",
                "secrets_file: is empty: give it a value, or leave it out for the default",
                "providers.acedata.api_key_env: is empty: give it a value, or leave it out for the default"),
                problems("server:\n  port:\nsecrets_file:\nhealth:\nproviders:\n  acedata:\n    api_key_env:\n"));
    }

    @Test
    void aKeyLeftEmptyIsNamed() throws IOException {
        List<String> found = problems("keys:\n  - \n");

        assertEquals(List.of("keys[0]: must be a key with a name and a hash, got null"), found);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));

        assertEquals(missing + ": " + missing + " does not exist: check the path, or run without a file for the defaults",
                e.getMessage());
        assertEquals("", e.field());
    }
}
