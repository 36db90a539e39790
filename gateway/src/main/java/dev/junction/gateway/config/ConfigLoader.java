package dev.junction.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads the gateway's configuration file (YAML or JSON), checks it against its schema and its
 * rules, and reports every problem at once; also makes the defaults used without a file and the
 * environment lookup Junction's builder reads keys through.
 */
public final class ConfigLoader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    // A YAML field left empty ("acedata:") reads as null, as YAML means, not as "".
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ConfigLoader() {
    }

    /**
     * The configuration in the file: YAML for {@code .yaml}/{@code .yml}, JSON for {@code .json},
     * otherwise JSON when it starts with <code>{</code> and YAML when not.
     *
     * @throws ConfigException listing every problem (one per line), or naming the file when it
     *     cannot be read or parsed
     */
    public static GatewayConfig load(Path file) {
        Objects.requireNonNull(file, "file");
        List<ConfigException.Problem> problems = new ArrayList<>();
        GatewayConfig config = read(file, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(file.toString(), problems);
        }
        return config;
    }

    /**
     * The file's problems, one line each ({@code field: message}); empty when {@link #load} would
     * succeed. For {@code junction serve --check FILE}.
     */
    public static List<String> check(Path file) {
        Objects.requireNonNull(file, "file");
        List<ConfigException.Problem> problems = new ArrayList<>();
        read(file, problems);
        return problems.stream().map(ConfigException.Problem::toString).toList();
    }

    /**
     * The configuration without a file: every discovered provider served, on 127.0.0.1:8080, with
     * no keys, no routes, no Redis, and the other defaults.
     */
    public static GatewayConfig defaults() {
        return new GatewayConfig(ServerConfig.defaults(), null, Map.of(), true, "", HealthConfig.defaults(), Map.of(),
                List.of(), null, MediaConfig.defaults());
    }

    /**
     * An environment lookup for {@code Junction.builder().environment(…)}: the secrets file's
     * variables (read once, now), then the process environment; and for each configured provider,
     * {@code <ID>_API_KEY} and {@code <ID>_BASE_URL} answered from the variables its
     * {@code api_key_env} and {@code base_url_env} name.
     *
     * @param processEnv the process environment, such as {@code System::getenv}
     * @throws ConfigException (field {@code secrets_file}) naming the path when the secrets file is
     *     missing, unreadable or malformed; never quoting its content
     */
    public static Function<String, String> environment(GatewayConfig config, Function<String, String> processEnv) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(processEnv, "processEnv");
        Map<String, String> secrets = config.secretsFile() == null ? Map.of() : SecretsFile.read(Path.of(config.secretsFile()));
        Function<String, String> base = name -> {
            String value = secrets.get(name);
            return value != null ? value : processEnv.apply(name);
        };
        Map<String, String> renamed = new HashMap<>();
        config.providers().values().forEach(p -> {
            renamed.put(ProviderConfig.defaultEnv(p.id(), "API_KEY"), p.apiKeyEnv());
            renamed.put(ProviderConfig.defaultEnv(p.id(), "BASE_URL"), p.baseUrlEnv());
        });
        return name -> base.apply(renamed.getOrDefault(name, name));
    }

    private static GatewayConfig read(Path file, List<ConfigException.Problem> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problems.add(new ConfigException.Problem("", file + " does not exist: check the path, or run without a"
                    + " file for the defaults"));
            return null;
        } catch (IOException e) {
            problems.add(new ConfigException.Problem("", file + " cannot be read (" + e.getClass().getSimpleName()
                    + "): check its permissions"));
            return null;
        }
        boolean yaml = isYaml(file, bytes);
        JsonNode tree;
        try {
            tree = bytes.length == 0 ? null : (yaml ? YAML : JSON).readTree(bytes);
        } catch (JsonProcessingException e) {
            problems.add(new ConfigException.Problem("", "is not valid " + (yaml ? "YAML" : "JSON") + at(e.getLocation())
                    + ": " + scrubbed(e.getOriginalMessage())));
            return null;
        } catch (IOException e) {
            problems.add(new ConfigException.Problem("", "cannot be parsed (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
        Path folder = file.toAbsolutePath().getParent();
        ConfigReader reader = new ConfigReader(folder);
        GatewayConfig config = reader.read(tree);
        problems.addAll(reader.problems());
        if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
            // The schema's complaints about a field the reader already reported would say the same twice.
            for (ConfigException.Problem p : SchemaCheck.check(tree)) {
                if (problems.stream().noneMatch(known -> related(known.field(), p.field()))) {
                    problems.add(p);
                }
            }
        }
        return config;
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || a.isEmpty() || b.isEmpty() || a.startsWith(b + ".") || a.startsWith(b + "[")
                || b.startsWith(a + ".") || b.startsWith(a + "[");
    }

    private static boolean isYaml(Path file, byte[] bytes) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return false;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b != '{';
            }
        }
        return true;
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The parser's message without quoted text longer than a few characters: it may be a pasted key. */
    private static String scrubbed(String message) {
        String m = message == null ? "" : message.lines().findFirst().orElse("");
        return m.replaceAll("'[^']{9,}'", "'…'").replaceAll("\"[^\"]{9,}\"", "\"…\"");
    }
}
