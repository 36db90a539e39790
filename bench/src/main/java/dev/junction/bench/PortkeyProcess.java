package dev.junction.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The npm package {@code @portkey-ai/gateway} ({@link #VERSION}), run as a child Node process and
 * pointed at the {@link LoopbackStub} as an OpenAI-compatible custom host: the peer arm of
 * {@link GatewayOverheadBenchmark}.
 *
 * <p>What its 1.15.2 build ({@code build/start-server.js}, the package's {@code bin}) does, read
 * from that file:
 *
 * <ul>
 *   <li>{@code --port=N} (the {@code =} form only; default 8787) and {@code --headless} (no UI at
 *       {@code /public}, no {@code /log/stream}); it listens on every interface ({@code *:N}) and
 *       answers {@code GET /} with "AI Gateway says hey!", which is what the readiness poll asks;</li>
 *   <li>{@code POST /v1/chat/completions} needs {@code x-portkey-provider} (or a config header);
 *       with {@code x-portkey-provider: openai} and {@code x-portkey-custom-host: <base>} it posts
 *       to {@code <base>/chat/completions}, forwarding {@code Authorization};</li>
 *   <li>a custom host on a private or loopback address is refused ("Invalid custom host", 400)
 *       unless its host name is in {@code TRUSTED_CUSTOM_HOSTS} (comma-separated; unset means
 *       {@code localhost,127.0.0.1,::1,host.docker.internal}); this class sets it to
 *       {@code 127.0.0.1} so an inherited value cannot change the answer;</li>
 *   <li>it reads {@code HTTP_PROXY}/{@code HTTPS_PROXY} (routing upstream calls through a proxy)
 *       and {@code REDIS_CONNECTION_STRING} (a Redis cache backend); the child's environment has
 *       neither, nor {@code PORT}.</li>
 * </ul>
 *
 * <p>The package is looked up under {@code $PORTKEY_HOME} (default {@code bench/target/portkey},
 * or {@code target/portkey} when run from {@code bench/}), where
 * {@code npm install --prefix bench/target/portkey @portkey-ai/gateway@1.15.2} puts it; Node is
 * {@code $PORTKEY_NODE} or {@code node} on the PATH. Its output goes to a temporary log file.
 */
final class PortkeyProcess implements AutoCloseable {
    /** The version measured; another one installed fails the setup. */
    static final String VERSION = "1.15.2";
    /** The command that installs it, for the messages. */
    static final String INSTALL = "npm install --prefix bench/target/portkey --save-exact @portkey-ai/gateway@" + VERSION
            + "   (or run bench/gateway-run.sh, which installs it when missing)";

    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    /** The process this JVM runs or last ran, for {@link ProxyCpuProfiler}; {@code null} before the first. */
    static volatile PortkeyProcess running;

    private final Process process;
    private final int port;
    private final Path log;
    /** {@link #cpuNanos()} as it was when the process was stopped, or -1 while it runs. */
    private volatile long cpuAtClose = -1;

    private PortkeyProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Portkey on a free port and waits until it answers, or fails saying why. */
    static PortkeyProcess start() throws Exception {
        Path home = home();
        Path packageDir = home.resolve("node_modules/@portkey-ai/gateway");
        Path script = packageDir.resolve("build/start-server.js");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("Portkey is not installed: no " + script.toAbsolutePath() + "; run: " + INSTALL);
        }
        String installed = version(packageDir.resolve("package.json"));
        if (!VERSION.equals(installed)) {
            throw new IllegalStateException("Portkey " + installed + " is installed in " + home.toAbsolutePath()
                    + ", the benchmark measures " + VERSION + "; run: " + INSTALL);
        }
        String node = System.getenv().getOrDefault("PORTKEY_NODE", "node");
        int port = freePort();
        Path log = Files.createTempFile("portkey-", ".log");
        ProcessBuilder builder = new ProcessBuilder(node, script.toAbsolutePath().toString(), "--port=" + port, "--headless")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        for (String name : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy",
                "REDIS_CONNECTION_STRING", "PORT")) {
            env.remove(name);
        }
        env.put("TRUSTED_CUSTOM_HOSTS", "127.0.0.1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run Node (" + node + "): install Node.js 20 or set PORTKEY_NODE; "
                    + "then, if needed: " + INSTALL, e);
        }
        PortkeyProcess portkey = new PortkeyProcess(process, port, log);
        // A fork that dies without its tear-down must not leave Node behind.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "portkey-reaper"));
        try {
            portkey.awaitReady();
        } catch (Exception e) {
            portkey.close();
            throw e;
        }
        running = portkey;
        return portkey;
    }

    /** The CPU time (user + system) the Node process has used so far, in nanoseconds, or -1 if unknown. */
    long cpuNanos() {
        long closed = cpuAtClose;
        if (closed >= 0) {
            // JMH tears the trial down before the profiler reads the last iteration; the process is gone by then.
            return closed;
        }
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** The port it listens on. */
    int port() {
        return port;
    }

    /** Its process id, for the log. */
    long pid() {
        return process.pid();
    }

    /** Its output so far. */
    Path log() {
        return log;
    }

    /**
     * The headers that make it proxy a chat request to {@code baseUrl} as an OpenAI-compatible
     * vendor ({@code baseUrl + "/chat/completions"}), on top of {@code headers}.
     */
    static Map<String, String> proxyHeaders(Map<String, String> headers, String baseUrl) {
        headers.put("x-portkey-provider", "openai");
        headers.put("x-portkey-custom-host", baseUrl);
        return headers;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Portkey exited with " + process.exitValue() + " before answering; its output: "
                        + tail());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL()
                        .openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                int status = connection.getResponseCode();
                try (InputStream in = connection.getInputStream()) {
                    in.readAllBytes();
                }
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Portkey did not answer on port " + port + " within " + START_DEADLINE.toSeconds()
                + " s (" + last + "); its output: " + tail());
    }

    private String tail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Stops it: SIGTERM, then SIGKILL after 5 s (at once if this thread is interrupted). */
    @Override
    public void close() {
        if (process.isAlive()) {
            cpuAtClose = cpuNanos();
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path home() {
        String configured = System.getenv("PORTKEY_HOME");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        Path fromRoot = Paths.get("bench/target/portkey");
        Path fromBench = Paths.get("target/portkey");
        return Files.isDirectory(fromRoot) || !Files.isDirectory(fromBench) ? fromRoot : fromBench;
    }

    private static String version(Path packageJson) throws IOException {
        Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(packageJson));
        return m.find() ? m.group(1) : "(unknown version)";
    }

    private static int freePort() throws IOException {
        // Portkey binds every interface, so the probe does too; the port is free when Node asks for it
        // unless another process takes it in between, which the readiness check would then report.
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
