package dev.junction.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code junction keys}: the gateway's virtual keys. It only groups {@code keys new}. */
@Command(name = "keys",
        mixinStandardHelpOptions = true,
        subcommands = KeysNewCommand.class,
        description = {"Makes virtual keys for the gateway (junction serve): clients present a key,",
                "the gateway's config holds only its hash."})
public final class KeysCommand extends JunctionSubcommand {

    @Spec
    private CommandSpec spec;

    /** Without {@code new} there is nothing to do: show the usage and report bad usage. */
    @Override
    int run(CliContext context) {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_USAGE;
    }
}
