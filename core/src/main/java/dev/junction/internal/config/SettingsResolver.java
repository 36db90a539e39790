package dev.junction.internal.config;

import dev.junction.spi.ApiKey;
import dev.junction.spi.ProviderSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a parsed config string into a provider's settings, the one place where that happens: each
 * value comes from the config string, else from the environment ({@code <ID>_API_KEY}, then the
 * provider's declared fallback variables such as {@code GEMINI_API_KEY}; {@code <ID>_BASE_URL}),
 * else from {@link ProviderSettings}' defaults.
 */
public final class SettingsResolver {
    private final Function<String, String> environment;
    private final Function<String, List<String>> keyFallbacks;

    /** Resolves against this environment lookup, which returns {@code null} for an unset variable; no fallback key variables. */
    public SettingsResolver(Function<String, String> environment) {
        this(environment, id -> List.of());
    }

    /**
     * Resolves against this environment lookup.
     *
     * @param keyFallbacks per provider id, the variables read for the key after {@code <ID>_API_KEY}, in order
     */
    public SettingsResolver(Function<String, String> environment, Function<String, List<String>> keyFallbacks) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.keyFallbacks = Objects.requireNonNull(keyFallbacks, "keyFallbacks");
    }

    /**
     * The settings for one provider instance.
     *
     * @throws dev.junction.error.JunctionException CONFIGURATION for an unusable key or base URL in
     *     the environment (the message names the variable, never the value of a key)
     */
    public ProviderSettings resolve(ConfigValues config) {
        String id = config.providerId();
        ApiKey key = config.apiKey();
        List<String> fallbacks = keyFallbacks.apply(id);
        if (key == null) {
            // <ID>_API_KEY first, then each declared fallback: the first variable set wins.
            List<String> variables = new ArrayList<>();
            variables.add(ProviderSettings.envVar(id, "API_KEY"));
            variables.addAll(fallbacks);
            for (String variable : variables) {
                String fromEnv = environment.apply(variable);
                if (!isBlank(fromEnv)) {
                    key = ConfigStrings.checkedKey(id, fromEnv, variable);
                    break;
                }
            }
        }
        URI baseUrl = config.baseUrl();
        if (baseUrl == null) {
            String fromEnv = environment.apply(ProviderSettings.envVar(id, "BASE_URL"));
            baseUrl = isBlank(fromEnv) ? null : ConfigStrings.baseUrl(id, fromEnv);
        }
        ProviderSettings.Builder settings = ProviderSettings.builder(id)
                .apiKey(key)
                .apiKeyEnvFallbacks(fallbacks)
                .baseUrl(baseUrl)
                .timeout(config.timeout())
                .firstByteTimeout(config.firstByteTimeout())
                .idleTimeout(config.idleTimeout())
                .inlineRemoteMedia(Boolean.TRUE.equals(config.inlineRemoteMedia()))
                .maxRetryDelay(config.maxRetryDelay())
                .retryOnTimeout(!Boolean.FALSE.equals(config.retryOnTimeout()))
                .connectTimeout(config.connectTimeout());
        if (config.maxRetries() != null) {
            settings.maxRetries(config.maxRetries());
        }
        return settings.build();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
