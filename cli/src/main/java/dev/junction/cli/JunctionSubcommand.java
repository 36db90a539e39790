package dev.junction.cli;

import dev.junction.Junction;
import dev.junction.error.JunctionException;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ParentCommand;

/**
 * A subcommand of {@code junction}: the one place that finds the run's {@link CliContext}, builds
 * and closes Junction, and turns a {@link JunctionException} into a report and an exit code, so
 * each command only says what it does.
 */
abstract class JunctionSubcommand implements Callable<Integer> {

    @ParentCommand
    private JunctionCommand parent;

    /**
     * Runs the command in the run's context; its {@link JunctionException} goes to {@link #failed}.
     * The debug log, when asked for, is on before anything builds Junction.
     */
    @Override
    public final Integer call() {
        CliContext context = parent.context();
        try (DebugLogging logging = DebugLogging.start(verbose(), context)) {
            return run(context);
        } catch (JunctionException e) {
            return failed(e, context);
        }
    }

    /**
     * Does the command's work and returns the exit code. Bad input should fail before
     * {@link #withJunction}, so nothing is started for a typo.
     *
     * @throws JunctionException for any failure the user should see; {@link #failed} reports it
     */
    abstract int run(CliContext context);

    /** The run's context, for a nested subcommand such as {@code keys new} that has this command as its parent. */
    final CliContext context() {
        return parent.context();
    }

    /** Whether this command was asked for {@code --json}; false for a command without the option. */
    boolean json() {
        return false;
    }

    /** Whether this command was asked for {@code --verbose}; false for a command without the option. */
    boolean verbose() {
        return false;
    }

    /** This command's {@code --prices}, or {@code null} when it has none and reads only {@code JUNCTION_PRICES}. */
    PricesOption prices() {
        return null;
    }

    /**
     * Builds a Junction from the run's environment and {@link #prices()}, gives it to the work and
     * closes it before returning. Closing here, not after the command, keeps Vert.x alive exactly
     * as long as the work needs it (a whole stream) and lets a failed shutdown be reported before
     * anything is printed from the result.
     *
     * @throws JunctionException CONFIGURATION for an invalid price file, or whatever the work throws
     */
    final <T> T withJunction(CliContext context, Function<Junction, T> work) {
        PricesOption prices = prices();
        try (Junction junction = prices == null ? context.junction() : prices.junction(context)) {
            return work.apply(junction);
        }
    }

    /**
     * Prints the error on stderr (and as {@code {"error":…}} on stdout with {@code --json}) and
     * returns its exit code. A command overrides this only where its report or code differs.
     */
    int failed(JunctionException error, CliContext context) {
        return ErrorReport.print(error, json(), context);
    }
}
