package dev.junction.gateway.config;

import java.util.Objects;

/**
 * One provider the gateway serves ({@code providers.<id>} in the file). Its key and base URL are
 * named by environment variable, never given by value.
 *
 * @param id the provider's id, such as {@code acedata}
 * @param apiKeyEnv the variable holding its API key; {@code <ID>_API_KEY} by default
 * @param baseUrlEnv the variable holding its base URL; {@code <ID>_BASE_URL} by default
 */
public record ProviderConfig(String id, String apiKeyEnv, String baseUrlEnv) {

    /** Checks the fields are present. */
    public ProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        Objects.requireNonNull(baseUrlEnv, "baseUrlEnv");
    }

    /** The provider with its default variables, {@code <ID>_API_KEY} and {@code <ID>_BASE_URL}. */
    public static ProviderConfig defaults(String id) {
        return new ProviderConfig(id, defaultEnv(id, "API_KEY"), defaultEnv(id, "BASE_URL"));
    }

    /**
     * {@code <ID>_<SUFFIX>}, with the id upper-cased and every other character turned into {@code _}:
     * the variable Junction itself reads.
     */
    public static String defaultEnv(String id, String suffix) {
        return id.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_" + suffix;
    }
}
