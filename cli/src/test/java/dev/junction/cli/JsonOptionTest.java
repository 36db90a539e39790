package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The shared {@code --json}: every command that has it shows its own help line, and its failures
 * all go through the one report, as {@code {"error":…}} on stdout.
 */
class JsonOptionTest {
    private static final ResourceBundle DESCRIPTIONS = new JsonOption.Descriptions();

    @ParameterizedTest
    @ValueSource(strings = {"providers", "chat", "compare", "prices", "models", "credits"})
    void helpShowsTheCommandsOwnJsonLine(String command) {
        String help = Cli.run(command, "--help").assertExit(0).out().replaceAll("\\s+", " ");

        assertTrue(help.contains("--json " + DESCRIPTIONS.getString("junction." + command + ".json")), help);
    }

    @Test
    void everySubcommandWithJsonHasAHelpLineAndImageHasNoJson() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine root = JunctionCommand.commandLine(new CliContext(sink, sink, name -> null), null);

        root.getSubcommands().forEach((name, command) -> {
            boolean hasJson = command.getCommandSpec().findOption("--json") != null;
            assertEquals(hasJson, DESCRIPTIONS.containsKey("junction." + name + ".json"), name);
        });
        assertNull(root.getSubcommands().get("image").getCommandSpec().findOption("--json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"providers", "chat -p acedata:gemini-2.5-pro hi", "compare -m gemini-2.5-pro hi", "prices", "models",
        "credits -p aivideoapi"})
    void aFailureWithJsonIsTheErrorDocumentOnStdout(String arguments, @TempDir Path dir) {
        String[] args = (arguments + " --json").split(" ");

        JsonNode error = Cli.run(Map.of("JUNCTION_PRICES", dir.resolve("missing.json").toString()), args)
                .assertExit(2).json().get("error");

        assertEquals("CONFIGURATION", error.get("kind").asText(), error.toString());
    }

    @Test
    void imageReportsItsFailureOnStderrOnly(@TempDir Path dir) {
        Cli.Result result = Cli.run(Map.of("JUNCTION_PRICES", dir.resolve("missing.json").toString()),
                "image", "-p", "yisu:gemini-3-pro-image-preview", "-o", dir.resolve("cat.png").toString(), "画一只猫").assertExit(2);

        assertEquals("", result.out());
        assertTrue(result.err().startsWith("error: CONFIGURATION"), result.err());
    }
}
