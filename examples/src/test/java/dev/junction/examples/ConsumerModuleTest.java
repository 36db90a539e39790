package dev.junction.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JPMS application that {@code requires dev.junction.core} compiles against the exported
 * packages and cannot import an internal one.
 *
 * <p>Why this exists: the tests run on the class path ({@code useModulePath=false}), where every
 * package of core is visible, and the ArchUnit rules only check Junction's own code. This test
 * compiles a small module the way a user's would be compiled, against core's module descriptor.
 */
class ConsumerModuleTest {

    /** Test-only class path entries: the test libraries' jars. */
    private static final List<String> TEST_ONLY_JAR_PREFIXES = List.of(
            "junit-", "opentest4j-", "apiguardian-api-", "wiremock-");

    private static final String MODULE_INFO = "module demo {\n    requires dev.junction.core;\n}\n";

    @TempDir
    Path work;

    @Test
    void aConsumerModuleCompilesAgainstTheExportedPackages() throws IOException {
        // io.vertx.core.Future is readable without naming the module: core requires it transitively.
        String app = """
                package demo;

                import dev.junction.Junction;
                import dev.junction.catalog.ProviderView;
                import dev.junction.chat.ChatRequest;
                import dev.junction.chat.ChatResponse;
                import dev.junction.cost.Cost;
                import dev.junction.error.ErrorKind;
                import dev.junction.quote.Quotes;
                import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
                import io.vertx.core.Future;

                public final class App {
                    private App() {
                    }

                    // One type of each exported package (the vendor SPI too, which is exported for vendor modules).
                    static final Class<?>[] EXPORTED = {ProviderView.class, Cost.class, ErrorKind.class, Quotes.class,
                            OpenAiCompatibleFactory.class};

                    public static Future<ChatResponse> ask(Junction junction, String prompt) {
                        return junction.chatModel("acedata:gemini-2.5-pro").chat(ChatRequest.of(prompt));
                    }
                }
                """;

        Compilation result = compile(app);

        assertTrue(result.succeeded(), result::describe);
        assertTrue(result.errors().isEmpty(), result::describe);
        assertTrue(Files.isRegularFile(work.resolve("classes/module-info.class")), result::describe);
        assertTrue(Files.isRegularFile(work.resolve("classes/demo/App.class")), result::describe);
    }

    /** Public classes of core's internal (not exported) packages: the engine, the settings resolver, the transport. */
    @ParameterizedTest
    @ValueSource(strings = {"dev.junction.internal.openai.OpenAiCompatibleProvider", "dev.junction.internal.config.SettingsResolver",
        "dev.junction.internal.http.VertxHttpTransport"})
    void aConsumerModuleCannotImportAnInternalPackage(String internalClass) throws IOException {
        String internalPackage = internalClass.substring(0, internalClass.lastIndexOf('.'));
        String app = """
                package demo;

                import %s;

                public final class App {
                    private App() {
                    }

                    static Class<?> internal() {
                        return %s.class;
                    }
                }
                """.formatted(internalClass, internalClass.substring(internalClass.lastIndexOf('.') + 1));

        Compilation result = compile(app);

        assertFalse(result.succeeded(), result::describe);
        List<Diagnostic<? extends JavaFileObject>> errors = result.errors();
        assertFalse(errors.isEmpty(), result::describe);
        Diagnostic<? extends JavaFileObject> first = errors.get(0);
        assertEquals("compiler.err.package.not.visible", first.getCode(), result::describe);
        String message = first.getMessage(Locale.ROOT);
        assertTrue(message.contains("package " + internalPackage + " is not visible"), result::describe);
        assertTrue(message.contains("which does not export it"), result::describe);
        assertEquals(3, first.getLineNumber(), result::describe);
    }

    /** What javac said about one compilation. */
    private record Compilation(boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics, String modulePath) {

        List<Diagnostic<? extends JavaFileObject>> errors() {
            return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        }

        String describe() {
            return "succeeded: " + succeeded + "\nmodule path: " + modulePath + "\ndiagnostics:\n" + diagnostics.stream()
                    .map(d -> d.getKind() + " " + d.getCode() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
        }
    }

    /** Compiles module {@code demo} (the module-info above plus {@code demo/App.java}) into work/classes. */
    private Compilation compile(String appSource) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path moduleInfo = Files.writeString(sources.resolve("module-info.java"), MODULE_INFO, StandardCharsets.UTF_8);
        Path app = Files.writeString(Files.createDirectories(sources.resolve("demo")).resolve("App.java"), appSource,
                StandardCharsets.UTF_8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String modulePath = modulePath();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            // Without this, javac in-process takes this JVM's java.class.path as its class path: core's
            // internal packages would sit in the unnamed module and fail for another reason.
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
            List<String> options = List.of("--release", "17", "--module-path", modulePath, "-d", classes.toString(),
                    "-proc:none");
            boolean succeeded = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(moduleInfo, app)).call();
            return new Compilation(succeeded, diagnostics.getDiagnostics(), modulePath);
        }
    }

    /**
     * This test's class path without its test-only entries: core (target/classes, or its jar once
     * packaged), its dependency jars, and the other reactor modules, which the demo module ignores.
     */
    private static String modulePath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .filter(Files::exists)
                .filter(path -> !path.endsWith("test-classes"))
                .filter(path -> TEST_ONLY_JAR_PREFIXES.stream().noneMatch(p -> path.getFileName().toString().startsWith(p)))
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }
}
