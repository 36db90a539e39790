package dev.junction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.error.Attempt;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.observe.AttemptEnded;
import dev.junction.observe.AttemptStarted;
import dev.junction.observe.CallFailed;
import dev.junction.observe.CallSucceeded;
import dev.junction.observe.ChatListener;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import dev.junction.testing.Futures;
import dev.junction.testing.TestProfiles;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancelling non-streamed calls, against WireMock servers that answer late: the call fails at once
 * with CANCELLED, the exchange is reset, and no attempt, retry or fallback follows. Every wait is
 * bounded well below the servers' delays, so only the cancel can end a call in time; nothing sleeps.
 */
class ChatCancellationTest {
    /** How late the slow stubs answer; every bound below is far shorter. */
    private static final int SLOW_MS = 20_000;
    /** The bound on anything a cancel must bring about. */
    private static final long PROMPT_SECONDS = 3;

    private final CountDownLatch firstReceived = new CountDownLatch(1);
    private final CountDownLatch secondReceived = new CountDownLatch(1);
    private final WireMockServer first = server(firstReceived);
    private final WireMockServer second = server(secondReceived);
    private final RecordingListener recorder = new RecordingListener();
    /** What a test does when an attempt ends, told on the thread that ends it. */
    private volatile Consumer<AttemptEnded> onAttemptEnd = event -> { };
    private final Promise<Void> cancel = Promise.promise();
    private Junction junction;

    /** A WireMock server that counts {@code received} down once a request has matched a stub, before any delay. */
    private static WireMockServer server(CountDownLatch received) {
        return new WireMockServer(options().dynamicPort().extensions(new ServeEventListener() {
            @Override
            public void afterMatch(ServeEvent event, Parameters parameters) {
                received.countDown();
            }

            @Override
            public String getName() {
                return "received";
            }
        }));
    }

    /** A provider like the test vendor under another id. */
    private static OpenAiCompatibleFactory vendor(String id) {
        return new OpenAiCompatibleFactory(TestProfiles.edited(root -> {
            root.put("id", id);
            root.withArray("prices").forEach(row -> ((ObjectNode) row).put("provider", id));
        }), Dialect.OPENAI) {
        };
    }

    @BeforeEach
    void start() {
        first.start();
        second.start();
        // One connection per host: a second call can only go out if the cancelled one gave its connection up.
        ChatListener hooks = new ChatListener() {
            @Override
            public void onAttemptEnd(AttemptEnded event) {
                onAttemptEnd.accept(event);
            }
        };
        junction = Junction.builder().environment(name -> null).factories(List.of(vendor("first"), vendor("second")))
                .maxConnectionsPerHost(1).discoverListeners(false).listener(recorder).listener(hooks).build();
    }

    @AfterEach
    void stop() {
        junction.close();
        first.stop();
        second.stop();
    }

    private ChatModel firstModel(String extraQuery) {
        return junction.chatModel("first:gemini-2.5-pro?apiKey=k1&baseUrl=" + first.baseUrl() + extraQuery);
    }

    private ChatModel fallbackModel() {
        return junction.chatModel("first:gemini-2.5-pro?apiKey=k1&maxRetries=0&baseUrl=" + first.baseUrl(),
                "second:gemini-2.5-pro?apiKey=k2&maxRetries=0&baseUrl=" + second.baseUrl());
    }

    private static void answer(WireMockServer server, String prompt, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(TestVendorFactory.CHAT_PATH)).withRequestBody(containing(prompt)).willReturn(response));
    }

    private static int requests(WireMockServer server) {
        return server.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            assertTrue(latch.await(Futures.BOUND_SECONDS, TimeUnit.SECONDS), what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void cancellingMidFlightFailsAtOnceAndGivesUpTheConnection() {
        answer(first, "慢", okJson(VendorServer.okBody("迟到")).withFixedDelay(SLOW_MS));
        answer(first, "快", okJson(VendorServer.okBody("好的")));
        ChatModel model = firstModel("&maxRetries=2");
        Future<ChatResponse> call = model.chat(ChatRequest.of("慢"), cancel.future());
        await(firstReceived, "the request reached the server");

        cancel.complete();

        JunctionException e = Futures.failure(call, PROMPT_SECONDS);
        assertEquals(ErrorKind.CANCELLED, e.kind());
        assertFalse(e.retryable());
        assertEquals("first", e.provider());
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertEquals(List.of(ErrorKind.CANCELLED), e.attempts().stream().map(Attempt::kind).toList(), "one attempt, cancelled");
        // The pool holds one connection, and the cancelled reply is still seconds away: this call
        // goes out only because the cancelled exchange was reset and its connection closed.
        assertEquals("好的", Futures.await(model.chat("快"), PROMPT_SECONDS).text());
        assertEquals(2, requests(first), "the cancelled call was not retried");
        CallFailed failed = recorder.of(CallFailed.class).get(0);
        assertEquals(ErrorKind.CANCELLED, failed.error().kind());
        assertEquals(1, recorder.of(CallFailed.class).size(), "the cancelled call ended once");
        AttemptEnded ended = recorder.of(AttemptEnded.class).get(0);
        assertEquals(ErrorKind.CANCELLED, ended.kind());
        assertEquals(AttemptEnded.Next.NONE, ended.next());
    }

    @Test
    void cancellingDuringARetryWaitStartsNoFurtherAttempt() {
        // The vendor asks for 30 s before the retry: only the cancel can end the wait in time.
        answer(first, "你好", aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withHeader("Retry-After", "30").withBody("{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"慢点\"}}"));
        CountDownLatch waiting = new CountDownLatch(1);
        onAttemptEnd = event -> {
            if (event.next() == AttemptEnded.Next.RETRY) {
                waiting.countDown();
            }
        };
        Future<ChatResponse> call = firstModel("&maxRetries=3").chat(ChatRequest.of("你好"), cancel.future());
        await(waiting, "the retry wait began");

        cancel.complete();

        JunctionException e = Futures.failure(call, PROMPT_SECONDS);
        assertEquals(ErrorKind.CANCELLED, e.kind());
        assertEquals(1, requests(first), "no attempt after the cancel");
        assertEquals(List.of(ErrorKind.RATE_LIMITED), e.attempts().stream().map(Attempt::kind).toList());
        assertEquals(Duration.ofSeconds(30), e.attempts().get(0).waitedAfter(), "the attempt and the wait it was cut short in");
        assertEquals(1, recorder.of(AttemptStarted.class).size());
        assertEquals(1, recorder.of(CallFailed.class).size(), "the call ended once");
        assertEquals(ErrorKind.CANCELLED, recorder.of(CallFailed.class).get(0).error().kind());
    }

    @Test
    void cancellingAFallbackOnceTheFirstProviderFailedStartsNoSecond() {
        answer(first, "你好", aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"overloaded\",\"message\":\"忙\"}}"));
        answer(second, "你好", okJson(VendorServer.okBody("第二家")));
        // Cancels the moment the first provider's attempt ends with a fallback next: before the second can start.
        onAttemptEnd = event -> {
            if (event.next() == AttemptEnded.Next.FALLBACK) {
                cancel.tryComplete();
            }
        };

        JunctionException e = Futures.failure(fallbackModel().chat(ChatRequest.of("你好"), cancel.future()));

        assertEquals(ErrorKind.CANCELLED, e.kind());
        assertEquals(1, requests(first));
        assertEquals(0, requests(second), "no second provider after the cancel");
        assertEquals(List.of(ErrorKind.SERVER_ERROR), e.attempts().stream().map(Attempt::kind).toList(), "the first provider's attempt");
        assertEquals(List.of("first"), recorder.of(AttemptStarted.class).stream().map(AttemptStarted::provider).toList());
        assertEquals(1, recorder.of(CallFailed.class).size(), "the call ended once");
    }

    @Test
    void cancellingASlowSecondProviderFailsAtOnce() {
        answer(first, "你好", aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"overloaded\",\"message\":\"忙\"}}"));
        answer(second, "你好", okJson(VendorServer.okBody("迟到")).withFixedDelay(SLOW_MS));
        Future<ChatResponse> call = fallbackModel().chat(ChatRequest.of("你好"), cancel.future());
        await(secondReceived, "the request reached the second provider");

        cancel.complete();

        JunctionException e = Futures.failure(call, PROMPT_SECONDS);
        assertEquals(ErrorKind.CANCELLED, e.kind(), "the cancel wins over the first provider's SERVER_ERROR");
        assertEquals("second", e.provider());
        assertEquals(List.of(ErrorKind.SERVER_ERROR, ErrorKind.CANCELLED), e.attempts().stream().map(Attempt::kind).toList());
        assertEquals(1, recorder.of(CallFailed.class).size(), "the call ended once");
    }

    @Test
    void aCallCancelledBeforeItStartsSendsNothing() {
        answer(first, "你好", okJson(VendorServer.okBody("好的")));
        cancel.complete();

        JunctionException e = Futures.failure(firstModel("").chat(ChatRequest.of("你好"), cancel.future()));

        assertEquals(ErrorKind.CANCELLED, e.kind());
        assertEquals(0, requests(first));
    }

    @Test
    void cancellingAfterTheAnswerChangesNothing() {
        answer(first, "你好", okJson(VendorServer.okBody("好的")));
        Future<ChatResponse> call = firstModel("").chat(ChatRequest.of("你好"), cancel.future());
        ChatResponse response = Futures.await(call);

        cancel.complete();

        assertTrue(call.succeeded());
        assertSame(response, call.result());
        assertEquals(1, requests(first));
        assertEquals(1, recorder.of(CallSucceeded.class).size());
        assertEquals(0, recorder.of(CallFailed.class).size(), "a late cancel is no failure");
    }

    /** A ChatModel written outside Junction, before cancellation existed: it only implements the abstract methods. */
    private static final class OwnModel implements ChatModel {
        private final Promise<ChatResponse> reply = Promise.promise();
        private int calls;

        @Override
        public String provider() {
            return "own";
        }

        @Override
        public String model() {
            return "own-model";
        }

        @Override
        public Future<ChatResponse> chat(ChatRequest request) {
            calls++;
            return reply.future();
        }

        @Override
        public ChatStream stream(ChatRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theDefaultMethodIgnoresTheCancellation() {
        OwnModel own = new OwnModel();
        Future<ChatResponse> call = own.chat(ChatRequest.of("你好"), cancel.future());

        cancel.complete();

        assertSame(own.reply.future(), call, "the default is chat(request)");
        assertEquals(1, own.calls);
        assertFalse(call.isComplete(), "the cancel is ignored");
        assertThrows(NullPointerException.class, () -> own.chat(ChatRequest.of("你好"), null));
    }
}
