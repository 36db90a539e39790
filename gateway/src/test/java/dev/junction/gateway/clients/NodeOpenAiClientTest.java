package dev.junction.gateway.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI Node SDK (npm {@code openai}, pinned in {@code src/test/node/package.json})
 * against the gateway: starts WireMock Google and the gateway as {@link OpenAiJavaClientTest} does,
 * then runs {@code node --test gateway.test.mjs} with their addresses in the environment. It passes
 * only when node exits 0 and its TAP summary counts exactly {@link #EXPECTED_TESTS} passing tests,
 * so a file that silently ran fewer cannot pass. Needs Node 20 or newer; installs the SDK with
 * {@code npm ci} from the committed lock when {@code node_modules} lacks it.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class NodeOpenAiClientTest {
    /** The {@code test(…)} cases in gateway.test.mjs. */
    private static final int EXPECTED_TESTS = 18;
    private static final Path NODE_DIR = Path.of("src", "test", "node");
    private static final long NODE_TEST_TIMEOUT_SECONDS = 120;
    private static final long NPM_CI_TIMEOUT_SECONDS = 300;
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    @TempDir
    Path workDir;

    @Test
    void theOfficialNodeSdkSeesTheGatewayAsOpenAi() throws Exception {
        requireNode20();
        installSdkIfMissing();

        List<String> output;
        try (ClientTestRig rig = ClientTestRig.start(workDir)) {
            output = run(List.of("node", "--test", "--test-reporter=tap", "gateway.test.mjs"), rig.clientEnvironment(),
                    NODE_TEST_TIMEOUT_SECONDS);
        }

        assertEquals(EXPECTED_TESTS, summary(output, "tests"), "tests run (see the TAP output above)");
        assertEquals(EXPECTED_TESTS, summary(output, "pass"), "tests passed (see the TAP output above)");
        assertEquals(0, summary(output, "fail"), "tests failed");
        assertEquals(0, summary(output, "cancelled"), "tests cancelled");
        assertEquals(0, summary(output, "skipped"), "tests skipped");
        assertEquals(0, summary(output, "todo"), "tests marked todo");
    }

    private static void requireNode20() throws InterruptedException {
        List<String> version;
        try {
            version = run(List.of("node", "--version"), Map.of(), 30);
        } catch (IOException e) {
            throw new AssertionError("Node.js is not installed (" + e.getMessage() + "): the OpenAI Node SDK tests need Node 20"
                    + " or newer on the PATH; install Node 20 (CI installs it with actions/setup-node)", e);
        }
        Matcher major = Pattern.compile("^v(\\d+)\\.").matcher(version.isEmpty() ? "" : version.get(0).strip());
        assertTrue(major.find(), () -> "cannot read 'node --version': " + version);
        int found = Integer.parseInt(major.group(1));
        assertTrue(found >= 20, () -> "Node " + version.get(0) + " is too old: the OpenAI Node SDK tests need Node 20 or newer; install Node 20");
    }

    /** npm ci from the committed lock, when node_modules lacks the SDK or holds another version than the lock's. */
    private static void installSdkIfMissing() throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        String locked = json.readTree(NODE_DIR.resolve("package-lock.json").toFile())
                .path("packages").path("node_modules/openai").path("version").asText();
        assertTrue(!locked.isEmpty(), "package-lock.json pins no openai version");
        Path installed = NODE_DIR.resolve(Path.of("node_modules", "openai", "package.json"));
        if (Files.isRegularFile(installed)) {
            JsonNode manifest = json.readTree(installed.toFile());
            if (locked.equals(manifest.path("version").asText())) {
                return;
            }
        }
        List<String> npm = List.of(WINDOWS ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund");
        try {
            run(npm, Map.of(), NPM_CI_TIMEOUT_SECONDS);
        } catch (IOException e) {
            throw new AssertionError("npm is not installed (" + e.getMessage() + "): it comes with Node 20; install Node 20", e);
        }
    }

    /**
     * Runs a command in the Node directory, echoing its output to the test log as it comes, and
     * fails unless it exits 0 within {@code timeoutSeconds}.
     *
     * @return its output lines (stdout and stderr together)
     * @throws IOException when the command cannot be started (not installed)
     */
    private static List<String> run(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    System.out.println("[" + command.get(0) + "] " + line);
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output unreadable: " + e + ")");
            }
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        List<String> output = List.copyOf(lines);
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed; its output:\n" + String.join("\n", output));
        return output;
    }

    /** A count from node's TAP summary ({@code # pass 18}); fails when the summary lacks it. */
    private static int summary(List<String> output, String name) {
        Pattern line = Pattern.compile("^# " + name + " (\\d+)$");
        for (String text : output) {
            Matcher m = line.matcher(text.strip());
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("node's TAP summary has no '# " + name + "' line: the tests did not run to the end");
    }
}
