package dev.junction.opentelemetry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.junction.Junction;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStreams;
import dev.junction.error.JunctionException;
import dev.junction.observe.AttemptEnded;
import dev.junction.observe.AttemptStarted;
import dev.junction.observe.CallFailed;
import dev.junction.observe.CallStarted;
import dev.junction.observe.CallSucceeded;
import dev.junction.observe.ChatListener;
import dev.junction.observe.FirstPart;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every span attribute and metric point the listener emits, for a routed call that retried, a stream and
 * an error, against WireMock stand-ins; retries wait nothing ({@code Retry-After: 0}).
 */
class JunctionTelemetryTest {
    private static final String KEY = "sk-telemetry-test";
    private static final String MODEL = "gemini-2.5-pro";
    private static final String VENDOR_MODEL = "gemini-2.5-pro-vendor";
    private static final List<Double> DURATION_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12,
            10.24, 20.48, 40.96, 81.92);
    private static final List<Double> TOKEN_BUCKETS = List.of(1d, 4d, 16d, 64d, 256d, 1024d, 4096d, 16384d, 65536d, 262144d,
            1048576d, 4194304d, 16777216d, 67108864d);

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final Recorder recorder = new Recorder();
    private final Map<String, WireMockServer> servers = new HashMap<>();
    private OpenTelemetrySdk otel;
    private JunctionTelemetry telemetry;
    private Junction junction;

    @BeforeEach
    void start() {
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .build();
    }

    @AfterEach
    void stop() {
        if (junction != null) {
            junction.close();
        }
        servers.values().forEach(WireMockServer::stop);
        otel.close();
    }

    /** "google" (cheap: $1 / $10 per million) and "dear" ($5 / $20), each a WireMock server named in the environment. */
    private Junction junction(boolean capture, Consumer<Junction.Builder> more) {
        Map<String, String> env = new HashMap<>();
        for (String id : List.of("google", "dear")) {
            WireMockServer server = new WireMockServer(options().dynamicPort());
            server.start();
            servers.put(id, server);
            env.put(id.toUpperCase() + "_API_KEY", KEY);
            env.put(id.toUpperCase() + "_BASE_URL", server.baseUrl());
        }
        telemetry = JunctionTelemetry.builder(otel).captureMessageContent(capture).build();
        Junction.Builder b = Junction.builder().environment(env::get)
                .factories(List.of(new TelemetryVendorFactory("google", "1.00", "10.00"),
                        new TelemetryVendorFactory("dear", "5.00", "20.00")))
                .discoverListeners(false).listener(recorder).listener(telemetry);
        more.accept(b);
        junction = b.build();
        return junction;
    }

    private static void replies(WireMockServer server, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            var stub = post(urlEqualTo(TelemetryVendorFactory.CHAT_PATH)).inScenario("sequence")
                    .whenScenarioStateIs(i == 0 ? STARTED : "reply " + i)
                    .willReturn(responses[i]);
            server.stubFor(i < responses.length - 1 ? stub.willSetStateTo("reply " + (i + 1)) : stub);
        }
    }

    private static ResponseDefinitionBuilder overloaded() {
        return aResponse().withStatus(503).withHeader("Content-Type", "application/json").withHeader("Retry-After", "0")
                .withBody("{\"error\":{\"code\":\"overloaded\",\"message\":\"busy\"}}");
    }

    private static String okBody() {
        return """
                {"id":"chatcmpl-otel-1","object":"chat.completion","model":"gemini-2.5-pro-vendor",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":86,"total_tokens":98,
                          "prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":40}}}
                """;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private String host(String id) {
        return URI.create(servers.get(id).baseUrl()).getHost();
    }

    private long port(String id) {
        return servers.get(id).port();
    }

    @Test
    void aRoutedCallThatRetriedIsOneClientSpanWithTwoAttemptSpansAndItsMetrics() throws Exception {
        junction(false, b -> { });
        replies(servers.get("google"), overloaded(), okJson(okBody()));
        Span outer = otel.getTracer("test").spanBuilder("outer").startSpan();
        Future<ChatResponse> pending;
        try (Scope ignored = outer.makeCurrent()) {
            pending = junction.chatModel("route:" + MODEL + "?policy=cheapest&maxRetries=1&maxRetryDelay=1s").chat("Hi");
        }
        ChatResponse response = await(pending);
        outer.end();
        assertEquals("Hello there", response.text());

        CallSucceeded done = recorder.one(CallSucceeded.class);
        List<AttemptStarted> started = recorder.all(AttemptStarted.class);
        List<AttemptEnded> ended = recorder.all(AttemptEnded.class);
        assertEquals(2, started.size());
        assertEquals(2, ended.size());

        SpanData call = span("chat " + MODEL);
        SpanData outerData = span("outer");
        assertEquals(SpanKind.CLIENT, call.getKind());
        assertEquals(outerData.getSpanContext().getSpanId(), call.getParentSpanId(), "the call's parent is the context current at the call");
        assertEquals(outerData.getTraceId(), call.getTraceId());
        assertEquals(StatusCode.UNSET, call.getStatus().getStatusCode());
        double costUsd = done.cost().usd().doubleValue();
        assertEquals(0.000872, costUsd, 1e-15, "12 × $1 + 86 × $10 per million");
        Attributes expected = Attributes.builder()
                .put("gen_ai.operation.name", "chat")
                .put("gen_ai.provider.name", "gcp.gemini")
                .put("gen_ai.request.model", MODEL)
                .put("gen_ai.request.stream", false)
                .put("gen_ai.response.model", VENDOR_MODEL)
                .put("gen_ai.response.id", "chatcmpl-otel-1")
                .put(GenAiAttributes.FINISH_REASONS, List.of("stop"))
                .put("gen_ai.usage.input_tokens", 12L)
                .put("gen_ai.usage.output_tokens", 86L)
                .put("gen_ai.usage.reasoning.output_tokens", 40L)
                .put("gen_ai.usage.cache_read.input_tokens", 4L)
                .put("server.address", host("google"))
                .put("server.port", port("google"))
                .put("junction.cost.usd", costUsd)
                .put("junction.quote.usd", done.quote().usd().expected().doubleValue())
                .put("junction.route.policy", "cheapest")
                .put("junction.attempts", 2L)
                .build();
        assertAttributes(expected, call.getAttributes());
        assertEquals(done.duration().toNanos(), call.getEndEpochNanos() - call.getStartEpochNanos());

        List<SpanData> attempts = spans.getFinishedSpanItems().stream().filter(s -> s.getName().contains(" attempt "))
                .sorted(Comparator.comparing(SpanData::getName)).toList();
        assertEquals(List.of("chat " + MODEL + " attempt 1", "chat " + MODEL + " attempt 2"),
                attempts.stream().map(SpanData::getName).toList());
        for (SpanData attempt : attempts) {
            assertEquals(call.getSpanContext().getSpanId(), attempt.getParentSpanId());
            assertEquals(SpanKind.CLIENT, attempt.getKind());
        }
        assertEquals(Attributes.builder()
                .put("gen_ai.operation.name", "chat").put("gen_ai.provider.name", "gcp.gemini").put("gen_ai.request.model", MODEL)
                .put("junction.attempt", 1L).put("server.address", host("google")).put("server.port", port("google"))
                .put("junction.attempt.next", "retry").put("error.type", "SERVER_ERROR").put("http.response.status_code", 503L)
                .build().asMap(), attempts.get(0).getAttributes().asMap());
        assertEquals(StatusCode.ERROR, attempts.get(0).getStatus().getStatusCode());
        assertEquals("SERVER_ERROR (HTTP 503)", attempts.get(0).getStatus().getDescription());
        assertEquals(ended.get(0).duration().toNanos(), attempts.get(0).getEndEpochNanos() - attempts.get(0).getStartEpochNanos());
        assertEquals(Attributes.builder()
                .put("gen_ai.operation.name", "chat").put("gen_ai.provider.name", "gcp.gemini").put("gen_ai.request.model", MODEL)
                .put("junction.attempt", 2L).put("server.address", host("google")).put("server.port", port("google"))
                .put("junction.attempt.next", "none")
                .build().asMap(), attempts.get(1).getAttributes().asMap());
        assertEquals(StatusCode.UNSET, attempts.get(1).getStatus().getStatusCode());
        assertEquals(ended.get(1).duration().toNanos(), attempts.get(1).getEndEpochNanos() - attempts.get(1).getStartEpochNanos());
        assertTrue(attempts.get(0).getEndEpochNanos() <= attempts.get(1).getStartEpochNanos(), "the retry began after the first attempt ended");
        assertEquals(4, spans.getFinishedSpanItems().size(), "outer, the call and its two attempts");

        Collection<MetricData> all = metrics.collectAllMetrics();
        Attributes common = Attributes.builder()
                .put("gen_ai.operation.name", "chat").put("gen_ai.provider.name", "gcp.gemini").put("gen_ai.request.model", MODEL)
                .put("gen_ai.response.model", VENDOR_MODEL).put("server.address", host("google")).put("server.port", port("google"))
                .build();
        MetricData duration = metric(all, "gen_ai.client.operation.duration");
        assertEquals("s", duration.getUnit());
        HistogramPointData point = onlyHistogramPoint(duration);
        assertEquals(common, point.getAttributes());
        assertEquals(1, point.getCount());
        assertEquals(done.duration().toNanos() / 1e9, point.getSum());
        assertEquals(DURATION_BUCKETS, point.getBoundaries());

        MetricData tokens = metric(all, "gen_ai.client.token.usage");
        assertEquals("{token}", tokens.getUnit());
        Map<String, HistogramPointData> byType = new HashMap<>();
        tokens.getHistogramData().getPoints().forEach(p -> byType.put(p.getAttributes().get(GenAiAttributes.TOKEN_TYPE), p));
        assertEquals(2, byType.size());
        assertEquals(common.toBuilder().put("gen_ai.token.type", "input").build(), byType.get("input").getAttributes());
        assertEquals(12.0, byType.get("input").getSum());
        assertEquals(1, byType.get("input").getCount());
        assertEquals(common.toBuilder().put("gen_ai.token.type", "output").build(), byType.get("output").getAttributes());
        assertEquals(86.0, byType.get("output").getSum());
        assertEquals(TOKEN_BUCKETS, byType.get("output").getBoundaries());

        MetricData cost = metric(all, "junction.client.cost");
        assertEquals("USD", cost.getUnit());
        assertEquals(1, cost.getDoubleSumData().getPoints().size());
        var costPoint = cost.getDoubleSumData().getPoints().iterator().next();
        assertEquals(Attributes.builder().put("gen_ai.provider.name", "gcp.gemini").put("gen_ai.request.model", MODEL).build(),
                costPoint.getAttributes());
        assertEquals(costUsd, costPoint.getValue());
        assertTrue(all.stream().noneMatch(m -> m.getName().equals("gen_ai.client.operation.time_to_first_chunk")),
                "no time to first chunk for a call that did not stream");
        assertEquals(0, telemetry.callsInFlight());
    }

    @Test
    void aStreamRecordsItsTimeToFirstChunkAndItsContentWhenBothSwitchesAreOn() throws Exception {
        junction(true, b -> b.listenerContent(true));
        String sse = event(chunk("{\"content\":\"Hel\"}", null)) + event(chunk("{\"content\":\"lo\"}", null))
                + event(chunk("{}", "\"stop\"")) + event("{\"id\":\"chatcmpl-otel-2\",\"object\":\"chat.completion.chunk\","
                        + "\"model\":\"gemini-2.5-pro-vendor\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}")
                + event("[DONE]");
        replies(servers.get("dear"), aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(sse));
        ChatResponse response = await(ChatStreams.collect(junction.chatModel("dear:" + MODEL).stream("Say hello")));
        assertEquals("Hello", response.text());

        CallSucceeded done = recorder.one(CallSucceeded.class);
        FirstPart first = recorder.one(FirstPart.class);
        SpanData call = span("chat " + MODEL);
        assertEquals(SpanKind.CLIENT, call.getKind());
        assertEquals(Attributes.builder()
                .put("gen_ai.operation.name", "chat")
                .put("gen_ai.provider.name", "dear")
                .put("gen_ai.request.model", MODEL)
                .put("gen_ai.request.stream", true)
                .put("gen_ai.response.model", VENDOR_MODEL)
                .put("gen_ai.response.id", "chatcmpl-otel-2")
                .put(GenAiAttributes.FINISH_REASONS, List.of("stop"))
                .put("gen_ai.usage.input_tokens", 7L)
                .put("gen_ai.usage.output_tokens", 2L)
                .put("server.address", host("dear"))
                .put("server.port", port("dear"))
                .put("junction.cost.usd", done.cost().usd().doubleValue())
                .put("junction.attempts", 1L)
                .put("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Say hello\"}]}]")
                .put("gen_ai.output.messages",
                        "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hello\"}],\"finish_reason\":\"stop\"}]")
                .build().asMap(), call.getAttributes().asMap());
        assertEquals(0.000075, done.cost().usd().doubleValue(), 1e-15, "7 × $5 + 2 × $20 per million");
        assertEquals(1, spans.getFinishedSpanItems().size(), "one attempt: no attempt spans");

        Collection<MetricData> all = metrics.collectAllMetrics();
        MetricData ttfc = metric(all, "gen_ai.client.operation.time_to_first_chunk");
        assertEquals("s", ttfc.getUnit());
        HistogramPointData point = onlyHistogramPoint(ttfc);
        assertEquals(1, point.getCount());
        assertEquals(first.sinceCallStart().toNanos() / 1e9, point.getSum());
        assertEquals(DURATION_BUCKETS, point.getBoundaries());
        assertEquals(Attributes.builder()
                .put("gen_ai.operation.name", "chat").put("gen_ai.provider.name", "dear").put("gen_ai.request.model", MODEL)
                .put("gen_ai.response.model", VENDOR_MODEL).put("server.address", host("dear")).put("server.port", port("dear"))
                .build(), point.getAttributes());
        assertEquals(done.duration().toNanos() / 1e9, onlyHistogramPoint(metric(all, "gen_ai.client.operation.duration")).getSum());
        assertEquals(0, telemetry.callsInFlight());
    }

    @Test
    void contentStaysOutUnlessTheListenerAsksForItToo() throws Exception {
        junction(false, b -> b.listenerContent(true));
        replies(servers.get("dear"), okJson(okBody()));
        await(junction.chatModel("dear:" + MODEL).chat("secret prompt"));
        SpanData call = span("chat " + MODEL);
        assertEquals(null, call.getAttributes().get(GenAiAttributes.INPUT_MESSAGES));
        assertEquals(null, call.getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES));
    }

    @Test
    void anErrorSetsErrorTypeAndStatusAndLeavesNothingBehind() throws Exception {
        junction(false, b -> { });
        replies(servers.get("dear"), aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"bad key\"}}"));
        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> await(junction.chatModel("dear:" + MODEL + "?maxRetries=0").chat("Hi")));
        JunctionException error = (JunctionException) thrown.getCause();
        CallFailed failed = recorder.one(CallFailed.class);

        SpanData call = span("chat " + MODEL);
        assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
        assertEquals(error.getMessage(), call.getStatus().getDescription());
        assertEquals(Attributes.builder()
                .put("gen_ai.operation.name", "chat")
                .put("gen_ai.provider.name", "dear")
                .put("gen_ai.request.model", MODEL)
                .put("gen_ai.request.stream", false)
                .put("server.address", host("dear"))
                .put("server.port", port("dear"))
                .put("error.type", "AUTHENTICATION")
                .put("junction.attempts", 1L)
                .build().asMap(), call.getAttributes().asMap());
        assertEquals(failed.duration().toNanos(), call.getEndEpochNanos() - call.getStartEpochNanos());
        assertEquals(1, spans.getFinishedSpanItems().size());

        Collection<MetricData> all = metrics.collectAllMetrics();
        HistogramPointData point = onlyHistogramPoint(metric(all, "gen_ai.client.operation.duration"));
        assertEquals(Attributes.builder()
                .put("gen_ai.operation.name", "chat").put("gen_ai.provider.name", "dear").put("gen_ai.request.model", MODEL)
                .put("server.address", host("dear")).put("server.port", port("dear")).put("error.type", "AUTHENTICATION")
                .build(), point.getAttributes());
        assertEquals(failed.duration().toNanos() / 1e9, point.getSum());
        assertTrue(all.stream().noneMatch(m -> m.getName().equals("gen_ai.client.token.usage")), "no usage without an answer");
        assertTrue(all.stream().noneMatch(m -> m.getName().equals("junction.client.cost")), "no cost without an answer");
        assertEquals(0, telemetry.callsInFlight(), "no state is kept after an error");
    }

    @Test
    void theListenerNeverThrowsOnEventsItDidNotSeeStart() {
        JunctionTelemetry alone = JunctionTelemetry.builder(otel).build();
        dev.junction.observe.Call call = new dev.junction.observe.Call("unknown", MODEL, false, null);
        alone.onAttemptEnd(new AttemptEnded(call, "dear", 1, 1, null, null, Duration.ZERO, AttemptEnded.Next.NONE, Duration.ZERO));
        alone.onFirstPart(new FirstPart(call, "dear", Duration.ZERO));
        assertEquals(0, alone.callsInFlight());
        assertEquals("gcp.gemini", GenAiAttributes.providerName("google"));
        assertEquals("acedata", GenAiAttributes.providerName("acedata"));
    }

    private static String chunk(String delta, String finish) {
        return "{\"id\":\"chatcmpl-otel-2\",\"object\":\"chat.completion.chunk\",\"model\":\"gemini-2.5-pro-vendor\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}";
    }

    private static String event(String data) {
        return "data: " + data + "\n\n";
    }

    private static void assertAttributes(Attributes expected, Attributes actual) {
        assertEquals(expected.asMap(), actual.asMap());
    }

    private SpanData span(String name) {
        List<SpanData> found = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
        assertEquals(1, found.size(), () -> "one span named " + name + " in " + spans.getFinishedSpanItems());
        return found.get(0);
    }

    private static MetricData metric(Collection<MetricData> all, String name) {
        List<MetricData> found = all.stream().filter(m -> m.getName().equals(name)).toList();
        assertEquals(1, found.size(), () -> "one metric named " + name + " in " + all);
        return found.get(0);
    }

    private static HistogramPointData onlyHistogramPoint(MetricData metric) {
        Collection<HistogramPointData> points = metric.getHistogramData().getPoints();
        assertEquals(1, points.size(), () -> "one point in " + metric);
        return points.iterator().next();
    }

    /** Every event, in order, from every thread. */
    static final class Recorder implements ChatListener {
        private final List<Record> events = new ArrayList<>();

        synchronized <T extends Record> List<T> all(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends Record> T one(Class<T> type) {
            List<T> found = all(type);
            assertEquals(1, found.size(), () -> "one " + type.getSimpleName());
            return found.get(0);
        }

        private synchronized void add(Record event) {
            events.add(event);
        }

        @Override public void onRequest(CallStarted event) { add(event); }
        @Override public void onAttemptStart(AttemptStarted event) { add(event); }
        @Override public void onAttemptEnd(AttemptEnded event) { add(event); }
        @Override public void onFirstPart(FirstPart event) { add(event); }
        @Override public void onResponse(CallSucceeded event) { add(event); }
        @Override public void onError(CallFailed event) { add(event); }
    }
}
