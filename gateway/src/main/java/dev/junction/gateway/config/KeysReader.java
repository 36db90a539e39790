package dev.junction.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code keys:}: each key's fields, and the rules across keys (unique names, unique hashes,
 * models of configured providers). A hash field's value is never quoted back: it may be the key.
 */
final class KeysReader {
    private static final String[] KEY = {"name", "hash", "models", "budget", "limits"};
    private static final String[] BUDGET = {"daily_usd", "monthly_usd"};
    private static final String[] LIMITS = {"requests_per_minute", "tokens_per_minute"};

    private final Fields f;

    /** @param f where problems are recorded */
    KeysReader(Fields f) {
        this.f = f;
    }

    /**
     * The keys in the list; a key with a problem is left out.
     *
     * @param known the configured providers' ids, or {@code null} when the file has no providers section
     */
    List<KeyConfig> read(JsonNode node, Set<String> known) {
        List<KeyConfig> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            f.problem("keys", "must be a list of keys (- name: … hash: …), got " + Fields.describe(node));
            return out;
        }
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> hashes = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String path = Fields.index("keys", i);
            ObjectNode k = f.object(node.get(i), path);
            if (k == null) {
                if (node.get(i).isNull()) {
                    f.problem(path, "must be a key with a name and a hash, got null");
                }
                continue;
            }
            f.onlyKnown(k, path, KEY);
            String name = keyName(k, path, names, i);
            String hash = hash(k, path, hashes, i);
            Set<String> models = models(k, path, known);
            ObjectNode budget = f.object(k.get("budget"), path + ".budget");
            ObjectNode limits = f.object(k.get("limits"), path + ".limits");
            if (budget != null) {
                f.onlyKnown(budget, path + ".budget", BUDGET);
            }
            if (limits != null) {
                f.onlyKnown(limits, path + ".limits", LIMITS);
            }
            BigDecimal daily = f.positive(budget, path + ".budget", "daily_usd", "a positive number of US dollars");
            BigDecimal monthly = f.positive(budget, path + ".budget", "monthly_usd", "a positive number of US dollars");
            Long rpm = f.whole(limits, path + ".limits", "requests_per_minute", 1, Integer.MAX_VALUE,
                    "a positive whole number of requests");
            Long tpm = f.whole(limits, path + ".limits", "tokens_per_minute", 1, Long.MAX_VALUE,
                    "a positive whole number of tokens");
            if (name != null && hash != null) {
                out.add(new KeyConfig(name, hash, models == null ? Set.of() : models, daily, monthly,
                        rpm == null ? null : rpm.intValue(), tpm));
            }
        }
        return out;
    }

    private String keyName(ObjectNode k, String path, Map<String, Integer> names, int i) {
        String what = "a name for this key (letters, digits, '.', '_', '-'), such as team-a";
        if (!k.hasNonNull("name")) {
            f.problem(path + ".name", "is required: " + what);
            return null;
        }
        String name = f.text(k, path, "name", what);
        if (name != null && !KeyConfig.NAME.matcher(name).matches()) {
            f.problem(path + ".name", "must be " + what + ", got " + Fields.describe(k.get("name")));
            return null;
        }
        Integer first = name == null ? null : names.putIfAbsent(name, i);
        if (first != null) {
            f.problem(path + ".name", "duplicate name " + Fields.quoted(name) + ": keys[" + first
                    + "] has it too; give each key its own name");
        }
        return name;
    }

    /** The hash; a value that is not one is never quoted back: it may be the key itself. */
    private String hash(ObjectNode k, String path, Map<String, Integer> hashes, int i) {
        JsonNode node = k.get("hash");
        String p = path + ".hash";
        if (node == null || node.isNull()) {
            f.problem(p, "is required: the sha256:… line printed by junction keys new");
            return null;
        }
        String text = node.isTextual() ? node.asText().strip() : "";
        if (text.startsWith(KeyHashes.KEY_PREFIX)) {
            f.problem(p, "holds a key, not its hash: put the sha256:… hash printed by junction keys new here,"
                    + " and give the key only to its user");
            return null;
        }
        if (!KeyHashes.HASH.matcher(text).matches()) {
            f.problem(p, "must be sha256: and 64 lowercase hex digits, as printed by junction keys new");
            return null;
        }
        Integer first = hashes.putIfAbsent(text, i);
        if (first != null) {
            f.problem(p, "is the same as keys[" + first + "].hash: each client needs its own key (junction keys new)");
        }
        return text;
    }

    private Set<String> models(ObjectNode k, String path, Set<String> known) {
        List<String> list = f.strings(k, path, "models", true, "leave models out to allow every model");
        if (list == null) {
            return null;
        }
        for (int j = 0; j < list.size(); j++) {
            String model = list.get(j);
            int slash = model.indexOf('/');
            if (slash >= 0 && known != null && !known.contains(model.substring(0, slash))) {
                f.problem(Fields.index(path + ".models", j), ConfigReader.unknownProvider(model.substring(0, slash), known)
                        + " (in " + Fields.quoted(model) + ")");
            }
        }
        return new LinkedHashSet<>(list);
    }
}
