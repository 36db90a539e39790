package dev.junction.cli;

import dev.junction.Junction;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * What one run of the command line talks to: its streams and its environment. Tests inject them
 * all, so no real environment variable or terminal input leaks into them.
 *
 * @param out where answers and {@code --json} documents go
 * @param err where warnings, summaries and errors go
 * @param env looks up environment variables such as {@code ACEDATA_API_KEY}; returns {@code null} when unset
 * @param ansi whether stderr may carry ANSI styles (the dimmed reasoning of {@code chat --stream});
 *     see {@link Main#ansiByDefault} for the rule the real command uses
 * @param in where {@code --prompt-file -} reads the prompt from
 */
public record CliContext(PrintStream out, PrintStream err, Function<String, String> env, boolean ansi, InputStream in) {

    /** Checks the fields are present. */
    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(in, "in");
    }

    /** A context reading the process's standard input. */
    public CliContext(PrintStream out, PrintStream err, Function<String, String> env, boolean ansi) {
        this(out, err, env, ansi, System.in);
    }

    /** A context whose stderr carries no ANSI styles. */
    public CliContext(PrintStream out, PrintStream err, Function<String, String> env) {
        this(out, err, env, false);
    }

    /**
     * A new Junction reading this run's environment, its configuration warnings (such as a plain-http
     * base URL) printed on stderr as {@code warning: …}; the caller closes it.
     */
    Junction junction() {
        return builder().build();
    }

    /**
     * A new Junction reading this run's environment and the given price file instead of
     * {@code JUNCTION_PRICES}; the caller closes it.
     *
     * @throws dev.junction.error.JunctionException CONFIGURATION for a missing or invalid price file
     */
    Junction junction(Path pricesFile) {
        return builder().pricesFile(pricesFile, "--prices").build();
    }

    private Junction.Builder builder() {
        return Junction.builder().environment(env).warnings(warning -> err.println("warning: " + warning));
    }
}
