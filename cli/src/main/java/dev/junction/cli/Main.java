package dev.junction.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The entry point of the {@code junction} command.
 *
 * <p>Exit codes: 0 on success, 1 when the provider or the network failed, 2 for bad usage,
 * configuration or input.
 */
public final class Main {
    /** The provider or the network failed. */
    static final int EXIT_FAILURE = 1;
    /** The caller's usage, configuration or input is wrong. */
    static final int EXIT_USAGE = 2;

    private Main() {
    }

    /** Runs the command with the process's streams and environment, then exits with its code. */
    public static void main(String[] args) {
        // UTF-8 whatever the platform encoding: the answers are often Chinese, and JDK 17's
        // System.out would turn them into question marks under a POSIX locale.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // slf4j-simple writes to System.err: this makes the --verbose log UTF-8 too (bodies are often
        // Chinese), and keeps its lines in order with the command's own stderr lines. Done before any
        // logger exists, as DebugLogging requires.
        System.setErr(err);
        int code = run(args, out, err, System::getenv, ansiByDefault(consoleIsTerminal(), System::getenv));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Whether stderr gets ANSI styles: only when the JVM has a console and {@code NO_COLOR} is unset
     * or empty (<a href="https://no-color.org">no-color.org</a>). Java cannot ask whether stderr
     * alone is a terminal; a console means stdin and stdout are, so {@code 2>file} from a terminal
     * still gets styles, while {@code | less}, {@code >file} and CI do not.
     *
     * @param hasConsole whether {@code System.console()} is non-null
     */
    /**
     * Whether the JVM's console is a terminal. From JDK 22 {@code System.console()} is non-null
     * even when output is redirected, so {@code Console.isTerminal()} (JDK 22+) is asked when it
     * exists; it is looked up by reflection because Junction targets Java 17.
     */
    static boolean consoleIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException before22) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    static boolean ansiByDefault(boolean hasConsole, Function<String, String> env) {
        String noColor = env.apply("NO_COLOR");
        return hasConsole && (noColor == null || noColor.isEmpty());
    }

    /**
     * Runs the command in-process with no ANSI styles and returns its exit code instead of exiting.
     *
     * @param env looks up environment variables; {@code name -> null} for an empty environment
     */
    static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> env) {
        return run(args, out, err, env, false);
    }

    /**
     * Runs the command in-process and returns its exit code instead of exiting.
     *
     * @param env looks up environment variables; {@code name -> null} for an empty environment
     * @param ansi whether stderr may carry ANSI styles
     */
    static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> env, boolean ansi) {
        return run(args, new CliContext(out, err, env, ansi));
    }

    /** Runs the command in-process with the given streams and environment and returns its exit code. */
    static int run(String[] args, CliContext context) {
        PrintStream out = context.out();
        PrintStream err = context.err();
        CommandLine commandLine = JunctionCommand.commandLine(context, args.length > 0 ? args[0] : null)
                .setCaseInsensitiveEnumValuesAllowed(true)
                // After the subcommands exist: picocli hands the bundle down to those present now.
                .setResourceBundle(new JsonOption.Descriptions())
                .setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            out.flush();
            err.flush();
        }
    }
}
