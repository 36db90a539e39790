package dev.junction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStreams;
import dev.junction.chat.FinishReason;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.retry.Scheduler;
import dev.junction.observe.AttemptEnded;
import dev.junction.observe.AttemptEnded.Next;
import dev.junction.observe.AttemptStarted;
import dev.junction.observe.CallFailed;
import dev.junction.observe.CallStarted;
import dev.junction.observe.CallSucceeded;
import dev.junction.observe.ChatListener;
import dev.junction.observe.FirstPart;
import dev.junction.spi.ApiKey;
import dev.junction.spi.ProviderSettings;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import dev.junction.testing.Futures;
import dev.junction.testing.Sse;
import dev.junction.testing.TestProfiles;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.TopOfBand;
import dev.junction.testing.VendorServer;
import io.vertx.core.Future;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What listeners are told of calls, retries, fallbacks and streams; retries never wait. */
class ChatListenerTest {
    private static final String ERROR = "{\"error\":{\"code\":\"%s\",\"message\":\"%s\"}}";
    private static final Scheduler INSTANT = delay -> Future.succeededFuture();

    private final RecordingListener recorder = new RecordingListener();
    private VendorServer vendor;
    private final Map<String, WireMockServer> servers = new HashMap<>();
    private Junction junction;

    @AfterEach
    void stop() {
        if (vendor != null) {
            vendor.close();
        }
        if (junction != null) {
            junction.close();
        }
        servers.values().forEach(WireMockServer::stop);
    }

    private VendorServer vendor(Consumer<Junction.Builder> more) {
        vendor = new VendorServer(b -> {
            b.retryScheduler(INSTANT).retryRandom(new TopOfBand()).discoverListeners(false).listener(recorder);
            more.accept(b);
        });
        return vendor;
    }

    private static void replies(WireMockServer server, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            var stub = post(urlEqualTo(TestVendorFactory.CHAT_PATH)).inScenario("sequence")
                    .whenScenarioStateIs(i == 0 ? STARTED : "reply " + i)
                    .willReturn(responses[i]);
            server.stubFor(i < responses.length - 1 ? stub.willSetStateTo("reply " + (i + 1)) : stub);
        }
    }

    private static ResponseDefinitionBuilder error(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(ERROR.formatted(code, "失败"));
    }

    private static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    @Test
    void aRetried503ThenAnAnswerIsToldAttemptByAttempt() {
        vendor(b -> { });
        replies(vendor.wire(), error(503, "overloaded"), okJson(VendorServer.okBody("好的")));
        ChatResponse response = Futures.await(vendor.model(VendorServer.MODEL, "&maxRetries=2").chat("你好"));

        assertEquals(List.of("CallStarted", "AttemptStarted", "AttemptEnded", "AttemptStarted", "AttemptEnded", "CallSucceeded"),
                recorder.kinds());
        CallStarted started = recorder.of(CallStarted.class).get(0);
        assertEquals(VendorServer.MODEL, started.call().model());
        assertFalse(started.call().streaming());
        assertNull(started.call().route());
        assertEquals(List.of(TestVendorFactory.ID), started.providers());
        assertTrue(started.quotes().isEmpty(), "a single provider makes no quote");
        assertNull(started.request(), "content is off by default");
        assertTrue(recorder.events.stream().allMatch(e -> callOf(e).equals(started.call())), "every event names the same call");

        List<AttemptStarted> attempts = recorder.of(AttemptStarted.class);
        assertEquals(List.of(1, 2), attempts.stream().map(AttemptStarted::attempt).toList());
        assertEquals(List.of(1, 2), attempts.stream().map(AttemptStarted::providerAttempt).toList());
        assertEquals(java.net.URI.create(vendor.wire().baseUrl()).getHost(), attempts.get(0).serverAddress(), "the base URL in use, the stand-in's");
        assertEquals(vendor.wire().port(), attempts.get(0).serverPort());
        List<AttemptEnded> ends = recorder.of(AttemptEnded.class);
        assertEquals(ErrorKind.SERVER_ERROR, ends.get(0).kind());
        assertEquals(503, ends.get(0).httpStatus());
        assertEquals(Next.RETRY, ends.get(0).next());
        assertEquals(Duration.ofMillis(500), ends.get(0).retryDelay(), "the top of the first backoff band");
        assertTrue(ends.get(1).succeeded());
        assertNull(ends.get(1).httpStatus());
        assertEquals(Next.NONE, ends.get(1).next());
        assertEquals(Duration.ZERO, ends.get(1).retryDelay());

        CallSucceeded done = recorder.of(CallSucceeded.class).get(0);
        assertEquals(TestVendorFactory.ID, done.provider());
        assertEquals(2, done.attempts());
        assertEquals(FinishReason.STOP, done.finishReason());
        assertEquals("stop", done.rawFinishReason());
        assertEquals(response.id(), done.responseId());
        assertNotNull(done.responseId());
        assertEquals(response.usage(), done.usage());
        assertEquals(12, done.usage().inputTokens());
        assertNotNull(done.cost(), "the test vendor has a price for " + VendorServer.MODEL);
        assertEquals(response.cost(), done.cost());
        assertNull(done.quote());
        assertNull(done.text(), "content is off by default");
    }

    @Test
    void aFallbackSaysWhichAttemptMovesOnToTheNextProvider() {
        junction = twoProviders(b -> { });
        replies(servers.get("first"), error(503, "overloaded"));
        replies(servers.get("second"), okJson(VendorServer.okBody("第二家")));
        ChatResponse response = Futures.await(junction.chatModel(config("first", 1), config("second", 0)).chat("你好"));
        assertEquals("second", response.provider());

        assertEquals(List.of("CallStarted", "AttemptStarted", "AttemptEnded", "AttemptStarted", "AttemptEnded", "AttemptStarted",
                "AttemptEnded", "CallSucceeded"), recorder.kinds());
        assertEquals(List.of("first", "second"), recorder.of(CallStarted.class).get(0).providers());
        List<AttemptStarted> attempts = recorder.of(AttemptStarted.class);
        assertEquals(List.of("first", "first", "second"), attempts.stream().map(AttemptStarted::provider).toList());
        assertEquals(List.of(1, 2, 3), attempts.stream().map(AttemptStarted::attempt).toList());
        assertEquals(List.of(1, 2, 1), attempts.stream().map(AttemptStarted::providerAttempt).toList());
        assertEquals(List.of(Next.RETRY, Next.FALLBACK, Next.NONE), recorder.of(AttemptEnded.class).stream().map(AttemptEnded::next).toList());
        CallSucceeded done = recorder.of(CallSucceeded.class).get(0);
        assertEquals("second", done.provider());
        assertEquals(3, done.attempts());
    }

    @Test
    void aWrongRequestEndsTheFallbackAndIsToldAsTheError() {
        junction = twoProviders(b -> { });
        replies(servers.get("first"), error(400, "invalid_request"));
        replies(servers.get("second"), okJson(VendorServer.okBody("第二家")));
        JunctionException e = Futures.failure(junction.chatModel(config("first", 2), config("second", 0)).chat("你好"));

        assertEquals(List.of("CallStarted", "AttemptStarted", "AttemptEnded", "CallFailed"), recorder.kinds());
        AttemptEnded end = recorder.of(AttemptEnded.class).get(0);
        assertEquals(ErrorKind.INVALID_REQUEST, end.kind());
        assertEquals(400, end.httpStatus());
        assertEquals(Next.NONE, end.next(), "a wrong request is neither retried nor sent elsewhere");
        CallFailed failed = recorder.of(CallFailed.class).get(0);
        assertSame(e, failed.error());
        assertEquals(1, failed.attempts());
    }

    @Test
    void aStreamTellsItsFirstPartOnceAndItsResponseAtTheEnd() {
        vendor(b -> { });
        replies(vendor.wire(), error(503, "overloaded"),
                sse(Sse.events(Sse.text("你"), Sse.text("好"), Sse.finish("stop"), Sse.usage(7, 2)) + Sse.DONE));
        ChatResponse response = Futures.await(ChatStreams.collect(vendor.model(VendorServer.MODEL, "&maxRetries=1").stream("你好")));
        assertEquals("你好", response.text());

        assertEquals(List.of("CallStarted", "AttemptStarted", "AttemptEnded", "AttemptStarted", "FirstPart", "AttemptEnded",
                "CallSucceeded"), recorder.kinds());
        assertTrue(recorder.of(CallStarted.class).get(0).call().streaming());
        assertEquals(Next.RETRY, recorder.of(AttemptEnded.class).get(0).next());
        assertEquals(503, recorder.of(AttemptEnded.class).get(0).httpStatus());
        assertTrue(recorder.of(AttemptEnded.class).get(1).succeeded());
        FirstPart first = recorder.of(FirstPart.class).get(0);
        assertEquals(TestVendorFactory.ID, first.provider());
        CallSucceeded done = recorder.of(CallSucceeded.class).get(0);
        assertEquals(2, done.attempts());
        assertEquals(7, done.usage().inputTokens());
        assertEquals(2, done.usage().outputTokens());
        assertEquals(response.cost(), done.cost());
        assertNotNull(done.cost());
        assertTrue(done.duration().compareTo(first.sinceCallStart()) >= 0);
        assertNull(done.text());
    }

    @Test
    void aStreamThatBreaksAfterItBeganEndsItsAttemptAndIsToldAsTheError() {
        vendor(b -> { });
        // No finish and no [DONE]: the body just stops after one piece of text.
        vendor.reply(sse(Sse.events(Sse.text("你"))));
        JunctionException e = Futures.failure(ChatStreams.collect(vendor.model(VendorServer.MODEL, "&maxRetries=2").stream("你好")));

        assertEquals(List.of("CallStarted", "AttemptStarted", "FirstPart", "AttemptEnded", "CallFailed"), recorder.kinds());
        AttemptEnded end = recorder.of(AttemptEnded.class).get(0);
        assertEquals(e.kind(), end.kind());
        assertEquals(Next.NONE, end.next(), "a stream is never retried once a part reached the caller");
        assertEquals(e, recorder.of(CallFailed.class).get(0).error());
    }

    @Test
    void aListenerThatThrowsIsLoggedOnceAndBreaksNothing() {
        ChatListener throwing = new ChatListener() {
            @Override
            public void onRequest(CallStarted event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onResponse(CallSucceeded event) {
                throw new IllegalStateException("listener bug");
            }
        };
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            vendor = new VendorServer(b -> b.discoverListeners(false).listener(throwing).listener(recorder));
            vendor.reply(okJson(VendorServer.okBody("好的")));
            assertEquals("好的", vendor.chat(dev.junction.chat.ChatRequest.builder().user("你好").build()).text());
            assertEquals("好的", vendor.chat(dev.junction.chat.ChatRequest.builder().user("再来").build()).text());
        } finally {
            System.setErr(original);
        }
        assertEquals(8, recorder.events.size(), "the listener after the throwing one is told everything: " + recorder.kinds());
        String text = log.toString(StandardCharsets.UTF_8);
        String warning = "chat listener " + throwing.getClass().getName() + " threw";
        assertTrue(text.contains(warning), text);
        assertEquals(text.indexOf(warning), text.lastIndexOf(warning), "warned once per listener class: " + text);
    }

    @Test
    void contentReachesListenersOnlyWhenOptedIn() {
        vendor(b -> b.listenerContent(true));
        vendor.reply(okJson(VendorServer.okBody("好的")));
        Futures.await(vendor.model().chat("你好"));
        vendor.reply(sse(Sse.events(Sse.text("流"), Sse.text("式"), Sse.finish("stop")) + Sse.DONE));
        Futures.await(ChatStreams.collect(vendor.model().stream("讲个故事")));

        List<CallStarted> started = recorder.of(CallStarted.class);
        assertEquals("你好", started.get(0).request().messages().get(0).text());
        assertEquals("讲个故事", started.get(1).request().messages().get(0).text());
        List<CallSucceeded> done = recorder.of(CallSucceeded.class);
        assertEquals("好的", done.get(0).text());
        assertEquals("流式", done.get(1).text());
        noKeyIn(recorder.events);
    }

    @Test
    void noEventHoldsTheKey() {
        vendor(b -> b.listenerContent(true));
        replies(vendor.wire(), error(401, "invalid_api_key"));
        Futures.failure(vendor.model(VendorServer.MODEL, "&maxRetries=2").chat("你好"));
        replies(vendor.wire(), error(503, "overloaded"), okJson(VendorServer.okBody("好的")));
        Futures.await(vendor.model(VendorServer.MODEL, "&maxRetries=2").chat("你好"));
        assertEquals(2, recorder.of(CallStarted.class).size());
        assertEquals(1, recorder.of(CallFailed.class).size());
        noKeyIn(recorder.events);
    }

    @Test
    void aRouteToldItsQuotesAndTheResponseKeepsTheOneBeforeIt() {
        junction = twoProviders(b -> { });
        replies(servers.get("first"), error(503, "overloaded"));
        replies(servers.get("second"), okJson(VendorServer.okBody("第二家")));
        ChatResponse response = Futures.await(junction.chatModel("route:gemini-2.5-pro?policy=cheapest&maxRetries=0").chat("你好"));
        assertEquals("second", response.provider());

        CallStarted started = recorder.of(CallStarted.class).get(0);
        assertEquals("cheapest", started.call().route());
        assertEquals(List.of("first", "second"), started.quotes().stream().map(q -> q.provider()).toList());
        List<AttemptStarted> attempts = recorder.of(AttemptStarted.class);
        assertEquals("first", attempts.get(0).quote().provider());
        assertEquals(Next.FALLBACK, recorder.of(AttemptEnded.class).get(0).next());
        CallSucceeded done = recorder.of(CallSucceeded.class).get(0);
        assertEquals("second", done.quote().provider());
        assertNotNull(done.cost());
        assertEquals(done.quote().usd(), response.quotedUsd(), "the response keeps the quote next to its cost");
        assertNotNull(response.cost());
    }

    @Test
    void aStreamedRouteKeepsTheQuoteOnItsStartAndCollectedResponse() {
        junction = twoProviders(b -> { });
        replies(servers.get("first"), error(503, "overloaded"));
        replies(servers.get("second"), sse(Sse.events(Sse.text("第二家"), Sse.finish("stop"), Sse.usage(7, 2)) + Sse.DONE));
        ChatResponse response = Futures.await(ChatStreams.collect(
                junction.chatModel("route:gemini-2.5-pro?policy=cheapest&maxRetries=0").stream("你好")));

        assertEquals("second", response.provider());
        CallSucceeded done = recorder.of(CallSucceeded.class).get(0);
        assertEquals("second", done.quote().provider());
        assertNotNull(response.quotedUsd(), "the streamed answer keeps the quote that preceded it");
        assertEquals(done.quote().usd(), response.quotedUsd());
        assertNotNull(response.cost());
    }

    @Test
    void aRouteThatLeavesNoProviderIsToldAsAnErrorWithoutAttempts() {
        junction = twoProviders(b -> { });
        JunctionException e = Futures.failure(junction.route("gemini-2.5-pro", RoutePolicy.CHEAPEST, new java.math.BigDecimal("0.000000001"))
                .chat("你好"));
        assertEquals(List.of("CallStarted", "CallFailed"), recorder.kinds());
        assertEquals(0, recorder.of(CallFailed.class).get(0).attempts());
        assertSame(e, recorder.of(CallFailed.class).get(0).error());
    }

    @Test
    void listenersInstalledAsServicesAreFoundInTheBuildersLoader() throws Exception {
        URL folder = ChatListenerTest.class.getResource("/listener-services/");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder}, ChatListenerTest.class.getClassLoader())) {
            DiscoveredListener.last = null;
            vendor = new VendorServer(b -> b.classLoader(loader));
            vendor.reply(okJson(VendorServer.okBody("好的")));
            Futures.await(vendor.model().chat("你好"));
            DiscoveredListener found = DiscoveredListener.last;
            assertNotNull(found, "the service entry was not loaded");
            assertEquals(List.of("CallStarted", "AttemptStarted", "AttemptEnded", "CallSucceeded"), found.kinds());
            Futures.await(vendor.model().chat("再来"));
            assertSame(found, DiscoveredListener.last, "discovered once, not per call or per chat model");
            assertEquals(8, found.events.size());
            vendor.close();

            DiscoveredListener.last = null;
            vendor = new VendorServer(b -> b.classLoader(loader).discoverListeners(false));
            vendor.reply(okJson(VendorServer.okBody("好的")));
            Futures.await(vendor.model().chat("你好"));
            assertNull(DiscoveredListener.last, "discovery was turned off");
        }
    }

    /** Two priced providers, "first" cheaper than "second", each a WireMock server whose key and URL are in the environment. */
    private Junction twoProviders(Consumer<Junction.Builder> more) {
        Map<String, String> env = new HashMap<>();
        for (String id : List.of("first", "second")) {
            WireMockServer server = new WireMockServer(options().dynamicPort());
            server.start();
            servers.put(id, server);
            env.put(id.toUpperCase() + "_API_KEY", VendorServer.KEY);
            env.put(id.toUpperCase() + "_BASE_URL", server.baseUrl());
        }
        Junction.Builder b = Junction.builder().environment(env::get)
                .factories(List.of(vendor("first", "0.5", "2"), vendor("second", "5", "20")))
                .retryScheduler(INSTANT).retryRandom(new TopOfBand()).discoverListeners(false).listener(recorder);
        more.accept(b);
        return b.build();
    }

    private String config(String id, int maxRetries) {
        return id + ":gemini-2.5-pro?maxRetries=" + maxRetries;
    }

    private static OpenAiCompatibleFactory vendor(String id, String inputPerMillion, String outputPerMillion) {
        return new OpenAiCompatibleFactory(TestProfiles.edited(root -> {
            root.put("id", id);
            root.remove("prices");
            ObjectNode row = root.putArray("prices").addObject();
            row.put("model", "gemini-2.5-pro").put("currency", "USD").put("inputPerMillion", inputPerMillion)
                    .put("outputPerMillion", outputPerMillion).put("source", "test fixture");
        }), Dialect.OPENAI) {
        };
    }

    private static dev.junction.observe.Call callOf(Record event) {
        try {
            return (dev.junction.observe.Call) event.getClass().getMethod("call").invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Neither an event's string form nor any of its fields holds the key, an ApiKey or a provider's settings. */
    private static void noKeyIn(List<Record> events) {
        assertFalse(events.isEmpty());
        for (Record event : events) {
            assertFalse(event.toString().contains(VendorServer.KEY), event::toString);
            for (RecordComponent c : event.getClass().getRecordComponents()) {
                Object value;
                try {
                    value = c.getAccessor().invoke(event);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                assertFalse(value instanceof ApiKey || value instanceof ProviderSettings, c.getName());
                assertFalse(String.valueOf(value).contains(VendorServer.KEY), c.getName());
                if (value instanceof JunctionException je) {
                    assertFalse(String.valueOf(je.getMessage()).contains(VendorServer.KEY));
                    je.hint().ifPresent(hint -> assertFalse(hint.contains(VendorServer.KEY)));
                    je.rawReply().ifPresent(raw -> assertFalse(raw.contains(VendorServer.KEY)));
                }
            }
        }
    }
}
