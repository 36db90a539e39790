package dev.junction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.junction.catalog.ProviderHealth;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStreams;
import dev.junction.chat.Tool;
import dev.junction.error.Attempt;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.retry.Scheduler;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import dev.junction.testing.Futures;
import dev.junction.testing.MutableClock;
import dev.junction.testing.Sse;
import dev.junction.testing.StreamRecorder;
import dev.junction.testing.TestProfiles;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.TopOfBand;
import dev.junction.testing.VendorServer;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fallback across two providers, each a WireMock server; delays recorded, never waited. */
class FallbackTest {
    private static final String ERROR = "{\"error\":{\"code\":\"%s\",\"message\":\"%s\"}}";

    private final WireMockServer first = new WireMockServer(options().dynamicPort());
    private final WireMockServer second = new WireMockServer(options().dynamicPort());
    private final List<Duration> delays = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private Junction junction;

    /** A provider like the test vendor under another id; "second" also takes function tools. */
    private static OpenAiCompatibleFactory vendor(String id) {
        return new OpenAiCompatibleFactory(TestProfiles.edited(root -> {
            root.put("id", id);
            root.withArray("prices").forEach(row -> ((ObjectNode) row).put("provider", id));
            if (id.equals("second")) {
                ((ArrayNode) root.withArray("models").get(0).withArray("capabilities")).add("TOOLS");
            }
        }), Dialect.OPENAI) {
        };
    }

    @BeforeEach
    void start() {
        first.start();
        second.start();
        Scheduler recording = delay -> {
            delays.add(delay);
            return Future.succeededFuture();
        };
        junction = Junction.builder().environment(name -> null).factories(List.of(vendor("first"), vendor("second")))
                .cooldown(1, Duration.ofSeconds(60), Duration.ofSeconds(30)).healthClock(clock)
                .retryScheduler(recording).retryRandom(new TopOfBand()).build();
    }

    @AfterEach
    void stop() {
        junction.close();
        first.stop();
        second.stop();
    }

    private ChatModel model(int firstRetries) {
        return junction.chatModel("first:gemini-2.5-pro?apiKey=k1&maxRetries=" + firstRetries + "&baseUrl=" + first.baseUrl(),
                "second:gemini-2.5-pro?apiKey=k2&maxRetries=0&baseUrl=" + second.baseUrl());
    }

    private static void answer(WireMockServer server, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(TestVendorFactory.CHAT_PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder error(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(ERROR.formatted(code, "失败"));
    }

    private static int requests(WireMockServer server) {
        return server.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
    }

    @Test
    void fallsBackOnceTheFirstProvidersRetriesAreSpent() {
        answer(first, error(503, "overloaded"));
        answer(second, okJson(VendorServer.okBody("第二家")));
        ChatResponse response = Futures.await(model(1).chat("你好"));
        assertEquals("second", response.provider());
        assertEquals("第二家", response.text());
        assertEquals(2, requests(first));
        assertEquals(1, requests(second));
        assertEquals(List.of(Duration.ofMillis(500)), delays);
        assertEquals(List.of("first", "first"), response.failedAttempts().stream().map(Attempt::provider).toList());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ZERO), response.failedAttempts().stream().map(Attempt::waitedAfter).toList());
    }

    @Test
    void movesOnAtOnceAfterAKeyError() {
        answer(first, error(401, "invalid_api_key"));
        answer(second, okJson(VendorServer.okBody("第二家")));
        ChatResponse response = Futures.await(model(2).chat("你好"));
        assertEquals("second", response.provider());
        assertEquals(1, requests(first), "a key error is not retried");
        assertEquals(List.of(), delays);
        assertEquals(ErrorKind.AUTHENTICATION, response.failedAttempts().get(0).kind());
    }

    @Test
    void neverFallsBackAfterAnInvalidRequest() {
        answer(first, error(400, "bad_request"));
        answer(second, okJson(VendorServer.okBody("第二家")));
        JunctionException e = Futures.failure(model(2).chat("你好"));
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals("first", e.provider());
        assertEquals(0, requests(second));
        assertEquals(1, e.attempts().size());
    }

    @Test
    void failsWithTheMostTellingKindListingEveryProvider() {
        answer(first, error(503, "overloaded"));
        answer(second, error(402, "insufficient_quota"));
        JunctionException e = Futures.failure(model(0).chat("你好"));
        assertEquals(ErrorKind.INSUFFICIENT_CREDITS, e.kind(), e.getMessage());
        assertEquals("second", e.provider());
        assertTrue(e.getMessage().startsWith("every provider failed: first: SERVER_ERROR (HTTP 503)"), e.getMessage());
        assertTrue(e.getMessage().contains("; second: INSUFFICIENT_CREDITS (HTTP 402)"), e.getMessage());
        assertEquals(List.of("first", "second"), e.attempts().stream().map(Attempt::provider).toList());
    }

    @Test
    void skipsAProviderThatCannotServeTheRequestAndSaysWhy() {
        answer(first, okJson(VendorServer.okBody("第一家")));
        answer(second, okJson(VendorServer.okBody("第二家")));
        ChatRequest withTools = ChatRequest.builder().user("东京天气")
                .tool(Tool.function("get_weather", "天气", "{\"type\":\"object\",\"properties\":{}}")).build();
        ChatResponse response = Futures.await(model(0).chat(withTools));
        assertEquals("second", response.provider());
        assertEquals(0, requests(first));
        assertTrue(response.warnings().stream().anyMatch(w -> w.startsWith("first was skipped: ")), response.warnings().toString());
    }

    @Test
    void fallsBackAStreamThatFailedBeforeItsFirstPart() {
        answer(first, error(503, "overloaded"));
        answer(second, aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(Sse.events(Sse.text("第二家"), Sse.finish("stop")) + Sse.DONE));
        ChatResponse collected = Futures.await(ChatStreams.collect(model(1).stream(ChatRequest.of("你好"))));
        assertEquals("第二家", collected.text());
        assertEquals("second", collected.provider());
        assertEquals(List.of("first", "first"), collected.failedAttempts().stream().map(Attempt::provider).toList(),
                "the collected response lists the stream's failed attempts");
        assertEquals(2, requests(first));
        assertEquals(1, requests(second));
        assertEquals(List.of(Duration.ofMillis(500)), delays);
    }

    @Test
    void skipsAProviderCoolingDownAndTriesTheSoonestWhenAllAre() {
        answer(first, error(503, "overloaded"));
        answer(second, okJson(VendorServer.okBody("第二家")));
        Futures.await(model(0).chat("你好"));
        assertEquals(1, requests(first), "one failure cools first down (the rule here is 1 within 60 s)");

        ChatResponse next = Futures.await(model(0).chat("你好"));
        assertEquals("second", next.provider());
        assertEquals(1, requests(first), "first is cooling down, so it is skipped");
        assertTrue(next.warnings().stream().anyMatch(w -> w.startsWith("first was skipped: cooling down")), next.warnings()::toString);

        answer(second, error(503, "overloaded"));
        Futures.failure(model(0).chat("你好"));
        clock.advance(Duration.ofSeconds(5));
        answer(second, okJson(VendorServer.okBody("第二家")));
        answer(first, okJson(VendorServer.okBody("第一家")));
        ChatResponse both = Futures.await(model(0).chat("你好"));
        assertEquals("first", both.provider(), "both cooling down: first's cooldown ends first");
        assertTrue(both.warnings().stream().anyMatch(w -> w.contains("every provider is cooling down")), both.warnings()::toString);

        Map<String, ProviderHealth> health = junction.health();
        assertEquals(2, health.get("first").calls(), "its failure, then the call it served");
        assertEquals(1, health.get("first").failures());
        assertTrue(health.get("second").cooldownUntil() != null, health.toString());
        assertTrue(health.get("first").medianTimeToAnswer() != null, health.toString());
    }
}
