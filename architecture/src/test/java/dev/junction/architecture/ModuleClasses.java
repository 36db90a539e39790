package dev.junction.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The main classes of one module, read from its {@code target/classes} folder (never its jar: the
 * CLI's and the bench's jars are shaded and hold a copy of core). The reactor builds every module
 * before this one, as the root pom lists it last.
 */
final class ModuleClasses {
    /** Imports are cached: each rule reads the same folders, and reading core takes seconds. */
    private static final Map<String, JavaClasses> CACHE = new ConcurrentHashMap<>();

    private ModuleClasses() {
    }

    /** The module's compiled main classes folder, checked to exist. */
    static Path folder(String module) {
        Path classes = Path.of("..", module, "target", "classes").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(classes), classes + " is missing: build the " + module + " module first ("
                + "./mvnw verify builds every module before this one)");
        return classes;
    }

    /** The module's main classes, with their dependencies on classes of other modules. */
    static JavaClasses of(String module) {
        return CACHE.computeIfAbsent(module, m -> {
            JavaClasses classes = new ClassFileImporter().importPath(folder(m));
            assertTrue(classes.size() > 0, "no classes in " + folder(m));
            return classes;
        });
    }

    /** The packages the classes live in. */
    static Set<String> packages(JavaClasses classes) {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : classes) {
            packages.add(c.getPackageName());
        }
        return packages;
    }
}
