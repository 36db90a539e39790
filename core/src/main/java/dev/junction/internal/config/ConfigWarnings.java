package dev.junction.internal.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warnings about one Junction's configuration, such as a base URL in plain http, each given to the
 * sink once: a provider is created again for every chat model, quote and listing, and one warning
 * per call would bury the output.
 */
public final class ConfigWarnings {
    private static final Logger LOG = LoggerFactory.getLogger("dev.junction.config");

    private final Consumer<String> sink;
    private final Set<String> given = ConcurrentHashMap.newKeySet();

    /** Warnings given to {@code sink}. */
    public ConfigWarnings(Consumer<String> sink) {
        this.sink = sink;
    }

    /** The default sink: a WARN line on the logger {@code dev.junction.config}. */
    public static void log(String warning) {
        LOG.warn("{}", warning);
    }

    /** Gives the warning to the sink unless it was given before. */
    public void warnOnce(String warning) {
        if (!given.add(warning)) {
            return;
        }
        try {
            sink.accept(warning);
        } catch (RuntimeException e) {
            // A broken sink must not break the call the warning is about.
            log(warning);
        }
    }
}
