package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs the command in-process with captured streams and an injected environment. */
final class Cli {
    /** Reads numbers as exact BigDecimals and rejects anything after the first document. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Cli() {
    }

    /** What one run produced. */
    record Result(int exitCode, String out, String err) {

        /** stdout parsed as exactly one JSON document. */
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON document: " + out + "\nstderr: " + err, e);
            }
        }

        /** stdout parsed as JSON lines (NDJSON), each exactly one document. */
        List<JsonNode> jsonLines() {
            return out.lines().map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (IOException e) {
                    throw new AssertionError("not one JSON document: " + line + "\nstdout:\n" + out + "\nstderr:\n" + err, e);
                }
            }).toList();
        }

        /** The {@code "type"} of each JSON line, in order. */
        List<String> types() {
            return jsonLines().stream().map(line -> line.get("type").asText()).toList();
        }

        /** Asserts the exit code, showing both streams when it differs. */
        Result assertExit(int expected) {
            assertEquals(expected, exitCode, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }
    }

    /** Runs with an empty environment, so no real variable leaks in. */
    static Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs with exactly the given environment variables. */
    static Result run(Map<String, String> env, String... args) {
        return run(false, env, args);
    }

    /** Runs with an empty environment, as on a terminal: stderr may carry ANSI styles. */
    static Result runWithAnsi(String... args) {
        return run(true, Map.of(), args);
    }

    /** Runs with an empty environment and the given bytes on standard input. */
    static Result runWithStdin(byte[] stdin, String... args) {
        return run(false, Map.of(), new ByteArrayInputStream(stdin), args);
    }

    private static Result run(boolean ansi, Map<String, String> env, String... args) {
        // No test reads the real standard input: an empty one stands in when none is given.
        return run(ansi, env, new ByteArrayInputStream(new byte[0]), args);
    }

    private static Result run(boolean ansi, Map<String, String> env, InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, new CliContext(o, e, env::get, ansi, stdin));
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A fixture's bytes, exactly as copied from the vendor docs. */
    static byte[] fixture(String name) {
        try (InputStream in = Cli.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
