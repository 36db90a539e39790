package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.gateway.config.ConfigLoader;
import dev.junction.gateway.config.GatewayConfig;
import dev.junction.gateway.config.KeyConfig;
import dev.junction.gateway.config.KeyHashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code junction keys new}: the key once, its hash, and an entry that the gateway's loader accepts
 * as pasted. The keys these tests make are throwaway: their values are never put in a failure message.
 */
class KeysCommandTest {

    @TempDir
    Path dir;

    private static String valueAfter(String prefix, String out) {
        return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no line starts with '" + prefix + "'"));
    }

    /** The config file a user would write: {@code keys:}, the entry indented under it, on a public host. */
    private GatewayConfig pasted(String entry) throws IOException {
        String indented = entry.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
        Path file = Files.writeString(dir.resolve("gateway.yaml"), "server:\n  host: 0.0.0.0\nkeys:\n" + indented + "\n");
        return ConfigLoader.load(file);
    }

    @Test
    void printsTheKeyItsHashAndAnEntryTheLoaderAccepts() throws IOException {
        Cli.Result result = Cli.run("keys", "new", "--name", "team-a").assertExit(0);

        String key = valueAfter("key:  ", result.out());
        String hash = valueAfter("hash: ", result.out());
        assertTrue(key.matches("jk-[A-Za-z0-9_-]{43}"), "the key's shape");
        assertTrue(KeyHashes.matches(key, hash), "the hash is the key's");
        assertTrue(result.out().contains(KeysNewCommand.SHOWN_ONCE), "says the key is shown once");
        assertTrue(result.out().endsWith("- name: team-a\n  hash: " + hash + System.lineSeparator()),
                "ends with the entry to paste");
        assertEquals(1, result.out().split(key, -1).length - 1, "the key is printed exactly once");
        assertEquals("", result.err());

        KeyConfig loaded = pasted("- name: team-a\n  hash: " + hash).keys().get(0);
        assertEquals("team-a", loaded.name());
        assertTrue(KeyHashes.matches(key, loaded.hash()));
    }

    @Test
    void withoutANameTheKeyIsNamedAfterItsHash() throws IOException {
        Cli.Result result = Cli.run("keys", "new").assertExit(0);

        String hash = valueAfter("hash: ", result.out());
        String entry = result.out().substring(result.out().indexOf("- name: ")).strip();
        assertEquals("- name: key-" + hash.substring(7, 15) + "\n  hash: " + hash, entry.replace(System.lineSeparator(), "\n"));
        assertEquals(List.of("key-" + hash.substring(7, 15)), pasted(entry).keys().stream().map(KeyConfig::name).toList());
    }

    @Test
    void jsonPrintsOneDocumentAndTheReminderOnStderr() throws IOException {
        Cli.Result result = Cli.run("keys", "new", "--name", "ci", "--json").assertExit(0);

        JsonNode json = result.json();
        assertEquals("ci", json.get("name").asText());
        assertTrue(KeyHashes.matches(json.get("key").asText(), json.get("hash").asText()));
        assertEquals("- name: ci\n  hash: " + json.get("hash").asText(), json.get("yaml").asText());
        assertEquals(KeysNewCommand.SHOWN_ONCE + System.lineSeparator(), result.err());
        assertEquals(json.get("hash").asText(), pasted(json.get("yaml").asText()).keys().get(0).hash());
    }

    @Test
    void eachRunMakesAnotherKey() {
        String first = valueAfter("key:  ", Cli.run("keys", "new").assertExit(0).out());
        String second = valueAfter("key:  ", Cli.run("keys", "new").assertExit(0).out());

        assertNotEquals(first, second);
    }

    @Test
    void aNameTheConfigWouldRefuseIsABadUsageAndNoKeyIsMade() {
        Cli.Result result = Cli.run("keys", "new", "--name", "team a").assertExit(2);

        assertTrue(result.err().contains("Invalid value for option '--name': 'team a' is not a key name"), result.err());
        assertEquals("", result.out());
        assertFalse(result.err().contains("jk-"), "no key was made");
    }

    @Test
    void keysAloneShowsItsUsage() {
        Cli.Result result = Cli.run("keys").assertExit(2);

        assertTrue(result.err().contains("Usage: junction keys"), result.err());
        assertTrue(result.err().contains("  new "), result.err());
        assertEquals("", result.out());
    }

    @Test
    void theHelpDescribesTheJsonDocument() {
        Cli.Result result = Cli.run("keys", "new", "--help").assertExit(0);

        assertTrue(result.out().contains("Print {\"name\",\"key\",\"hash\",\"yaml\"} on stdout"), result.out());
        assertTrue(result.out().contains("--name=NAME"), result.out());
    }
}
