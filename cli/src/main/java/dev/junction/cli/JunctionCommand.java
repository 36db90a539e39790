package dev.junction.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code junction} command; it only groups the subcommands. */
@Command(name = "junction",
        mixinStandardHelpOptions = true,
        versionProvider = JunctionCommand.Version.class,
        description = "One Java API over the Gemini models sold by OpenAI-compatible resellers.",
        footer = {"",
                "Exit codes: 0 success, 1 the provider or the network failed, 2 bad usage, configuration or input.",
                "API keys come from apiKey= in the config string or from <ID>_API_KEY, such as ACEDATA_API_KEY."})
public final class JunctionCommand implements Callable<Integer> {
    /**
     * The subcommands by name, in the order the usage lists them. Not in the annotation: picocli
     * reflects over every subcommand it is given, and a run that names one needs only that one
     * (the other six took about 40% of picocli's time at start, issue #14).
     */
    static final Map<String, Supplier<JunctionSubcommand>> SUBCOMMANDS = subcommands();

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    /** A command whose subcommands write to and read from the given context. */
    public JunctionCommand(CliContext context) {
        this.context = context;
    }

    private static Map<String, Supplier<JunctionSubcommand>> subcommands() {
        Map<String, Supplier<JunctionSubcommand>> all = new LinkedHashMap<>();
        all.put("providers", ProvidersCommand::new);
        all.put("chat", ChatCommand::new);
        all.put("image", ImageCommand::new);
        all.put("compare", CompareCommand::new);
        all.put("prices", PricesCommand::new);
        all.put("models", ModelsCommand::new);
        all.put("credits", CreditsCommand::new);
        all.put("keys", KeysCommand::new);
        all.put("serve", ServeCommand::new);
        return Collections.unmodifiableMap(all);
    }

    /**
     * The command line for a run: with only the subcommand {@code first} names when it names one,
     * else with all of them (for the usage, {@code --version}, or a mistyped name's suggestions).
     *
     * @param first the run's first argument, or {@code null}
     */
    static CommandLine commandLine(CliContext context, String first) {
        CommandLine root = new CommandLine(new JunctionCommand(context));
        Supplier<JunctionSubcommand> named = first == null ? null : SUBCOMMANDS.get(first);
        if (named != null) {
            root.addSubcommand(named.get());
        } else {
            SUBCOMMANDS.values().forEach(subcommand -> root.addSubcommand(subcommand.get()));
        }
        return root;
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
