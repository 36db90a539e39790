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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds {@link ProviderFactory} services the way SLF4J and JDBC find theirs: once, lazily, in the
 * thread context class loader and then in core's own; then the vendor files ({@link VendorFiles}:
 * the {@code JUNCTION_VENDORS} directory and the class path's vendor index). A broken entry or
 * vendor file is logged and kept in {@link #problems()}, and the others still load; asking for a
 * broken file's id fails with that file's error. Two definitions with one id (two modules, two
 * files, or a file and a module) make every lookup fail, naming both: picking one silently could
 * send a key meant for one host to another.
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final List<ClassLoader> loaders;
    private final Function<String, String> environment;
    private Map<String, ProviderFactory> factories;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, VendorFiles.Failure> brokenFiles = new LinkedHashMap<>();
    private JunctionException duplicate;

    /** A registry that will search the given loaders in order ({@code null} entries skipped), with no vendor directory. */
    public ProviderRegistry(List<ClassLoader> loaders) {
        this(loaders, name -> null);
    }

    /**
     * A registry that will search the given loaders in order ({@code null} entries skipped), and the
     * vendor directory named by {@code JUNCTION_VENDORS} in {@code environment}.
     */
    public ProviderRegistry(List<ClassLoader> loaders, Function<String, String> environment) {
        this.environment = environment;
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
        ProviderRegistry registry = new ProviderRegistry(List.of(), name -> null);
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
     * @throws JunctionException CONFIGURATION with the file's own error when the id is a vendor
     *     file's that failed to load, else listing the known ids when none matches
     */
    public ProviderFactory get(String id) {
        Map<String, ProviderFactory> all = factories();
        ProviderFactory factory = all.get(id);
        VendorFiles.Failure broken = factory == null ? brokenFile(id) : null;
        if (broken != null) {
            throw JunctionException.configuration(id, broken.message(),
                    "fix the vendor file as the message says; 'junction providers' lists every discovery problem");
        }
        if (factory == null) {
            String known = all.isEmpty() ? "none: no provider module is on the class path" : String.join(", ", all.keySet());
            throw JunctionException.configuration(id, "unknown provider " + ConfigStrings.shownId(id) + "; known providers: " + known,
                    "add the junction-provider-" + id + " module to the class path, define the vendor in a JSON file in the "
                            + VendorFiles.ENV + " directory, or use one of the known ids");
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
        VendorFiles.Loaded files = VendorFiles.load(environment, loaders);
        for (VendorFiles.Failure failure : files.failures()) {
            report(failure.message());
            failure.ids().forEach(id -> brokenFiles.putIfAbsent(id, failure));
        }
        files.factories().forEach(this::add);
    }

    private synchronized VendorFiles.Failure brokenFile(String id) {
        return brokenFiles.get(id);
    }

    /** How a duplicate's message names a definition: its vendor file, or its module's factory class. */
    private static String source(ProviderFactory factory) {
        return factory instanceof VendorFileFactory file ? "vendor file " + file.source() : factory.getClass().getName();
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
            report(source(factory) + " has an invalid id '" + id + "'; ids are lower-case letters, digits, . _ -");
            return;
        }
        if (id.equals(RouteStrings.ROUTE_ID)) {
            report(source(factory) + " uses the id '" + id + "', which config strings reserve for routes;"
                    + " the provider is ignored");
            return;
        }
        ProviderFactory existing = factories.putIfAbsent(id, factory);
        if (existing != null && duplicate == null) {
            boolean files = existing instanceof VendorFileFactory || factory instanceof VendorFileFactory;
            duplicate = JunctionException.configuration(id, "two provider " + (files ? "definitions" : "modules") + " claim the id '"
                            + id + "': " + source(existing) + " and " + source(factory),
                    files ? "remove or rename one of the two: a vendor file's id is its \"id\" field (the files sit in "
                            + VendorFiles.ENV + " or are listed in the class path's " + VendorFiles.INDEX + ")"
                            : "remove one of the two modules from the class path");
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
