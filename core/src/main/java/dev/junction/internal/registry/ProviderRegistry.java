package dev.junction.internal.registry;

import dev.junction.error.JunctionException;
import dev.junction.internal.config.ConfigStrings;
import dev.junction.internal.config.RouteStrings;
import dev.junction.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds {@link ProviderFactory} services the way SLF4J and JDBC find theirs: once, lazily, in the
 * thread context class loader and then in core's own. A broken entry is logged and kept in
 * {@link #problems()}; two different factories with one id make every lookup fail.
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final List<ClassLoader> loaders;
    private Map<String, ProviderFactory> factories;
    private final List<String> problems = new ArrayList<>();
    private JunctionException duplicate;

    /** A registry that will search the given loaders in order ({@code null} entries skipped). */
    public ProviderRegistry(List<ClassLoader> loaders) {
        this.loaders = new ArrayList<>();
        for (ClassLoader loader : loaders) {
            // ServiceLoader already searches a loader's parents, so a loader that is, or is an
            // ancestor of, one already listed would only find the same entries again.
            if (loader != null && this.loaders.stream().noneMatch(seen -> isSelfOrAncestor(loader, seen))) {
                this.loaders.add(loader);
            }
        }
    }

    private static boolean isSelfOrAncestor(ClassLoader candidate, ClassLoader of) {
        for (ClassLoader l = of; l != null; l = l.getParent()) {
            if (l == candidate) {
                return true;
            }
        }
        return false;
    }

    /** A registry over fixed factories, with no discovery; for tests and embedding. */
    public static ProviderRegistry of(List<ProviderFactory> fixed) {
        ProviderRegistry registry = new ProviderRegistry(List.of());
        registry.factories = new TreeMap<>();
        for (ProviderFactory f : fixed) {
            registry.add(f);
        }
        return registry;
    }

    /** The factories by id, sorted. */
    public synchronized Map<String, ProviderFactory> factories() {
        load();
        if (duplicate != null) {
            throw duplicate;
        }
        return Collections.unmodifiableMap(factories);
    }

    /** What went wrong during discovery, one line each; empty when nothing did. */
    public synchronized List<String> problems() {
        load();
        return List.copyOf(problems);
    }

    /**
     * The factory for an id.
     *
     * @throws JunctionException CONFIGURATION listing the known ids when none matches
     */
    public ProviderFactory get(String id) {
        Map<String, ProviderFactory> all = factories();
        ProviderFactory factory = all.get(id);
        if (factory == null) {
            String known = all.isEmpty() ? "none: no provider module is on the class path" : String.join(", ", all.keySet());
            throw JunctionException.configuration(id, "unknown provider " + ConfigStrings.shownId(id) + "; known providers: " + known,
                    "add the junction-provider-" + id + " module to the class path, or use one of the known ids");
        }
        return factory;
    }

    private void load() {
        if (factories != null) {
            return;
        }
        factories = new TreeMap<>();
        Map<String, ClassLoader> seenClasses = new LinkedHashMap<>();
        for (ClassLoader loader : loaders) {
            Iterator<ProviderFactory> it = ServiceLoader.load(ProviderFactory.class, loader).iterator();
            while (true) {
                ProviderFactory factory;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    factory = it.next();
                } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                    report("a provider entry could not be loaded: " + e.getMessage());
                    continue;
                }
                // The same class seen through a second loader is the same provider, not a duplicate.
                if (seenClasses.putIfAbsent(factory.getClass().getName(), loader) == null) {
                    add(factory);
                }
            }
        }
    }

    private void add(ProviderFactory factory) {
        String id;
        try {
            id = factory.id();
        } catch (RuntimeException e) {
            report(factory.getClass().getName() + " failed to report its id: " + e.getMessage());
            return;
        }
        if (!ConfigStrings.isValidId(id)) {
            report(factory.getClass().getName() + " has an invalid id '" + id + "'; ids are lower-case letters, digits, . _ -");
            return;
        }
        if (id.equals(RouteStrings.ROUTE_ID)) {
            report(factory.getClass().getName() + " uses the id '" + id + "', which config strings reserve for routes;"
                    + " the provider is ignored");
            return;
        }
        ProviderFactory existing = factories.putIfAbsent(id, factory);
        if (existing != null && duplicate == null) {
            duplicate = JunctionException.configuration(id, "two provider modules claim the id '" + id + "': "
                            + existing.getClass().getName() + " and " + factory.getClass().getName(),
                    "remove one of the two modules from the class path");
        }
    }

    private void report(String problem) {
        if (problems.contains(problem)) {
            return;
        }
        problems.add(problem);
        LOG.warn("Junction provider discovery: {}", problem);
    }
}
