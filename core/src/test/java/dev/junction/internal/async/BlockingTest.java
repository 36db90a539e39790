package dev.junction.internal.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The blocking convenience: refuses event-loop threads, and unwraps failures elsewhere. */
class BlockingTest {
    private Vertx vertx;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A chat model answering with a fixed future, counting calls. */
    private ChatModel modelAnswering(Future<ChatResponse> answer) {
        return new ChatModel() {
            @Override
            public String provider() {
                return "testvendor";
            }

            @Override
            public String model() {
                return "gemini-2.5-pro";
            }

            @Override
            public Future<ChatResponse> chat(ChatRequest request) {
                calls.incrementAndGet();
                return answer;
            }

            @Override
            public dev.junction.chat.ChatStream stream(ChatRequest request) {
                throw new UnsupportedOperationException("not used here");
            }
        };
    }

    private static ChatResponse response(String text) {
        return new ChatResponse(null, "testvendor", "m", "m", text, null, null, null, null, null, null, null, null, List.of());
    }

    @Test
    void refusesToBlockOnAnEventLoopThread() throws Exception {
        ChatModel model = modelAnswering(Future.succeededFuture(response("x")));
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            try {
                model.chatBlocking("你好");
                thrown.complete(null);
            } catch (RuntimeException e) {
                thrown.complete(e);
            }
        });
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, thrown.get(10, TimeUnit.SECONDS));
        assertTrue(e.getMessage().contains("event-loop"), e.getMessage());
        assertEquals(0, calls.get(), "nothing is sent when the call is refused");
    }

    @Test
    void returnsTheResponseOffTheEventLoop() {
        assertEquals("好", modelAnswering(Future.succeededFuture(response("好"))).chatBlocking("你好").text());
    }

    @Test
    void rethrowsTheJunctionExceptionItself() {
        JunctionException failure = JunctionException.builder(ErrorKind.RATE_LIMITED, "slow down").build();
        JunctionException e = assertThrows(JunctionException.class,
                () -> modelAnswering(Future.failedFuture(failure)).chatBlocking("你好"));
        assertSame(failure, e);
    }

    @Test
    void rethrowsOtherRuntimeExceptionsUnwrapped() {
        IllegalArgumentException failure = new IllegalArgumentException("bad");
        assertSame(failure, assertThrows(IllegalArgumentException.class,
                () -> Blocking.await(Future.failedFuture(failure))));
    }

    @Test
    void wrapsCheckedFailuresAsNetworkErrors() {
        Exception failure = new java.io.IOException("reset");
        JunctionException e = assertThrows(JunctionException.class, () -> Blocking.await(Future.failedFuture(failure)));
        assertEquals(ErrorKind.NETWORK, e.kind());
        assertSame(failure, e.getCause());
    }

    @Test
    void allowsBlockingOnAWorkerThread() throws Exception {
        ChatModel model = modelAnswering(Future.succeededFuture(response("worker")));
        String text = vertx.executeBlocking(() -> model.chatBlocking("你好").text())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("worker", text);
    }
}
