package dev.junction.gateway.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A virtual key clients present to the gateway ({@code keys[i]} in the file). The file holds only
 * the key's hash; {@code junction keys new} prints both.
 *
 * @param name the key's name, unique in the file; it labels budgets, limits and metrics
 * @param hash {@code sha256:} and the 64 lowercase hex digits of the key's SHA-256
 * @param models the models this key may use (canonical ids, or {@code provider/model}); empty means all
 * @param dailyUsd the most this key may spend per UTC day, or {@code null} for no budget
 * @param monthlyUsd the most this key may spend per UTC month, or {@code null} for no budget
 * @param requestsPerMinute the most requests per minute, or {@code null} for no limit
 * @param tokensPerMinute the most tokens per minute, or {@code null} for no limit
 */
public record KeyConfig(String name, String hash, Set<String> models, BigDecimal dailyUsd, BigDecimal monthlyUsd,
        Integer requestsPerMinute, Long tokensPerMinute) {

    /** What a key's name may be: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Checks the name and hash are present and copies the models, keeping their order. */
    public KeyConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hash, "hash");
        models = Collections.unmodifiableSet(new LinkedHashSet<>(models));
    }

    /** Whether this key may use the model: always when {@link #models()} is empty. */
    public boolean allows(String model) {
        return models.isEmpty() || models.contains(model);
    }

    /** The hash's first 12 characters and an ellipsis: enough to tell keys apart in a log. */
    public String shortHash() {
        return hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
    }

    /** The fields, with the hash shortened. */
    @Override
    public String toString() {
        return "KeyConfig[name=" + name + ", hash=" + shortHash() + ", models=" + models + ", dailyUsd=" + dailyUsd
                + ", monthlyUsd=" + monthlyUsd + ", requestsPerMinute=" + requestsPerMinute
                + ", tokensPerMinute=" + tokensPerMinute + "]";
    }
}
