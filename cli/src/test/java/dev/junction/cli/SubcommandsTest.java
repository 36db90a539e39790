package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The subcommands are given to picocli on demand (issue #14): one when the run names one, else all. */
class SubcommandsTest {
    private static final PrintStream SINK = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void eachIsFiledUnderItsOwnName() {
        JunctionCommand.SUBCOMMANDS.forEach((name, subcommand) ->
                assertEquals(name, new CommandLine(subcommand.get()).getCommandName()));
    }

    @Test
    void aRunNamingOneGetsOnlyThatOne() {
        CommandLine root = JunctionCommand.commandLine(new CliContext(SINK, SINK, name -> null), "providers");
        assertEquals(List.of("providers"), List.copyOf(root.getSubcommands().keySet()));
    }

    @Test
    void otherRunsGetAllInUsageOrder() {
        CommandLine root = JunctionCommand.commandLine(new CliContext(SINK, SINK, name -> null), "--help");
        assertEquals(List.of("providers", "chat", "image", "compare", "prices", "models", "credits", "keys", "serve"),
                List.copyOf(root.getSubcommands().keySet()));
    }

    @Test
    void theUsageAndAMistypedNameStillSeeThemAll() {
        String usage = Cli.run("--help").assertExit(0).out();
        JunctionCommand.SUBCOMMANDS.keySet().forEach(name -> assertTrue(usage.contains("  " + name + " "), usage));

        Cli.Result mistyped = Cli.run("provders").assertExit(2);
        assertTrue(mistyped.err().contains("providers"), mistyped.err());
    }
}
