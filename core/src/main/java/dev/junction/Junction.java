package dev.junction;

import dev.junction.catalog.Catalog;
import dev.junction.catalog.HealthStore;
import dev.junction.catalog.ProviderHealth;
import dev.junction.catalog.ProviderView;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.cost.Price;
import dev.junction.cost.PriceBook;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.catalog.CatalogMaker;
import dev.junction.internal.catalog.QuoteMaker;
import dev.junction.internal.config.ConfigWarnings;
import dev.junction.internal.config.RouteStrings;
import dev.junction.internal.config.RouteValues;
import dev.junction.internal.config.SettingsResolver;
import dev.junction.internal.http.TransportOptions;
import dev.junction.internal.observe.Listeners;
import dev.junction.internal.registry.PriceBookLoader;
import dev.junction.internal.registry.ProviderRegistry;
import dev.junction.internal.retry.LocalHealth;
import dev.junction.internal.retry.RetryLoops;
import dev.junction.internal.retry.Scheduler;
import dev.junction.internal.retry.VertxScheduler;
import dev.junction.observe.ChatListener;
import dev.junction.quote.HeuristicTokenEstimator;
import dev.junction.quote.QuoteOptions;
import dev.junction.quote.Quotes;
import dev.junction.quote.TokenEstimator;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.ProviderFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The entry point: finds provider modules, parses config strings and hands out chat models.
 *
 * <pre>{@code
 * try (Junction junction = Junction.create()) {
 *     ChatModel model = junction.chatModel("example:gemini-2.5-pro");
 *     System.out.println(model.chatBlocking("你好").text());
 * }
 * }</pre>
 *
 * <p>A Junction owns the Vert.x instance it created and closes it; a borrowed one
 * ({@link Builder#vertx(Vertx)}) is left running. Its own starts at the first call that needs it
 * (see {@link #vertx()}). Instances are thread-safe.
 */
public final class Junction implements AutoCloseable {
    private final LazyVertx vertx;
    private final ProviderRegistry registry;
    private final PriceBookLoader priceLoader;
    private volatile PriceBook prices;
    /** The offline catalog, built once: its inputs (the discovered factories, the price book) never change after loading. */
    private volatile Catalog catalog;
    /** Each installed provider's note on missing prices, for quotes; built once, like the catalog. */
    private volatile Map<String, String> pricesNotes;
    /**
     * The providers quotes ask whether they can serve a request, one per offer's config string
     * (a bounded set: the catalog's offers), kept as chat models keep theirs: configuring one per
     * offer per quote cost more than the rest of the quote.
     */
    private final Map<String, Provider> quoteProviders = new java.util.concurrent.ConcurrentHashMap<>();
    private final TokenEstimator estimator;
    private final RetryLoops retries;
    private final ProviderWiring wiring;

    private Junction(Builder b, TransportOptions transportOptions, ProviderRegistry registry, PriceBookLoader priceLoader,
            PriceBook prices) {
        this.vertx = new LazyVertx(b.vertx, transportOptions);
        this.registry = registry;
        this.priceLoader = priceLoader;
        this.prices = prices;
        this.estimator = b.estimator;
        HealthStore health = b.healthStore != null ? b.healthStore
                : new LocalHealth(b.healthClock, b.cooldownFailures, b.cooldownWindow, b.cooldownDuration);
        this.retries = b.retryScheduler != null ? new RetryLoops(b.retryScheduler, false, b.retryRandom, b.retryClock, health)
                : new RetryLoops(new VertxScheduler(vertx), true, b.retryRandom, b.retryClock, health);
        this.wiring = new ProviderWiring(registry, new SettingsResolver(b.environment, id -> registry.factories().containsKey(id) ? registry.factories().get(id).apiKeyEnvFallbacks() : java.util.List.of()), retries, vertx, vertx, this::prices,
                b.maxStreamEventBytes, b.maxRequestBytes, new ConfigWarnings(b.warnings), listeners(b));
    }

    /** The builder's listeners, and unless turned off those the same class loaders as providers offer as services. */
    private static Listeners listeners(Builder b) {
        List<ClassLoader> loaders = b.discoverListeners
                ? Arrays.asList(b.classLoader != null ? b.classLoader : Thread.currentThread().getContextClassLoader(),
                        Junction.class.getClassLoader())
                : List.of();
        return new Listeners(b.listeners, loaders.stream().filter(Objects::nonNull).distinct().toList(), b.listenerContent);
    }

    /** A Junction with its own Vert.x, discovering providers on the class or module path. */
    public static Junction create() {
        return builder().build();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every discovered provider, sorted by id, configured from the environment only. Listing needs
     * no API keys.
     *
     * @throws JunctionException CONFIGURATION when two modules claim one id, or a provider's
     *     environment variable holds an unusable key or base URL
     */
    public List<ProviderView> providers() {
        List<ProviderView> out = new ArrayList<>();
        for (ProviderFactory factory : registry.factories().values()) {
            out.add(wiring.view(factory));
        }
        return out;
    }

    /**
     * The ids of the installed providers, sorted, without configuring them (so a broken
     * environment variable of one vendor does not matter here).
     *
     * @throws JunctionException CONFIGURATION when two modules claim one id
     */
    public Set<String> providerIds() {
        return Collections.unmodifiableSet(new TreeSet<>(registry.factories().keySet()));
    }

    /**
     * How each installed provider has been answering: attempts, failures, cooldown, median and 95th
     * percentile time to answer of its recent successful calls; sorted by id.
     */
    public Map<String, ProviderHealth> health() {
        Map<String, ProviderHealth> out = new TreeMap<>();
        for (String id : registry.factories().keySet()) {
            out.put(id, wiring.health().snapshot(id));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Discovery problems (a broken service entry, an invalid id, a vendor file that failed to load), one line each. */
    public List<String> discoveryProblems() {
        return registry.problems();
    }

    /**
     * The provider a config string names, configured by it and the environment. Does not require
     * an API key; its account calls fail with CONFIGURATION before any network traffic without one.
     *
     * @throws JunctionException CONFIGURATION for a malformed config string or an unknown id
     */
    public ProviderView provider(String configString) {
        return wiring.view(configString);
    }

    /**
     * A chat model for a config string such as {@code example:gemini-2.5-pro?timeout=30s}.
     *
     * @throws JunctionException CONFIGURATION for a malformed config string, an unknown provider,
     *     or a missing API key (naming the environment variable to set)
     */
    public ChatModel chatModel(String configString) {
        if (RouteStrings.isRoute(configString)) {
            RouteValues route = RouteStrings.parse(configString);
            return route(route.model(), RoutePolicy.valueOf(route.policy().toUpperCase(Locale.ROOT)), route.maxPriceUsd(),
                    route.providers(), route.providerQuery());
        }
        return wiring.bound(configString);
    }

    /**
     * A route: every installed provider of {@code model} that has a key, ordered per request by
     * {@code policy}, held under {@code maxPriceUsd} per request when it is not {@code null}, and
     * tried as a fallback. The same as the config string
     * {@code route:MODEL?policy=cheapest&maxPriceUsd=0.01}.
     *
     * @throws JunctionException MODEL_NOT_FOUND when no provider offers the model; CONFIGURATION when none has a key
     */
    public ChatModel route(String model, RoutePolicy policy, BigDecimal maxPriceUsd) {
        return route(model, policy, maxPriceUsd, List.of(), "");
    }

    private ChatModel route(String model, RoutePolicy policy, BigDecimal maxPriceUsd, List<String> only, String providerQuery) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(policy, "policy");
        return wiring.route(this, catalog(), model, policy, maxPriceUsd, only, providerQuery);
    }

    /**
     * A chat model that falls back across providers, tried in the order given, such as
     * {@code chatModel("example:gemini-2.5-pro", "other:gemini-2.5-pro")}. Each provider's
     * retries come first; then the next provider is tried, at once after a billing, key or
     * permission error. A provider whose catalog or rules say it cannot serve a request is skipped
     * (the response's warnings say why); an INVALID_REQUEST ends the fallback, since the request
     * itself is wrong. A response lists every failed attempt before it; when all fail, the error has
     * the most telling kind, every provider's message, and every attempt. Streams fall back only
     * before their first part reaches the caller.
     *
     * @throws JunctionException CONFIGURATION as {@link #chatModel(String)} does, for any of them
     */
    public ChatModel chatModel(String first, String... fallbacks) {
        List<BoundChatModel> members = new ArrayList<>();
        members.add(wiring.bound(first));
        for (String configString : fallbacks) {
            members.add(wiring.bound(configString));
        }
        return new FallbackChatModel(members, vertx.get(), wiring.health(), wiring.listeners());
    }

    /**
     * Every known price: the providers' built-in rows (Google's list prices are provider-google's), then the price file's
     * rows and the builder's rows, each replacing earlier rows for the same provider and model.
     */
    public PriceBook prices() {
        PriceBook book = prices;
        if (book == null) {
            // Discovery stays lazy when there is no price file to check at build time. Two threads
            // may both load; they build equal books from the same immutable inputs, so either wins.
            book = priceLoader.load();
            prices = book;
        }
        return book;
    }

    /**
     * Prices a request at every provider offering its model, before
     * sending it, under the default assumptions; see {@link #quote(ChatRequest, QuoteOptions)}.
     */
    public Quotes quote(ChatRequest request) {
        return quote(request, QuoteOptions.defaults());
    }

    /**
     * Prices a request before sending it: estimates its input tokens, assumes its output tokens,
     * and ranks each provider offering the request's model by expected cost, unknown prices last.
     * Needs no API key and no network; reads the first bytes of attached files, so call it off an
     * event loop when the request holds files.
     *
     * @throws JunctionException INVALID_REQUEST when the request names no model; MODEL_NOT_FOUND
     *     when no provider or price row knows it (the hint lists the known models); CONFIGURATION
     *     when {@code options} names an unknown provider
     */
    public Quotes quote(ChatRequest request, QuoteOptions options) {
        return new QuoteMaker(catalog(), pricesNotes(), estimator, this::quoteProvider).quote(request, options);
    }

    private Map<String, String> pricesNotes() {
        Map<String, String> notes = pricesNotes;
        if (notes == null) {
            Map<String, String> byId = new TreeMap<>();
            registry.factories().values().forEach(f -> byId.put(f.id(), Objects.requireNonNullElse(f.pricesNote(), "")));
            notes = Map.copyOf(byId);
            pricesNotes = notes;
        }
        return notes;
    }

    /** A quote's provider for an offer; one that cannot be configured throws, and is not kept. */
    private Provider quoteProvider(String configString) {
        Provider provider = quoteProviders.get(configString);
        return provider != null ? provider : quoteProviders.computeIfAbsent(configString, this::engine);
    }

    /** Every model the installed providers declare and the price rows name, offline. */
    public Catalog catalog() {
        Catalog offline = catalog;
        if (offline == null) {
            // Built on first use, as the price book is; two threads may both build equal catalogs from
            // the same immutable inputs, so either wins. The gateway asks for it on every request.
            offline = CatalogMaker.offline(registry.factories().values(), prices());
            catalog = offline;
        }
        return offline;
    }

    /** The catalog merged with every live model list; see {@link #remoteCatalog(Set)}. */
    public Future<Catalog> remoteCatalog() {
        return remoteCatalog(Set.of());
    }

    /**
     * The catalog merged with the live model lists of the providers that have one (such as yisu's
     * {@code GET /v1/models}), fetched now. A list that cannot be fetched (no API key, the vendor
     * failing) is reported in {@link Catalog#problems()}; the future itself does not fail for it.
     *
     * @param providerIds the providers whose lists to fetch, or empty for all
     */
    public Future<Catalog> remoteCatalog(Set<String> providerIds) {
        Objects.requireNonNull(providerIds, "providerIds");
        return CatalogMaker.remote(registry.factories().values(), prices(), providerIds, this::engine);
    }

    /**
     * The Vert.x instance Junction runs on. Junction starts its own only once something needs it (a
     * call, a chat model, this method), so that listing providers or quoting starts no threads.
     *
     * @throws JunctionException NETWORK when Junction was closed before Vert.x was started
     */
    public Vertx vertx() {
        return vertx.get();
    }

    /** Whether Vert.x was started: lets tests check that what makes no call starts nothing. */
    boolean vertxStarted() {
        return vertx.isStarted();
    }

    /** The SPI's provider for a config string, for the quote and catalog makers (and the engine's tests). */
    Provider engine(String configString) {
        return wiring.engine(configString);
    }

    /** Closes the HTTP client and, if Junction created it, Vert.x. Waits at most ten seconds. */
    @Override
    public void close() {
        retries.close();
        vertx.close();
    }

    /** Configures a {@link Junction}. */
    public static final class Builder {
        private Vertx vertx;
        private ClassLoader classLoader;
        private List<ProviderFactory> factories;
        private Function<String, String> environment = System::getenv;
        private final List<Price> prices = new ArrayList<>();
        private Path pricesFile;
        private String pricesFileNamedBy;
        private TokenEstimator estimator = new HeuristicTokenEstimator();
        private Duration connectTimeout = TransportOptions.defaults().connectTimeout();
        private int maxConnectionsPerHost = TransportOptions.defaults().maxConnectionsPerHost();
        private long maxResponseBytes = TransportOptions.DEFAULT_MAX_RESPONSE_BYTES;
        private int maxStreamEventBytes = ProviderContext.DEFAULT_MAX_STREAM_EVENT_BYTES;
        private long maxRequestBytes = ProviderContext.DEFAULT_MAX_REQUEST_BYTES;
        private Scheduler retryScheduler;
        private RandomGenerator retryRandom = new SplittableRandom();
        private LongSupplier retryClock = System::nanoTime;
        private HealthStore healthStore;
        private Clock healthClock = Clock.systemUTC();
        private int cooldownFailures = 3;
        private Duration cooldownWindow = Duration.ofSeconds(60);
        private Duration cooldownDuration = Duration.ofSeconds(30);
        private Consumer<String> warnings = ConfigWarnings::log;
        private final List<ChatListener> listeners = new ArrayList<>();
        private boolean discoverListeners = true;
        private boolean listenerContent;

        private Builder() {
        }

        /**
         * Tells {@code listener} of every chat call: its start, each attempt, a stream's first part,
         * its response or error. Repeatable; listeners are told in the order added, before those
         * found as services. A listener that throws is logged and never breaks a call.
         */
        public Builder listener(ChatListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Whether {@link ChatListener}s installed as services (in the loaders providers are found in)
         * are told too, found once when the first chat model is made; {@code true} by default.
         */
        public Builder discoverListeners(boolean discover) {
            this.discoverListeners = discover;
            return this;
        }

        /**
         * Whether listener events carry the prompt (the request) and the answer text; {@code false}
         * by default, so that what users write and what models answer stay out of logs and traces
         * unless asked for. Keys never reach listeners either way.
         */
        public Builder listenerContent(boolean content) {
            this.listenerContent = content;
            return this;
        }

        /**
         * Where warnings about the configuration go, each once per Junction: today, a provider whose
         * base URL is plain {@code http} to a host that is not loopback (the key would cross the network
         * unencrypted). By default they are logged at WARN on the SLF4J logger {@code dev.junction.config};
         * the CLI prints them as {@code warning: …} instead.
         */
        public Builder warnings(Consumer<String> sink) {
            this.warnings = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Test seam: waits between retries on this scheduler instead of Vert.x timers. */
        Builder retryScheduler(Scheduler scheduler) {
            this.retryScheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Test seam: draws the retry jitter from this generator. */
        Builder retryRandom(RandomGenerator random) {
            this.retryRandom = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Keeps provider health (outcomes, cooldowns) in this store instead of in memory, such as one
         * shared by several gateway instances; {@link #cooldown} then does not apply.
         */
        public Builder healthStore(HealthStore store) {
            this.healthStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The cooldown rule: after {@code failures} retryable failures within {@code window}, routes and
         * fallbacks skip a provider for {@code duration}. Default: 3 within 60 s, for 30 s. A rate limit
         * with a Retry-After cools a provider down for that delay, whatever the rule.
         */
        public Builder cooldown(int failures, Duration window, Duration duration) {
            this.cooldownFailures = failures;
            this.cooldownWindow = Objects.requireNonNull(window, "window");
            this.cooldownDuration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** Test seam: the clock cooldowns are measured on. */
        Builder healthClock(Clock clock) {
            this.healthClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Test seam: the retry budget's clock, in nanoseconds. */
        Builder retryClock(LongSupplier nanoTime) {
            this.retryClock = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /** Runs on this Vert.x instead of creating one; Junction will not close it. */
        public Builder vertx(Vertx vertx) {
            this.vertx = Objects.requireNonNull(vertx, "vertx");
            return this;
        }

        /**
         * Searches this loader for providers (and the class path's vendor files,
         * {@code META-INF/junction/vendors.list}) instead of the thread context loader; core's own is still searched.
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** Uses exactly these factories and skips discovery, vendor files ({@code JUNCTION_VENDORS}) included. */
        public Builder factories(List<ProviderFactory> factories) {
            this.factories = List.copyOf(factories);
            return this;
        }

        /**
         * Where {@code <ID>_API_KEY}, {@code <ID>_BASE_URL}, {@code JUNCTION_PRICES} and
         * {@code JUNCTION_VENDORS} (the directory of vendor files) are looked up; the process
         * environment by default.
         */
        public Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** Adds a price row, replacing any built-in or price-file row for the same provider and model. */
        public Builder price(Price price) {
            prices.add(Objects.requireNonNull(price, "price"));
            return this;
        }

        /**
         * Reads price rows from this file, {@code {"prices":[…]}}, laid over the built-in ones;
         * without it the file named by the environment variable {@code JUNCTION_PRICES} is read,
         * if set. The file is read and checked by {@link #build()}.
         */
        public Builder pricesFile(Path file) {
            return pricesFile(file, "Junction.builder().pricesFile");
        }

        /**
         * As {@link #pricesFile(Path)}, saying in error messages how the file was named, such as
         * {@code --prices} for a command-line option.
         */
        public Builder pricesFile(Path file, String namedBy) {
            this.pricesFile = Objects.requireNonNull(file, "file");
            this.pricesFileNamedBy = Objects.requireNonNull(namedBy, "namedBy");
            return this;
        }

        /** Estimates input tokens for quotes; a {@link HeuristicTokenEstimator} by default. */
        public Builder tokenEstimator(TokenEstimator estimator) {
            this.estimator = Objects.requireNonNull(estimator, "estimator");
            return this;
        }

        /** How long opening a connection may take; 10 s by default. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Pooled connections per vendor host; 128 by default. */
        public Builder maxConnectionsPerHost(int maxConnectionsPerHost) {
            this.maxConnectionsPerHost = maxConnectionsPerHost;
            return this;
        }

        /** Replies larger than this fail with PROTOCOL; 64 MiB by default. */
        public Builder maxResponseBytes(long maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** A streamed event larger than this fails with PROTOCOL, keeping memory bounded; 8 MiB by default. */
        public Builder maxStreamEventBytes(int maxStreamEventBytes) {
            this.maxStreamEventBytes = maxStreamEventBytes;
            return this;
        }

        /** A request body larger than this fails with INVALID_REQUEST before anything is sent; 64 MiB by default. */
        public Builder maxRequestBytes(long maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        /**
         * Builds the Junction. Discovers the providers now when a price file is given, to check its rows.
         *
         * @throws JunctionException CONFIGURATION for a non-positive timeout, pool size or reply cap,
         *     or a price file or price row that is unreadable or invalid (naming the entry and field)
         */
        public Junction build() {
            TransportOptions options;
            try {
                // Checked before Vert.x starts, so a bad value leaves no threads behind.
                options = new TransportOptions(connectTimeout, maxConnectionsPerHost, -1, maxResponseBytes);
                if (maxStreamEventBytes < 1 || maxRequestBytes < 1) {
                    throw new IllegalArgumentException("maxStreamEventBytes and maxRequestBytes must be positive");
                }
                if (cooldownFailures < 1 || cooldownWindow.isNegative() || cooldownWindow.isZero() || cooldownDuration.isNegative()
                        || cooldownDuration.isZero()) {
                    throw new IllegalArgumentException("cooldown needs at least 1 failure, and a positive window and duration");
                }
            } catch (IllegalArgumentException e) {
                throw JunctionException.configuration(null, "Junction.builder(): " + e.getMessage(), "pass a positive value");
            }
            ProviderRegistry registry = factories != null ? ProviderRegistry.of(factories)
                    : new ProviderRegistry(Arrays.asList(classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader(),
                            Junction.class.getClassLoader()), environment);
            PriceBookLoader loader = new PriceBookLoader(registry, pricesFile, pricesFileNamedBy, environment, prices);
            // A price file or rows are checked now, so a typo fails here rather than at the first call.
            PriceBook book = loader.hasUserRows() ? loader.load() : null;
            return new Junction(this, options, registry, loader, book);
        }
    }
}
