package dev.junction.micrometer;

import dev.junction.chat.Usage;
import dev.junction.observe.AttemptStarted;
import dev.junction.observe.Call;
import dev.junction.observe.CallFailed;
import dev.junction.observe.CallStarted;
import dev.junction.observe.CallSucceeded;
import dev.junction.observe.ChatListener;
import dev.junction.observe.FirstPart;
import dev.junction.quote.Quote;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The listener {@link JunctionMicrometer#listener} returns: an Observation per call, and the
 * conventions' meters recorded when the call ends, all tagged with the Observation's low-cardinality keys.
 * Its own failures are left to Junction, which logs each listener's failure once and goes on with
 * the call; catching them here as well would only log them again on every call.
 */
final class MicrometerChatListener implements ChatListener {

    /** The advised bucket boundaries of {@code gen_ai.client.token.usage}. */
    static final double[] TOKEN_BUCKETS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
        16777216, 67108864};
    /** The advised bucket boundaries of the duration metrics, in seconds. */
    static final Duration[] DURATION_BUCKETS = seconds(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24,
            20.48, 40.96, 81.92);

    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final Map<String, State> calls = new ConcurrentHashMap<>();
    /*
     * The meters by their tags, made once: building and registering them on every call (a builder,
     * its histogram settings, the registry's lookup) was most of this listener's cost in a gateway
     * profile. The tags are the low-cardinality keys, so these maps stay small. (A meter removed
     * from the registry by its owner is not made again.)
     */
    private final Map<Tags, Counter> costs = new ConcurrentHashMap<>();
    private final Map<Tags, DistributionSummary> tokenUsage = new ConcurrentHashMap<>();
    private final Map<Tags, Timer> durations = new ConcurrentHashMap<>();
    private final Map<Tags, Timer> firstChunks = new ConcurrentHashMap<>();

    MicrometerChatListener(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = observations;
        this.meters = meters;
    }

    /** What is known of one call between its start and its end; its events arrive one after another. */
    private static final class State {
        final Observation observation;
        final Call call;
        volatile String provider;
        volatile String serverAddress;
        volatile Integer serverPort;
        volatile Duration firstPart;

        State(Observation observation, Call call, String provider) {
            this.observation = observation;
            this.call = call;
            this.provider = provider;
        }
    }

    /** How many calls are in flight; a test checks that ended calls leave nothing behind. */
    int inFlight() {
        return calls.size();
    }

    @Override
    public void onRequest(CallStarted event) {
        Call call = event.call();
        Observation observation = Observation.createNotStarted(JunctionMicrometer.OBSERVATION, observations)
                .contextualName(call.model() == null ? "chat" : "chat " + call.model())
                .parentObservation(observations.getCurrentObservation());
        String provider = event.providers().size() == 1 ? event.providers().get(0) : null;
        State state = new State(observation, call, provider);
        observation.lowCardinalityKeyValues(lowCardinality(state, null, null))
                .highCardinalityKeyValue(KeyValue.of("junction.call.id", call.id()))
                .start();
        calls.put(call.id(), state);
    }

    @Override
    public void onAttemptStart(AttemptStarted event) {
        State state = calls.get(event.call().id());
        if (state != null) {
            state.provider = event.provider();
            state.serverAddress = event.serverAddress();
            state.serverPort = event.serverPort();
        }
    }

    @Override
    public void onFirstPart(FirstPart event) {
        State state = calls.get(event.call().id());
        if (state != null) {
            state.firstPart = event.sinceCallStart();
        }
    }

    @Override
    public void onResponse(CallSucceeded event) {
        State state = calls.remove(event.call().id());
        if (state == null) {
            return;
        }
        state.provider = event.provider();
        KeyValues low = lowCardinality(state, event.vendorModel(), null);
        Usage usage = event.usage();
        if (state.observation.isNoop()) {
            // Meters only (ObservationRegistry.NOOP): the Observation's key values would go nowhere.
            state.observation.stop();
        } else {
            List<KeyValue> high = new ArrayList<>();
            add(high, "gen_ai.response.id", event.responseId());
            add(high, "gen_ai.response.finish_reasons", event.rawFinishReason());
            add(high, "server.port", state.serverPort);
            add(high, "junction.attempts", event.attempts());
            add(high, "junction.cost.usd", event.cost() == null ? null : plain(event.cost().usd()));
            add(high, "junction.quote.usd", quoted(event.quote()));
            add(high, "gen_ai.usage.input_tokens", usage.inputTokens());
            add(high, "gen_ai.usage.output_tokens", usage.outputTokens());
            add(high, "gen_ai.usage.total_tokens", usage.totalTokens());
            end(state, low, high);
        }

        Tags tags = tags(low);
        tokens(tags, "input", usage.inputTokens());
        tokens(tags, "output", usage.outputTokens());
        if (event.cost() != null && event.cost().usd() != null) {
            costs.computeIfAbsent(tags, t -> Counter.builder(JunctionMicrometer.COST)
                    .baseUnit("USD")
                    .description("What Junction chat calls cost, in US dollars")
                    .tags(t)
                    .register(meters))
                    .increment(event.cost().usd().doubleValue());
        }
        time(state, tags, event.duration());
    }

    @Override
    public void onError(CallFailed event) {
        State state = calls.remove(event.call().id());
        if (state == null) {
            return;
        }
        String errorType = event.error().kind() == null ? event.error().getClass().getSimpleName() : event.error().kind().name();
        KeyValues low = lowCardinality(state, null, errorType);
        List<KeyValue> high = new ArrayList<>();
        add(high, "server.port", state.serverPort);
        add(high, "junction.attempts", event.attempts());
        state.observation.error(event.error());
        end(state, low, high);
        time(state, tags(low), event.duration());
    }

    private static void end(State state, KeyValues low, List<KeyValue> high) {
        Observation observation = state.observation;
        try {
            observation.lowCardinalityKeyValues(low).highCardinalityKeyValues(KeyValues.of(high));
        } finally {
            observation.stop();
        }
    }

    private KeyValues lowCardinality(State state, String responseModel, String errorType) {
        Call call = state.call;
        return KeyValues.of(
                KeyValue.of("gen_ai.operation.name", "chat"),
                KeyValue.of("gen_ai.provider.name", providerName(state.provider)),
                KeyValue.of("gen_ai.request.model", orNone(call.model())),
                KeyValue.of("gen_ai.response.model", orNone(responseModel)),
                KeyValue.of("error.type", orNone(errorType)),
                KeyValue.of("junction.route.policy", orNone(call.route())),
                KeyValue.of("server.address", orNone(state.serverAddress)));
    }

    /** The conventions' well-known name where Junction's provider id is one; else the id itself. */
    static String providerName(String provider) {
        if (provider == null) {
            return "none";
        }
        return provider.equals("google") ? "gcp.gemini" : provider;
    }

    private void tokens(Tags tags, String type, Long count) {
        if (count == null) {
            return;
        }
        tokenUsage.computeIfAbsent(tags.and("gen_ai.token.type", type), t -> DistributionSummary.builder(JunctionMicrometer.TOKEN_USAGE)
                .baseUnit("{token}")
                .description("Number of input and output tokens used")
                .serviceLevelObjectives(TOKEN_BUCKETS)
                .tags(t)
                .register(meters))
                .record(count);
    }

    private void time(State state, Tags tags, Duration duration) {
        durations.computeIfAbsent(tags, t -> Timer.builder(JunctionMicrometer.OPERATION_DURATION)
                .description("GenAI operation duration")
                .serviceLevelObjectives(DURATION_BUCKETS)
                .tags(t)
                .register(meters))
                .record(duration);
        Duration firstPart = state.firstPart;
        if (state.call.streaming() && firstPart != null) {
            firstChunks.computeIfAbsent(tags, t -> Timer.builder(JunctionMicrometer.TIME_TO_FIRST_CHUNK)
                    .description("Time from the call's start to the first chunk of its stream")
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .tags(t)
                    .register(meters))
                    .record(firstPart);
        }
    }

    private static Tags tags(KeyValues keyValues) {
        List<Tag> tags = new ArrayList<>();
        for (KeyValue keyValue : keyValues) {
            tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
        }
        return Tags.of(tags);
    }

    private static String quoted(Quote quote) {
        return quote == null || quote.usd() == null ? null : plain(quote.usd().expected());
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static void add(List<KeyValue> keyValues, String key, Object value) {
        if (value != null) {
            keyValues.add(KeyValue.of(key, value.toString()));
        }
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? "none" : value;
    }

    private static Duration[] seconds(double... seconds) {
        Duration[] durations = new Duration[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(seconds[i] * 1e9));
        }
        return durations;
    }

}
