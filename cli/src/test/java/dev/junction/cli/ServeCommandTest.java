package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code junction serve}: {@code --check} validates without starting, and a config the gateway
 * cannot serve stops the command before it binds. Serving itself is the gateway module's tests.
 */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkAcceptsAValidFile() throws IOException {
        Path file = Files.writeString(dir.resolve("gateway.yaml"),
                "routes:\n  gemini-2.5-pro: {policy: cheapest, max_price_usd: 0.05}\n");

        Cli.Result result = Cli.run("serve", "--check", file.toString()).assertExit(0);

        assertEquals(file + ": valid" + System.lineSeparator(), result.out());
        assertEquals("", result.err());
    }

    @Test
    void checkListsEveryProblemWithItsFieldAndExitsTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("gateway.yaml"),
                "server: {host: 0.0.0.0, port: 99999}\nroutes:\n  gemini-2.5-pro: {policy: priciest}\nkeys: []\nbudgett: 1\n");

        Cli.Result result = Cli.run("serve", "--check", file.toString()).assertExit(2);

        assertEquals("", result.out());
        assertTrue(result.err().contains("server.port"), result.err());
        assertTrue(result.err().contains("routes[\"gemini-2.5-pro\"].policy"), result.err());
        assertTrue(result.err().contains("budgett"), result.err());
        assertTrue(result.err().contains("server.host"), result.err());
    }

    @Test
    void aPublicHostWithoutKeysIsRefusedBeforeAnythingStarts() {
        Cli.Result result = Cli.run("serve", "--host", "0.0.0.0", "--port", "0").assertExit(2);

        assertTrue(result.err().contains("keys new"), result.err());
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Cli.Result result = Cli.run("serve", "--config", dir.resolve("nowhere.yaml").toString()).assertExit(2);

        assertTrue(result.err().contains("nowhere.yaml"), result.err());
    }
}
