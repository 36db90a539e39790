package dev.junction.micrometer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.junction.Junction;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStreams;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a call looks like in Micrometer: its Observation's keys and the conventions' meters, against WireMock. */
class MicrometerChatListenerTest {
    private static final String CHAT_PATH = "/v1/chat/completions";
    private static final String MODEL = "gemini-2.5-pro";
    private static final String REPLY = """
            {"id":"chatcmpl-micro-1","object":"chat.completion","created":1,"model":"gemini-2.5-pro",
             "choices":[{"index":0,"message":{"role":"assistant","content":"你好"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}""";

    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MicrometerChatListener listener = (MicrometerChatListener) JunctionMicrometer.listener(observations, meters);
    private final Map<String, WireMockServer> servers = new HashMap<>();
    private Junction junction;

    @BeforeEach
    void start() {
        Map<String, String> env = new HashMap<>();
        for (String id : List.of("alpha", "beta")) {
            WireMockServer server = new WireMockServer(options().dynamicPort());
            server.start();
            servers.put(id, server);
            env.put(id.toUpperCase() + "_API_KEY", "sk-" + id);
            env.put(id.toUpperCase() + "_BASE_URL", server.baseUrl());
        }
        junction = Junction.builder()
                .factories(List.of(new MicroVendorFactory("alpha", "1.00", "10.00"), new MicroVendorFactory("beta", "2.00", "20.00")))
                .environment(env::get)
                .discoverListeners(false)
                .listener(listener)
                .build();
    }

    @AfterEach
    void stop() {
        junction.close();
        servers.values().forEach(WireMockServer::stop);
    }

    private void replies(String id, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            var stub = post(urlEqualTo(CHAT_PATH)).inScenario("sequence")
                    .whenScenarioStateIs(i == 0 ? STARTED : "reply " + i)
                    .willReturn(responses[i]);
            servers.get(id).stubFor(i < responses.length - 1 ? stub.willSetStateTo("reply " + (i + 1)) : stub);
        }
    }

    private static ResponseDefinitionBuilder error(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withHeader("Retry-After", "0")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"失败\"}}");
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-stream-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gemini-2.5-pro\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    private static Tags low(String provider, String responseModel, String errorType, String route, String address) {
        return Tags.of("gen_ai.operation.name", "chat", "gen_ai.provider.name", provider, "gen_ai.request.model", MODEL,
                "gen_ai.response.model", responseModel, "error.type", errorType, "junction.route.policy", route,
                "server.address", address);
    }

    private static void assertTagged(Tags expected, Meter meter) {
        assertNotNull(meter);
        assertEquals(expected, Tags.of(meter.getId().getTags()), meter.getId().getName());
    }

    @Test
    void aRoutedCallRetriedOnceIsOneObservationWithTheAnsweringProvider() {
        replies("alpha", error(503, "overloaded"), okJson(REPLY));
        replies("beta", okJson(REPLY));
        Observation parent = Observation.createNotStarted("http.server.requests", observations);
        ChatResponse response = parent.observe(
                () -> junction.chatModel("route:" + MODEL + "?policy=cheapest&maxRetries=1").chatBlocking("你好"));
        assertEquals("alpha", response.provider(), "the cheaper vendor answered on its retry");
        assertEquals(0, servers.get("beta").getAllServeEvents().size());
        String cost = response.cost().usd().toPlainString();
        String quote = response.quotedUsd().expected().toPlainString();

        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo(JunctionMicrometer.OBSERVATION, 1)
                .hasObservationWithNameEqualTo(JunctionMicrometer.OBSERVATION).that()
                .hasBeenStarted().hasBeenStopped()
                .hasContextualNameEqualTo("chat " + MODEL)
                .hasParentObservationEqualTo(parent)
                .doesNotHaveError()
                .hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
                .hasLowCardinalityKeyValue("gen_ai.provider.name", "alpha")
                .hasLowCardinalityKeyValue("gen_ai.request.model", MODEL)
                .hasLowCardinalityKeyValue("gen_ai.response.model", "alpha/" + MODEL)
                .hasLowCardinalityKeyValue("error.type", "none")
                .hasLowCardinalityKeyValue("junction.route.policy", "cheapest")
                .hasLowCardinalityKeyValue("server.address", "localhost")
                .hasHighCardinalityKeyValue("gen_ai.response.id", "chatcmpl-micro-1")
                .hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop")
                .hasHighCardinalityKeyValue("server.port", String.valueOf(servers.get("alpha").port()))
                .hasHighCardinalityKeyValue("junction.attempts", "2")
                .hasHighCardinalityKeyValue("junction.cost.usd", cost)
                .hasHighCardinalityKeyValue("junction.quote.usd", quote)
                .hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "12")
                .hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "5")
                .hasHighCardinalityKeyValue("gen_ai.usage.total_tokens", "17")
                .hasHighCardinalityKeyValueWithKey("junction.call.id")
                .hasOnlyKeys("gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model", "gen_ai.response.model",
                        "error.type", "junction.route.policy", "server.address", "gen_ai.response.id",
                        "gen_ai.response.finish_reasons", "server.port", "junction.attempts", "junction.cost.usd",
                        "junction.quote.usd", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens",
                        "gen_ai.usage.total_tokens", "junction.call.id");

        Tags tags = low("alpha", "alpha/" + MODEL, "none", "cheapest", "localhost");
        Timer duration = meters.find(JunctionMicrometer.OPERATION_DURATION).timer();
        assertTagged(tags, duration);
        assertEquals(1, duration.count());
        assertEquals(14, duration.takeSnapshot().histogramCounts().length, "the advised buckets");
        DistributionSummary input = meters.find(JunctionMicrometer.TOKEN_USAGE).tag("gen_ai.token.type", "input").summary();
        assertTagged(tags.and("gen_ai.token.type", "input"), input);
        assertEquals(1, input.count());
        assertEquals(12.0, input.totalAmount());
        assertEquals("{token}", input.getId().getBaseUnit());
        assertEquals(14, input.takeSnapshot().histogramCounts().length, "the advised buckets");
        DistributionSummary output = meters.find(JunctionMicrometer.TOKEN_USAGE).tag("gen_ai.token.type", "output").summary();
        assertEquals(5.0, output.totalAmount());
        Counter spent = meters.find(JunctionMicrometer.COST).counter();
        assertTagged(tags, spent);
        assertEquals("USD", spent.getId().getBaseUnit());
        assertEquals(response.cost().usd().doubleValue(), spent.count(), 1e-12);
        assertEquals(0.000062, spent.count(), 1e-12, "12 input tokens at $1/M and 5 output at $10/M");
        assertNull(meters.find(JunctionMicrometer.TIME_TO_FIRST_CHUNK).timer(), "not a stream");
        assertEquals(0, listener.inFlight());
    }

    @Test
    void aStreamRecordsItsTimeToFirstChunk() throws Exception {
        replies("alpha", aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(
                chunk("{\"role\":\"assistant\",\"content\":\"你\"}", "null")
                        + chunk("{\"content\":\"好\"}", "null")
                        + chunk("{}", "\"stop\"")
                        + "data: {\"id\":\"chatcmpl-stream-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                        + "\"model\":\"gemini-2.5-pro\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}\n\n"
                        + "data: [DONE]\n\n"));
        ChatResponse response = ChatStreams.collect(junction.chatModel("alpha:" + MODEL).stream("你好"))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("你好", response.text());

        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(JunctionMicrometer.OBSERVATION).that()
                .hasBeenStopped()
                .doesNotHaveError()
                .hasLowCardinalityKeyValue("gen_ai.provider.name", "alpha")
                .hasLowCardinalityKeyValue("junction.route.policy", "none")
                .hasHighCardinalityKeyValue("gen_ai.response.id", "chatcmpl-stream-1")
                .hasHighCardinalityKeyValue("junction.attempts", "1")
                .hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "7")
                .hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "2");

        Tags tags = low("alpha", "alpha/" + MODEL, "none", "none", "localhost");
        Timer first = meters.find(JunctionMicrometer.TIME_TO_FIRST_CHUNK).timer();
        assertTagged(tags, first);
        assertEquals(1, first.count());
        Timer duration = meters.find(JunctionMicrometer.OPERATION_DURATION).timer();
        assertEquals(1, duration.count());
        assertTrue(first.totalTime(TimeUnit.NANOSECONDS) <= duration.totalTime(TimeUnit.NANOSECONDS),
                "the first chunk comes no later than the end");
        assertEquals(7.0, meters.find(JunctionMicrometer.TOKEN_USAGE).tag("gen_ai.token.type", "input").summary().totalAmount());
        assertEquals(0, listener.inFlight());
    }

    @Test
    void aFailedCallSetsTheErrorAndLeavesNoState() {
        replies("alpha", error(401, "invalid_api_key"));
        JunctionException e = assertThrows(JunctionException.class,
                () -> junction.chatModel("alpha:" + MODEL + "?maxRetries=0").chatBlocking("你好"));
        assertEquals(ErrorKind.AUTHENTICATION, e.kind());

        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(JunctionMicrometer.OBSERVATION).that()
                .hasBeenStarted().hasBeenStopped()
                .hasError(e)
                .hasLowCardinalityKeyValue("error.type", "AUTHENTICATION")
                .hasLowCardinalityKeyValue("gen_ai.provider.name", "alpha")
                .hasLowCardinalityKeyValue("gen_ai.response.model", "none")
                .hasLowCardinalityKeyValue("server.address", "localhost")
                .hasHighCardinalityKeyValue("junction.attempts", "1")
                .hasOnlyKeys("gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model", "gen_ai.response.model",
                        "error.type", "junction.route.policy", "server.address", "server.port", "junction.attempts",
                        "junction.call.id");

        Timer duration = meters.find(JunctionMicrometer.OPERATION_DURATION).timer();
        assertTagged(low("alpha", "none", "AUTHENTICATION", "none", "localhost"), duration);
        assertEquals(1, duration.count());
        assertNull(meters.find(JunctionMicrometer.TOKEN_USAGE).summary(), "no usage on a failure");
        assertNull(meters.find(JunctionMicrometer.COST).counter(), "nothing spent");
        assertEquals(0, listener.inFlight(), "the call's state is gone");
    }

    @Test
    void googleIsNamedAsTheConventionsNameGemini() {
        assertEquals("gcp.gemini", MicrometerChatListener.providerName("google"));
        assertEquals("yisu", MicrometerChatListener.providerName("yisu"));
    }

    /** Meters only, as the gateway runs it: each call lands on the same meters, made once. */
    @Test
    void withoutObservationsEveryCallLandsOnTheSameMeters() {
        SimpleMeterRegistry only = new SimpleMeterRegistry();
        MicrometerChatListener metersOnly = (MicrometerChatListener) JunctionMicrometer.listener(ObservationRegistry.NOOP, only);
        replies("alpha", okJson(REPLY));
        try (Junction noObservations = Junction.builder()
                .factories(List.of(new MicroVendorFactory("alpha", "1.00", "10.00")))
                .environment(Map.of("ALPHA_API_KEY", "sk-alpha", "ALPHA_BASE_URL", servers.get("alpha").baseUrl())::get)
                .discoverListeners(false)
                .listener(metersOnly)
                .build()) {
            noObservations.chatModel("alpha:" + MODEL).chatBlocking("你好");
            noObservations.chatModel("alpha:" + MODEL).chatBlocking("你好");
        }

        assertEquals(1, only.find(JunctionMicrometer.OPERATION_DURATION).timers().size());
        assertEquals(2, only.find(JunctionMicrometer.OPERATION_DURATION).timer().count());
        assertEquals(2 * 0.000062, only.find(JunctionMicrometer.COST).counter().count(), 1e-12);
        assertEquals(24.0, only.find(JunctionMicrometer.TOKEN_USAGE).tag("gen_ai.token.type", "input").summary().totalAmount());
        assertEquals(0, metersOnly.inFlight());
    }
}
