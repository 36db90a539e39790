package dev.junction.bench;

import dev.junction.Junction;
import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.catalog.ProviderModels;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ChatStream;
import dev.junction.chat.FinishReason;
import dev.junction.chat.Usage;
import dev.junction.observe.ChatListener;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.ProviderFactory;
import io.vertx.core.Future;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What listeners add to one call: {@code ChatModel.chat} through Junction's retry loop on a
 * provider that answers at once (an already completed future, no network), so that the call's own
 * cost is as small as it gets and the listener work is the difference between the arms:
 * {@code none} (no listener registered or discovered), {@code noop} (one listener overriding
 * nothing, so every event is built and delivered to empty methods).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ListenerOverheadBenchmark {
    private static final String MODEL = "gemini-2.5-pro";

    /** Which listeners the Junction has. */
    @Param({"none", "noop"})
    public String listeners;

    private Junction junction;
    private ChatModel model;
    private ChatRequest request;

    /** Builds the Junction for the arm and checks a call completes synchronously, on this thread. */
    @Setup(Level.Trial)
    public void setUp() {
        Junction.Builder builder = Junction.builder().environment(name -> null).discoverListeners(false)
                .factories(List.of(new InstantFactory()));
        if (listeners.equals("noop")) {
            builder.listener(new ChatListener() {
            });
        }
        junction = builder.build();
        model = junction.chatModel("instant:" + MODEL + "?apiKey=sk-bench&maxRetries=2");
        request = ChatRequest.builder().model(MODEL).user("用简单的语言解释量子计算").build();
        Future<ChatResponse> first = model.chat(request);
        if (!first.succeeded()) {
            throw new IllegalStateException("the call did not complete on the calling thread: " + first);
        }
    }

    /** Closes the Junction. */
    @TearDown(Level.Trial)
    public void tearDown() {
        junction.close();
    }

    /** One whole call; the completed future's response is returned to JMH's blackhole. */
    @Benchmark
    public ChatResponse call() {
        return model.chat(request).result();
    }

    /** A provider that answers every call at once with a fixed response. */
    public static final class InstantFactory implements ProviderFactory {
        private static final ProviderModels MODELS = new ProviderModels(List.of(
                new ModelInfo(MODEL, MODEL, EnumSet.of(Capability.STREAMING), null)));

        @Override
        public String id() {
            return "instant";
        }

        @Override
        public String displayName() {
            return "Instant (benchmark)";
        }

        @Override
        public ProviderModels models() {
            return MODELS;
        }

        @Override
        public Provider create(ProviderContext context) {
            ChatResponse answer = new ChatResponse("r-1", "instant", MODEL, MODEL, "量子计算利用量子比特。", null, List.of(),
                    List.of(), FinishReason.STOP, "stop", new Usage(12L, 9L, null, null, null, null, 21L, null), null, List.of(), List.of());
            return new Provider() {
                @Override
                public String id() {
                    return "instant";
                }

                @Override
                public String displayName() {
                    return "Instant (benchmark)";
                }

                @Override
                public URI baseUrl() {
                    return URI.create("http://127.0.0.1:1");
                }

                @Override
                public ProviderModels models() {
                    return MODELS;
                }

                @Override
                public Future<ChatResponse> chat(ChatRequest request) {
                    return Future.succeededFuture(answer);
                }

                @Override
                public ChatStream stream(ChatRequest request) {
                    throw new UnsupportedOperationException("the benchmark calls chat only");
                }
            };
        }
    }
}
