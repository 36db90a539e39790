package dev.junction.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code junction} command; it only groups the subcommands. */
@Command(name = "junction",
        mixinStandardHelpOptions = true,
        versionProvider = JunctionCommand.Version.class,
        description = "One Java API over the Gemini models sold by OpenAI-compatible resellers.",
        subcommands = {ProvidersCommand.class, ChatCommand.class, ImageCommand.class, CompareCommand.class, PricesCommand.class,
            ModelsCommand.class, CreditsCommand.class},
        footer = {"",
                "Exit codes: 0 success, 1 the provider or the network failed, 2 bad usage, configuration or input.",
                "API keys come from apiKey= in the config string or from <ID>_API_KEY, such as ACEDATA_API_KEY."})
public final class JunctionCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    /** A command whose subcommands write to and read from the given context. */
    public JunctionCommand(CliContext context) {
        this.context = context;
    }

    /** The streams and environment of this run. */
    CliContext context() {
        return context;
    }

    /** Without a subcommand there is nothing to do: show the usage and report bad usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_USAGE;
    }

    /** Reads the version from the runnable jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"junction " + (version == null ? "(development build)" : version)};
        }
    }
}
