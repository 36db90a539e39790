package dev.junction.catalog;

import io.vertx.core.Future;
import java.net.URI;
import java.util.List;

/**
 * A read-only view of one installed provider, as configured by a config string and the
 * environment: who it is, what it serves, where it is reached and what its account says. Chat goes
 * through {@code Junction.chatModel(…)}. {@code toString()} never shows the key.
 */
public interface ProviderView {

    /** The provider id, such as used in config strings. */
    String id();

    /** A human name. */
    String displayName();

    /** The base URL in use: the override if one was configured, else the vendor's default. */
    URI baseUrl();

    /** The models this provider serves, as its module declares them. Never {@code null}. */
    ProviderModels models();

    /** The environment variable that supplies this provider's key, such as {@code EXAMPLE_API_KEY}. */
    String apiKeyEnvVar();

    /** Variables read for the key, in order, when {@link #apiKeyEnvVar()} is unset, such as {@code GEMINI_API_KEY}; usually none. */
    default List<String> apiKeyEnvFallbacks() {
        return List.of();
    }

    /** Whether a key was configured, by the config string or the environment; the key itself is never exposed. */
    boolean hasApiKey();

    /**
     * The account's balance, from the vendor's balance endpoint.
     *
     * @return a future failing with a {@link dev.junction.error.JunctionException}: UNSUPPORTED_FEATURE
     *     when the vendor has no such endpoint, CONFIGURATION without an API key (before any network
     *     call), or the vendor's error; never completing with {@code null}
     */
    Future<CreditBalance> credits();

    /**
     * The models the vendor's model-list endpoint reports now.
     *
     * @return a future failing as {@link #credits()} does; never completing with {@code null}
     */
    Future<List<RemoteModel>> remoteModels();
}
