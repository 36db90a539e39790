package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code junction} as its own process ({@link Main#main} in a child JVM on this test's class
 * path), for what an in-process run cannot show: slf4j-simple fixes each logger's level once per
 * JVM, so only a fresh JVM shows what {@code --verbose} and {@code JUNCTION_LOG} do from the start.
 */
final class ChildCli {
    private static final long TIMEOUT_SECONDS = 60;

    private ChildCli() {
    }

    /** What the child printed. */
    record Result(List<String> args, int exitCode, String out, String err) {

        Result assertExit(int expected) {
            assertEquals(expected, exitCode, this::describe);
            return this;
        }

        String describe() {
            return "junction " + String.join(" ", args) + "\nexit: " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /** Runs with no provider keys, base URLs or JUNCTION_ variables but those given. */
    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("junction-child");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.endsWith("_API_KEY") || name.endsWith("_BASE_URL")
                || name.startsWith("JUNCTION_") || name.equals("JDK_JAVA_OPTIONS") || name.equals("JAVA_TOOL_OPTIONS")
                || name.equals("_JAVA_OPTIONS"));
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Result result = new Result(List.of(args), exited ? process.exitValue() : -1,
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        Files.delete(dir);
        if (!exited) {
            fail("the child JVM did not exit within " + TIMEOUT_SECONDS + " s and was killed\n" + result.describe());
        }
        return result;
    }
}
