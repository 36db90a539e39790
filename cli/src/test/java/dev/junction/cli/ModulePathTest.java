package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code junction} command in a child JVM on the module path, as named modules.
 *
 * <p>Why this exists: surefire runs every other test on the class path ({@code useModulePath=false},
 * because WireMock's shaded jar is no module), and the CLI's shaded jar strips every module-info.
 * So nothing else shows that the module descriptors work: that core {@code uses} the
 * {@code ProviderFactory} service and each vendor {@code provides} it, that the CLI opens its
 * package to picocli, and that every dependency resolves as a module.
 *
 * <p>The child gets no class path (no {@code -cp}, no {@code CLASSPATH}), and every module on its
 * module path is explicit. ServiceLoader ignores {@code META-INF/services} in explicit modules, so
 * the providers it lists can only come from the {@code provides} clauses; the resolution test
 * shows the resolver binding them.
 */
class ModulePathTest {
    private static final String MAIN = "dev.junction.cli/dev.junction.cli.Main";
    private static final List<String> VENDORS = List.of("aivideoapi", "yisu", "acedata", "google");
    private static final String PROMPT = "用简单的语言解释量子计算";
    private static final long TIMEOUT_SECONDS = 60;

    /** Test-only class path entries: the test classes and the test libraries' jars. */
    private static final List<String> TEST_ONLY_JAR_PREFIXES = List.of(
            "junit-", "opentest4j-", "apiguardian-api-", "wiremock-");

    @TempDir
    Path work;

    @Test
    void resolvesTheCliAsARootModuleAndBindsTheFourProvidersThroughProvides() throws Exception {
        // --dry-run resolves the modules and loads the main class, then stops before main runs.
        Run run = java("--show-module-resolution", "--dry-run", "-m", MAIN).assertExit(0);

        List<String> lines = run.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("root dev.junction.cli ")), run::describe);
        for (String vendor : VENDORS) {
            String binds = "dev.junction.core binds dev.junction.provider." + vendor + " ";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(binds)), () -> "no '" + binds + "'\n" + run.describe());
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dev.junction.cli requires info.picocli ")), run::describe);
    }

    @Test
    void providersListsTheFourVendorsFoundThroughTheModuleDescriptors() throws Exception {
        Run run = java("-m", MAIN, "providers").assertExit(0);

        List<String> lines = run.out().lines().toList();
        for (String vendor : VENDORS) {
            // google's key may also come from GEMINI_API_KEY: "(key: GOOGLE_API_KEY or GEMINI_API_KEY, not set)".
            String key = "(key: " + vendor.toUpperCase(Locale.ROOT) + "_API_KEY";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(vendor + " ") && l.contains(key) && l.endsWith(", not set)")),
                    () -> "no row for " + vendor + " ending with " + key + "\n" + run.describe());
        }
        assertEquals("", run.err(), run::describe);
    }

    @Test
    void compareRanksTheResellersAndGooglesListPriceAsAProvider() throws Exception {
        Run run = java("-m", MAIN, "compare", "--model", "gemini-2.5-pro", PROMPT).assertExit(0);

        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("gemini-2.5-pro · input ≈ 15 tokens"), run::describe);
        int header = indexOfLineStartingWith(lines, "PROVIDER ", run);
        assertTrue(lines.get(header + 1).startsWith("aivideoapi "), run::describe);
        assertTrue(lines.get(header + 2).startsWith("google ") && lines.get(header + 2).contains(" 1.25 "), run::describe);
        assertTrue(lines.get(header + 3).startsWith("acedata ") && lines.get(header + 3).contains("price unknown"),
                run::describe);
        assertEquals("", run.err(), run::describe);
    }

    @Test
    void compareJsonReceivesTheChinesePromptIntact() throws Exception {
        Run run = java("-m", MAIN, "compare", "--json", "--model", "gemini-2.5-pro", PROMPT).assertExit(0);

        JsonNode json = Cli.JSON.readTree(run.out());
        // 15 is the estimate for these 12 characters; a prompt garbled to question marks estimates 12.
        assertEquals(15, json.get("inputTokensEstimate").asLong(),
                () -> "the prompt did not arrive intact (is the C.UTF-8 locale installed?)\n" + run.describe());
        assertEquals("aivideoapi", json.get("quotes").get(0).get("provider").asText(), run::describe);
        assertEquals("google", json.get("quotes").get(1).get("provider").asText(), run::describe);
        assertEquals("", run.err(), run::describe);
    }

    /** What one child JVM printed, with the command that started it. */
    private record Run(List<String> command, int exitCode, String out, String err) {

        Run assertExit(int expected) {
            assertEquals(expected, exitCode, this::describe);
            return this;
        }

        String describe() {
            return "command: " + String.join(" ", command) + "\nexit: " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /**
     * Runs {@code java -p <module path> <args>} with this test's JVM, no class path, no provider
     * keys, and a UTF-8 locale.
     */
    private Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-p", modulePath()));
        command.addAll(Arrays.asList(args));

        // The arguments go through an @argfile written as UTF-8: how ProcessBuilder encodes
        // arguments depends on this JVM's charset, a file's bytes do not. JDK 17 decodes arguments
        // (a file's too) with the locale's charset and ignores -Dsun.jnu.encoding, hence LC_ALL.
        Path argFile = Files.createTempFile(work, "args", ".txt");
        Files.write(argFile, command.stream().map(ModulePathTest::quoted).toList(), StandardCharsets.UTF_8);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "@" + argFile)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.endsWith("_API_KEY") || name.endsWith("_BASE_URL")
                || name.startsWith("JUNCTION_") || name.equals("CLASSPATH")
                || name.equals("JDK_JAVA_OPTIONS") || name.equals("JAVA_TOOL_OPTIONS") || name.equals("_JAVA_OPTIONS"));
        env.put("LC_ALL", "C.UTF-8");

        Process process = builder.start();
        boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        List<String> shown = new ArrayList<>(List.of(javaBinary()));
        shown.addAll(command);
        Run run = new Run(shown, exited ? process.exitValue() : -1,
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        if (!exited) {
            fail("the child JVM did not exit within " + TIMEOUT_SECONDS + " s and was killed\n" + run.describe());
        }
        return run;
    }

    /**
     * This test's class path without its test-only entries: the reactor's modules (target/classes
     * directories, or their jars once packaged) and the runtime dependency jars. The CLI itself is
     * cli/target/classes: its shaded jar is no module.
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

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toString();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").startsWith("Windows");
    }

    /** One @argfile argument: double-quoted, with backslashes and quotes escaped. */
    private static String quoted(String arg) {
        return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static int indexOfLineStartingWith(List<String> lines, String prefix, Run run) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return fail("no line starts with '" + prefix + "'\n" + run.describe());
    }
}
