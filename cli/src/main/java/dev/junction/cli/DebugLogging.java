package dev.junction.cli;

import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Turns on Junction's DEBUG log for one run, when {@code --verbose} or {@code JUNCTION_LOG=debug}
 * (read from the run's {@link CliContext#env()}) asks for it.
 *
 * <p>slf4j-simple, the CLI's binding, fixes a logger's level when the logger is created, from the
 * system property {@code org.slf4j.simpleLogger.log.<name>}. The property is set here, before the
 * run builds Junction: in the {@code junction} process nothing has created a logger by then (Main,
 * picocli and the options create none), so every Junction logger starts at DEBUG. In a JVM that
 * ran Junction before (tests running commands in-process, an application embedding the CLI), the
 * loggers that exist keep their level; that is detected and said on stderr rather than ignored.
 */
final class DebugLogging implements AutoCloseable {
    /** The slf4j-simple level of every logger under {@code dev.junction}. */
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.dev.junction";
    /** The variable that turns the log on without {@code --verbose}. */
    static final String ENV = "JUNCTION_LOG";
    /** The loggers {@code --verbose} promises: each exchange, its bodies, and each retry decision. */
    private static final List<String> LOGGERS = List.of("dev.junction.http", "dev.junction.http.body", "dev.junction.retry");

    private final boolean set;

    private DebugLogging(boolean set) {
        this.set = set;
    }

    /**
     * Sets the level when asked (unless the JVM was started with its own {@code -D} level, which
     * wins), and warns on the run's stderr when the log cannot be turned on.
     */
    static DebugLogging start(boolean verbose, CliContext context) {
        String variable = context.env().apply(ENV);
        String value = variable == null ? "" : variable.strip().toLowerCase(Locale.ROOT);
        if (!value.isEmpty() && !value.equals("debug") && !value.equals("info")) {
            context.err().println("warning: " + ENV + "=" + variable.strip() + " is not understood; " + ENV
                    + "=debug turns on the debug log");
        }
        if (!verbose && !value.equals("debug")) {
            return new DebugLogging(false);
        }
        boolean set = System.getProperty(LEVEL_PROPERTY) == null;
        if (set) {
            System.setProperty(LEVEL_PROPERTY, "debug");
        }
        if (!LOGGERS.stream().allMatch(name -> LoggerFactory.getLogger(name).isDebugEnabled())) {
            context.err().println("warning: the debug log cannot be turned on in this JVM: Junction's loggers were created"
                    + " before, or the SLF4J binding is not slf4j-simple; set the logger dev.junction to DEBUG in the binding");
        }
        return new DebugLogging(set);
    }

    /** Clears the level again, for a JVM that runs more commands; loggers created meanwhile keep it. */
    @Override
    public void close() {
        if (set) {
            System.clearProperty(LEVEL_PROPERTY);
        }
    }
}
