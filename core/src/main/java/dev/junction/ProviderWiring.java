package dev.junction;

import dev.junction.catalog.CanonicalModel;
import dev.junction.catalog.Catalog;
import dev.junction.catalog.HealthStore;
import dev.junction.catalog.Offer;
import dev.junction.catalog.ProviderView;
import dev.junction.chat.ChatModel;
import dev.junction.cost.PriceBook;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.config.ConfigStrings;
import dev.junction.internal.config.ConfigValues;
import dev.junction.internal.config.ConfigWarnings;
import dev.junction.internal.config.SettingsResolver;
import dev.junction.internal.observe.Listeners;
import dev.junction.internal.registry.ProviderRegistry;
import dev.junction.internal.retry.RetryLoops;
import dev.junction.internal.secrets.PlainHttp;
import dev.junction.spi.HttpTransport;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.ProviderFactory;
import dev.junction.spi.ProviderSettings;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns config strings into providers: the factory looked up first (so an unknown id is named
 * before its environment is read), the settings resolved once, the provider created with the
 * shared transport and prices, and a chat model bound to its retry loop.
 */
final class ProviderWiring {
    private final ProviderRegistry registry;
    private final SettingsResolver settings;
    private final RetryLoops retries;
    private final Supplier<Vertx> vertx;
    private final HttpTransport transport;
    private final Supplier<PriceBook> prices;
    private final int maxStreamEventBytes;
    private final long maxRequestBytes;
    private final ConfigWarnings warnings;
    private final Listeners listeners;

    ProviderWiring(ProviderRegistry registry, SettingsResolver settings, RetryLoops retries, Supplier<Vertx> vertx, HttpTransport transport,
            Supplier<PriceBook> prices, int maxStreamEventBytes, long maxRequestBytes, ConfigWarnings warnings, Listeners listeners) {
        this.registry = registry;
        this.settings = settings;
        this.retries = retries;
        this.vertx = vertx;
        this.transport = transport;
        this.prices = prices;
        this.maxStreamEventBytes = maxStreamEventBytes;
        this.maxRequestBytes = maxRequestBytes;
        this.warnings = warnings;
        this.listeners = listeners;
    }

    /** The listeners every chat model tells of its calls. */
    Listeners listeners() {
        return listeners;
    }

    /** The user's view of an installed provider configured from the environment only. */
    ProviderView view(ProviderFactory factory) {
        ProviderSettings resolved = settings.resolve(ConfigValues.of(factory.id()));
        return new InstalledProvider(create(factory, resolved), resolved);
    }

    /** The user's view of the provider a config string names. */
    ProviderView view(String configString) {
        ConfigValues config = ConfigStrings.parse(configString);
        ProviderFactory factory = registry.get(config.providerId());
        ProviderSettings resolved = settings.resolve(config);
        return new InstalledProvider(create(factory, resolved), resolved);
    }

    /** A chat model on the provider a config string names, with its key checked and its retry loop. */
    BoundChatModel bound(String configString) {
        ConfigValues config = ConfigStrings.parse(configString);
        ProviderFactory factory = registry.get(config.providerId());
        ProviderSettings resolved = settings.resolve(config);
        resolved.requireApiKey();
        // Listeners are discovered here, once, rather than at a first call that may run on an event loop.
        listeners.all();
        return new BoundChatModel(create(factory, resolved), config.model(), retries.forProvider(factory.id(), resolved), vertx.get(), listeners);
    }

    /** Whether the provider has a key, from the config string or the environment, without creating it. */
    boolean hasKey(String configString) {
        return settings.resolve(ConfigStrings.parse(configString)).apiKey() != null;
    }

    /** The median time to answer of a provider's recent successful calls, or empty when none is known. */
    Optional<Duration> medianLatency(String providerId) {
        return Optional.ofNullable(retries.health().snapshot(providerId).medianTimeToAnswer());
    }

    /** Where every attempt's outcome is recorded. */
    HealthStore health() {
        return retries.health();
    }

    /**
     * A route over the providers of {@code model} that have a key (only those in {@code only}, in
     * that order, when it is not empty), each configured by {@code providerQuery}.
     */
    ChatModel route(Junction junction, Catalog catalog, String model, RoutePolicy policy, BigDecimal maxPriceUsd, List<String> only,
            String providerQuery) {
        CanonicalModel canonical = catalog.find(model).orElseThrow(() -> JunctionException.builder(ErrorKind.MODEL_NOT_FOUND,
                        "no installed provider offers " + model).hint("known models: " + String.join(", ", catalog.ids())).build());
        Map<String, BoundChatModel> candidates = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<Offer> offers = canonical.offers();
        List<String> ids = only.isEmpty() ? offers.stream().map(Offer::provider).toList() : only;
        for (String id : ids) {
            if (offers.stream().noneMatch(o -> o.provider().equals(id))) {
                notes.add(id + " does not offer " + canonical.id());
                continue;
            }
            String configString = id + ":" + canonical.id() + (providerQuery.isEmpty() ? "" : "?" + providerQuery);
            try {
                if (!hasKey(configString)) {
                    notes.add(id + " skipped: no API key; set " + settings.resolve(ConfigValues.of(id)).apiKeyEnvVarsText());
                    continue;
                }
                candidates.put(id, bound(configString));
            } catch (JunctionException e) {
                // One vendor's broken environment (an unusable key or base URL) must not break the route.
                notes.add(id + " skipped: " + e.getMessage());
            }
        }
        if (candidates.isEmpty()) {
            throw JunctionException.configuration(null, "no provider of " + canonical.id() + " can be called: " + String.join("; ", notes),
                    "set the API key of a provider of " + canonical.id());
        }
        return new RouteChatModel(junction, canonical.id(), policy, maxPriceUsd, candidates, notes, this::medianLatency, vertx.get(), health(), listeners);
    }

    /** The SPI's provider for a config string, no key needed, for the quote and catalog makers. */
    Provider engine(String configString) {
        ConfigValues config = ConfigStrings.parse(configString);
        ProviderFactory factory = registry.get(config.providerId());
        return create(factory, settings.resolve(config));
    }

    /** Creates the provider, warning (once per Junction) when its base URL would send the key unencrypted to another host. */
    private Provider create(ProviderFactory factory, ProviderSettings resolved) {
        Provider provider = factory.create(ProviderContext.builder()
                .lazyVertx(vertx)
                .transport(transport)
                .settings(resolved)
                .prices(prices.get())
                .maxStreamEventBytes(maxStreamEventBytes)
                .maxRequestBytes(maxRequestBytes)
                .build());
        PlainHttp.warning(provider.id(), provider.baseUrl()).ifPresent(warnings::warnOnce);
        return provider;
    }
}
