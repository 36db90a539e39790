package dev.junction.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.ProviderSpec;
import dev.junction.RoutePolicy;
import dev.junction.error.JunctionException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a parsed file into a {@link GatewayConfig}, checking each field and the rules across
 * fields that a schema cannot state (unique names and hashes, references to providers, keys for a
 * public host). Collects every problem rather than stopping at the first.
 */
final class ConfigReader {
    static final Pattern REDIS_URL = Pattern.compile("rediss?://\\S+");
    static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    static final Pattern UPSTREAM = Pattern.compile("[A-Za-z][A-Za-z0-9]*=[^&=\\s]+(&[A-Za-z][A-Za-z0-9]*=[^&=\\s]+)*");
    static final Pattern ORIGIN = Pattern.compile("\\*|https?://[^/\\s]+");

    /** {@code $schema} is for editors (a JSON file's completion); the reader ignores it. */
    /** Config-string settings but the two that differ per provider. */
    private static final List<String> UPSTREAM_SETTINGS = ProviderSpec.KEYS.stream()
            .filter(k -> !k.equals("apiKey") && !k.equals("baseUrl")).toList();

    private static final String[] ROOT = {"$schema", "server", "secrets_file", "providers", "upstream", "health", "routes", "keys",
        "redis", "media"};
    private static final String[] SERVER = {"host", "port", "max_request_bytes", "cors_origins", "shutdown_grace"};
    private static final String[] PROVIDER = {"api_key_env", "base_url_env"};
    private static final String[] HEALTH = {"failures", "window", "cooldown"};
    private static final String[] ROUTE = {"policy", "max_price_usd", "providers"};
    private static final String[] REDIS = {"url", "budgets_fail_open", "key_prefix"};
    private static final String[] MEDIA = {"inline_remote", "max_bytes", "timeout"};

    private final Fields f = new Fields();
    private final Path folder;

    /** @param folder the file's folder, against which a relative {@code secrets_file} is resolved */
    ConfigReader(Path folder) {
        this.folder = folder;
    }

    /** Every problem found by {@link #read}. */
    List<ConfigException.Problem> problems() {
        return f.problems();
    }

    /** The configuration; meaningful only when {@link #problems()} is empty afterwards. */
    GatewayConfig read(JsonNode tree) {
        ObjectNode root = null;
        if (tree != null && !tree.isNull() && !tree.isMissingNode()) {
            if (!tree.isObject()) {
                f.problem("", "the file must hold a mapping of fields (YAML) or an object (JSON), got " + Fields.describe(tree));
                return null;
            }
            root = (ObjectNode) tree;
            f.onlyKnown(root, "", ROOT);
        }
        ServerConfig server = server(f.object(get(root, "server"), "server"));
        String secrets = f.text(root, "", "secrets_file", "the path of a KEY=VALUE file");
        if (secrets != null && folder != null) {
            secrets = folder.resolve(secrets).toString();
        }
        ObjectNode providersNode = f.object(get(root, "providers"), "providers");
        Map<String, ProviderConfig> providers = providers(providersNode);
        Set<String> known = providersNode == null ? null : providers.keySet();
        String upstream = upstream(root);
        HealthConfig health = health(f.object(get(root, "health"), "health"));
        Map<String, RouteConfig> routes = routes(f.object(get(root, "routes"), "routes"), known);
        JsonNode keysNode = get(root, "keys");
        List<KeyConfig> keys = new KeysReader(f).read(keysNode, known);
        RedisConfig redis = redis(f.object(get(root, "redis"), "redis"));
        MediaConfig media = media(f.object(get(root, "media"), "media"));

        boolean keysGiven = keysNode != null && keysNode.isArray() && !keysNode.isEmpty();
        String exposed = Hosts.exposureProblem(server.host(), keysGiven);
        if (exposed != null && !f.hasProblem("server.host")) {
            f.problem("server.host", exposed);
        }
        return new GatewayConfig(server, secrets, providers, providersNode == null, upstream, health, routes, keys, redis, media);
    }

    private static JsonNode get(ObjectNode object, String field) {
        return object == null ? null : object.get(field);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private ServerConfig server(ObjectNode o) {
        ServerConfig d = ServerConfig.defaults();
        if (o == null) {
            return d;
        }
        f.onlyKnown(o, "server", SERVER);
        String host = f.text(o, "server", "host", "an address to bind, such as 127.0.0.1");
        if (host != null && host.strip().contains(" ")) {
            f.problem("server.host", "must be one address, got " + Fields.quoted(host));
        }
        Long port = f.whole(o, "server", "port", 0, 65535, "a port from 0 (any free port) to 65535");
        Long max = f.whole(o, "server", "max_request_bytes", 1, Long.MAX_VALUE, "a positive number of bytes");
        List<String> origins = f.strings(o, "server", "cors_origins", false, "");
        if (origins != null) {
            for (int i = 0; i < origins.size(); i++) {
                if (!ORIGIN.matcher(origins.get(i)).matches()) {
                    f.problem(Fields.index("server.cors_origins", i), "must be an origin such as https://app.example.com"
                            + " (scheme and host, no path) or *, got " + Fields.quoted(origins.get(i)));
                }
            }
        }
        Duration grace = f.duration(o, "server", "shutdown_grace", true);
        return new ServerConfig(or(host, d.host()).strip(), or(port, (long) d.port()).intValue(),
                or(max, d.maxRequestBytes()), or(origins, d.corsOrigins()), or(grace, d.shutdownGrace()));
    }

    private Map<String, ProviderConfig> providers(ObjectNode o) {
        Map<String, ProviderConfig> out = new LinkedHashMap<>();
        if (o == null) {
            return out;
        }
        o.properties().forEach(entry -> {
            String id = entry.getKey();
            String path = Fields.child("providers", id);
            if (!PROVIDER_ID.matcher(id).matches()) {
                f.problem(path, "is not a provider id: ids are lowercase letters, digits, '.', '_' and '-', such as acedata");
                return;
            }
            ObjectNode p = f.object(entry.getValue(), path);
            if (p != null) {
                f.onlyKnown(p, path, PROVIDER);
            }
            String keyEnv = envName(p, path, "api_key_env", ProviderConfig.defaultEnv(id, "API_KEY"));
            String urlEnv = envName(p, path, "base_url_env", ProviderConfig.defaultEnv(id, "BASE_URL"));
            out.put(id, new ProviderConfig(id, or(keyEnv, ProviderConfig.defaultEnv(id, "API_KEY")),
                    or(urlEnv, ProviderConfig.defaultEnv(id, "BASE_URL"))));
        });
        return out;
    }

    /** A variable's name; the value itself is never quoted back: it may be the key, pasted by mistake. */
    private String envName(ObjectNode p, String path, String field, String example) {
        JsonNode node = p == null ? null : p.get(field);
        if (node == null || node.isNull()) {
            if (node != null) {
                f.empty(Fields.child(path, field));
            }
            return null;
        }
        if (!node.isTextual() || !ENV_NAME.matcher(node.asText()).matches()) {
            f.problem(Fields.child(path, field), "must be the NAME of an environment variable (upper case letters, digits"
                    + " and _), such as " + example + ", not a value: keys never go in this file");
            return null;
        }
        return node.asText();
    }

    private String upstream(ObjectNode root) {
        JsonNode node = get(root, "upstream");
        if (node == null || node.isNull()) {
            if (node != null) {
                f.empty("upstream");
            }
            return "";
        }
        // Never quoted back: a key pasted here must not reach a log.
        if (!node.isTextual() || !UPSTREAM.matcher(node.asText().strip()).matches()) {
            f.problem("upstream", "must be config-string settings such as timeout=60s&maxRetries=2");
            return "";
        }
        String text = node.asText().strip();
        int before = f.problems().size();
        for (String setting : text.split("&")) {
            String name = setting.substring(0, setting.indexOf('=')).toLowerCase(Locale.ROOT);
            if (name.equals("apikey")) {
                f.problem("upstream", "must not hold apiKey: keys never go in this file; name the key's variable"
                        + " in providers.<id>.api_key_env");
            } else if (name.equals("baseurl")) {
                f.problem("upstream", "must not hold baseUrl: it applies to every provider; name each provider's"
                        + " variable in providers.<id>.base_url_env");
            } else if (!UPSTREAM_SETTINGS.contains(setting.substring(0, setting.indexOf('=')))) {
                String unknown = setting.substring(0, setting.indexOf('='));
                String best = Fields.closest(unknown, UPSTREAM_SETTINGS.toArray(String[]::new));
                f.problem("upstream", "unknown setting " + Fields.quoted(unknown) + (best != null
                        ? ": did you mean \"" + best + "\"?" : ": the settings are " + String.join(", ", UPSTREAM_SETTINGS)));
            }
        }
        if (f.problems().size() == before) {
            // Core's own parser knows the settings and their values; its messages never repeat a key.
            try {
                ProviderSpec.parse("upstream?" + text);
            } catch (JunctionException e) {
                String message = e.getMessage().replaceFirst("^config string: ", "").replace(" in the config string", "");
                f.problem("upstream", message + e.hint().map(hint -> ": " + hint).orElse(""));
            }
        }
        return text;
    }

    private HealthConfig health(ObjectNode o) {
        HealthConfig d = HealthConfig.defaults();
        if (o == null) {
            return d;
        }
        f.onlyKnown(o, "health", HEALTH);
        Long failures = f.whole(o, "health", "failures", 1, 1000, "a whole number of failures from 1 to 1000");
        Duration window = f.duration(o, "health", "window", false);
        Duration cooldown = f.duration(o, "health", "cooldown", false);
        return new HealthConfig(or(failures, (long) d.failures()).intValue(), or(window, d.window()), or(cooldown, d.cooldown()));
    }

    private Map<String, RouteConfig> routes(ObjectNode o, Set<String> known) {
        Map<String, RouteConfig> out = new LinkedHashMap<>();
        if (o == null) {
            return out;
        }
        o.properties().forEach(entry -> {
            String model = entry.getKey();
            String path = Fields.child("routes", model);
            ObjectNode r = f.object(entry.getValue(), path);
            if (r != null) {
                f.onlyKnown(r, path, ROUTE);
            }
            String policyText = f.text(r, path, "policy", "ordered, cheapest or fastest");
            RoutePolicy policy = RoutePolicy.ORDERED;
            if (policyText != null) {
                switch (policyText) {
                    case "ordered" -> policy = RoutePolicy.ORDERED;
                    case "cheapest" -> policy = RoutePolicy.CHEAPEST;
                    case "fastest" -> policy = RoutePolicy.FASTEST;
                    default -> f.problem(Fields.child(path, "policy"),
                            "must be ordered, cheapest or fastest, got " + Fields.quoted(policyText));
                }
            }
            BigDecimal max = f.positive(r, path, "max_price_usd", "a positive price in US dollars, such as 0.05");
            List<String> providers = f.strings(r, path, "providers", true, "leave providers out to use every provider");
            if (providers != null) {
                Set<String> seen = new LinkedHashSet<>();
                for (int i = 0; i < providers.size(); i++) {
                    String id = providers.get(i);
                    String p = Fields.index(Fields.child(path, "providers"), i);
                    if (!seen.add(id)) {
                        f.problem(p, "lists " + Fields.quoted(id) + " twice");
                    } else if (known != null && !known.contains(id)) {
                        f.problem(p, unknownProvider(id, known));
                    }
                }
            }
            out.put(model, new RouteConfig(model, policy, max, or(providers, List.of())));
        });
        return out;
    }

    static String unknownProvider(String id, Set<String> known) {
        return "unknown provider " + Fields.quoted(id) + ": add it under providers, or use "
                + (known.isEmpty() ? "a provider listed there" : "one of " + String.join(", ", known));
    }

    private RedisConfig redis(ObjectNode o) {
        if (o == null) {
            return null;
        }
        f.onlyKnown(o, "redis", REDIS);
        JsonNode url = o.get("url");
        String text = url != null && url.isTextual() ? url.asText().strip() : null;
        if (url == null || url.isNull()) {
            f.problem("redis.url", "is required: the server's address, such as redis://localhost:6379;"
                    + " leave redis out to keep state in memory");
        } else if (text == null || !REDIS_URL.matcher(text).matches()) {
            f.problem("redis.url", "must start with redis:// or rediss://, got "
                    + (text == null ? Fields.describe(url) : Fields.quoted(RedisConfig.redact(text))));
            text = null;
        }
        Boolean failOpen = f.bool(o, "redis", "budgets_fail_open");
        String prefix = f.text(o, "redis", "key_prefix", "a non-empty prefix, such as junction:");
        return text == null ? null : new RedisConfig(text, or(failOpen, false), or(prefix, RedisConfig.DEFAULT_KEY_PREFIX));
    }

    private MediaConfig media(ObjectNode o) {
        MediaConfig d = MediaConfig.defaults();
        if (o == null) {
            return d;
        }
        f.onlyKnown(o, "media", MEDIA);
        Boolean inline = f.bool(o, "media", "inline_remote");
        Long max = f.whole(o, "media", "max_bytes", 1, Long.MAX_VALUE, "a positive number of bytes");
        Duration timeout = f.duration(o, "media", "timeout", false);
        return new MediaConfig(Objects.requireNonNullElse(inline, d.inlineRemote()), or(max, d.maxBytes()),
                or(timeout, d.timeout()));
    }
}
