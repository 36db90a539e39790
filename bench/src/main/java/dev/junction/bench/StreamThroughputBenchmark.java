package dev.junction.bench;

import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue #14: streamed parts per second through the whole stack, against an in-JVM loopback vendor
 * ({@link LoopbackStub} with an {@link SseReply}: ~100-byte {@code chat.completion.chunk} content
 * events, a finishing event with usage, {@code [DONE]}, written in 16 KiB slices). Two arms:
 *
 * <ul>
 *   <li>{@code raw}: a Vert.x {@link HttpClient} posting the same request and counting the reply's
 *       event boundaries (blank lines) byte by byte: the floor, socket and HTTP only;</li>
 *   <li>{@code junction}: {@code aivideoapi:gemini-2.5-pro} pointed at the stub, {@code model.stream(request)}
 *       consumed to its end through the {@link ChatStream} handlers, counting the text parts: the
 *       whole path (retrying stream, SSE parser, chunk mapping, back-pressure, timers, cost).</li>
 * </ul>
 *
 * <p>Two scenarios: {@code *One} reads one stream of {@value #EVENTS} events at a time over a pool of
 * one connection; {@code *Many} opens {@value #STREAMS} streams of {@value #EVENTS_EACH} events at once,
 * from the one JMH thread, over a pool of {@value #STREAMS} connections, and waits for all. The
 * asynchronous clients need no thread per stream, so 256 JMH threads on a two-CPU machine would time
 * the scheduler of 256 parked threads rather than the stack; one thread opening them all is how an
 * asynchronous caller (a gateway) would. Scores are parts per second ({@link OperationsPerInvocation}
 * is the content events read per invocation); every invocation checks its part count and fails the
 * run on a lost part. With {@code -prof dev.junction.bench.ShareProfiler}, {@code cpu.time.norm} and
 * {@code client.cpu.norm} are the CPU time per part (the steadier figure on a shared machine). At
 * setup each arm also checks the request it sent and, for Junction, the whole text, the usage and
 * the finish.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StreamThroughputBenchmark {
    /** Content events of the one-stream scenario's reply (about 1 MB). */
    static final int EVENTS = 10_000;
    /** Concurrent streams of the many-stream scenario. */
    static final int STREAMS = 256;
    /** Content events of each reply in the many-stream scenario (about 100 KB). */
    static final int EVENTS_EACH = 1_000;

    /** The stub for the one-stream scenario. */
    @State(Scope.Benchmark)
    public static class OneStub {
        LoopbackStub stub;

        /** Starts it. */
        @Setup(Level.Trial)
        public void start() {
            stub = startStub(EVENTS);
        }

        /** Closes it. */
        @TearDown(Level.Trial)
        public void stop() {
            stub.close();
        }
    }

    /** The stub for the many-stream scenario. */
    @State(Scope.Benchmark)
    public static class ManyStub {
        LoopbackStub stub;

        /** Starts it. */
        @Setup(Level.Trial)
        public void start() {
            stub = startStub(EVENTS_EACH);
        }

        /** Closes it. */
        @TearDown(Level.Trial)
        public void stop() {
            stub.close();
        }
    }

    /** The raw client, one connection. */
    @State(Scope.Benchmark)
    public static class RawOne {
        RawSse arm;

        /** Builds it and checks one stream. */
        @Setup(Level.Trial)
        public void setUp(OneStub stub) {
            arm = new RawSse(stub.stub, 1);
        }

        /** Closes it. */
        @TearDown(Level.Trial)
        public void tearDown() {
            arm.close();
        }
    }

    /** The raw client, {@value #STREAMS} connections. */
    @State(Scope.Benchmark)
    public static class RawMany {
        RawSse arm;

        /** Builds it and checks one stream. */
        @Setup(Level.Trial)
        public void setUp(ManyStub stub) {
            arm = new RawSse(stub.stub, STREAMS);
        }

        /** Closes it. */
        @TearDown(Level.Trial)
        public void tearDown() {
            arm.close();
        }
    }

    /** Junction, one connection. */
    @State(Scope.Benchmark)
    public static class JunctionOne {
        JunctionSse arm;

        /** Builds it and checks one stream. */
        @Setup(Level.Trial)
        public void setUp(OneStub stub) {
            arm = new JunctionSse(stub.stub, 1);
        }

        /** Closes it. */
        @TearDown(Level.Trial)
        public void tearDown() {
            arm.close();
        }
    }

    /** Junction, {@value #STREAMS} connections. */
    @State(Scope.Benchmark)
    public static class JunctionMany {
        JunctionSse arm;

        /** Builds it and checks one stream. */
        @Setup(Level.Trial)
        public void setUp(ManyStub stub) {
            arm = new JunctionSse(stub.stub, STREAMS);
        }

        /** Closes it. */
        @TearDown(Level.Trial)
        public void tearDown() {
            arm.close();
        }
    }

    /** One stream through the raw client. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int rawOne(RawOne arm) {
        return one(arm.arm::stream, EVENTS);
    }

    /** One stream through Junction. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int junctionOne(JunctionOne arm) {
        return one(arm.arm::stream, EVENTS);
    }

    /** {@value #STREAMS} concurrent streams through the raw client. */
    @Benchmark
    @OperationsPerInvocation(STREAMS * EVENTS_EACH)
    public int rawMany(RawMany arm) {
        return many(arm.arm::stream, EVENTS_EACH);
    }

    /** {@value #STREAMS} concurrent streams through Junction. */
    @Benchmark
    @OperationsPerInvocation(STREAMS * EVENTS_EACH)
    public int junctionMany(JunctionMany arm) {
        return many(arm.arm::stream, EVENTS_EACH);
    }

    static LoopbackStub startStub(int events) {
        SseReply reply = new SseReply(events);
        LoopbackStub stub = LoopbackStub.start(reply);
        System.out.println("stub: " + stub.baseUrl() + ", streams " + reply.events() + " content events, "
                + reply.bytes() + " bytes");
        return stub;
    }

    /** Reads one stream to its end; fails unless it gave {@code expected} parts. */
    static int one(Supplier<Future<Integer>> stream, int expected) {
        int got = stream.get().toCompletionStage().toCompletableFuture().join();
        if (got != expected) {
            throw new IllegalStateException("read " + got + " parts of " + expected);
        }
        return got;
    }

    /** Opens {@value #STREAMS} streams at once and waits for all; fails unless each gave {@code expected} parts. */
    static int many(Supplier<Future<Integer>> stream, int expected) {
        List<Future<Integer>> streams = new ArrayList<>(STREAMS);
        for (int i = 0; i < STREAMS; i++) {
            streams.add(stream.get());
        }
        Future.all(streams).toCompletionStage().toCompletableFuture().join();
        int total = 0;
        for (Future<Integer> s : streams) {
            if (s.result() != expected) {
                throw new IllegalStateException("a stream read " + s.result() + " parts of " + expected);
            }
            total += s.result();
        }
        return total;
    }

    /** The floor: Vert.x's HTTP client, counting event boundaries, nothing decoded. */
    static final class RawSse {
        private final Vertx vertx = Vertx.vertx();
        private final HttpClient client;
        private final RequestOptions options;
        private final Buffer body;

        RawSse(LoopbackStub stub, int pool) {
            client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(pool));
            options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(stub.port())
                    .setURI("/v1/chat/completions")
                    .putHeader("Authorization", "Bearer sk-bench")
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Accept", "text/event-stream");
            body = Buffer.buffer("{\"model\":\"" + LoopbackStub.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
                    + LoopbackStub.PROMPT + "\"}],\"stream\":true}");
            stub.forget();
            int parts = one(this::stream, stub.streamEvents());
            System.out.println("raw: " + parts + " events counted; request fields " + stub.checkLastRequest("raw", true));
        }

        /** One request; completes with the content events counted (the blank lines, less the finish and [DONE]). */
        Future<Integer> stream() {
            Promise<Integer> done = Promise.promise();
            // On a context, so that the response's handlers are set before its first chunk can arrive.
            vertx.getOrCreateContext().runOnContext(v -> client.request(options)
                    .compose(request -> request.send(body))
                    .onSuccess(response -> {
                        if (response.statusCode() != 200) {
                            done.tryFail("raw: HTTP " + response.statusCode());
                            response.request().reset();
                            return;
                        }
                        BoundaryCounter counter = new BoundaryCounter();
                        response.handler(counter::feed);
                        response.exceptionHandler(done::tryFail);
                        response.endHandler(end -> done.tryComplete(counter.events - 2));
                    })
                    .onFailure(done::tryFail));
            return done.future();
        }

        void close() {
            client.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Counts "\n\n" across chunk boundaries. */
    private static final class BoundaryCounter {
        private int events;
        private byte previous;

        void feed(Buffer chunk) {
            int n = chunk.length();
            for (int i = 0; i < n; i++) {
                byte b = chunk.getByte(i);
                if (b == '\n' && previous == '\n') {
                    events++;
                }
                previous = b;
            }
        }
    }

    /** The whole stack: a Junction with aivideoapi at the stub, its stream read through the handlers. */
    static final class JunctionSse {
        private final Junction junction;
        private final ChatModel model;
        private final ChatRequest request;

        JunctionSse(LoopbackStub stub, int pool) {
            junction = Junction.builder().environment(name -> null).discoverListeners(false)
                    .maxConnectionsPerHost(pool).build();
            model = junction.chatModel("aivideoapi:" + LoopbackStub.MODEL + "?apiKey=sk-bench&baseUrl="
                    + stub.baseUrl() + "&maxRetries=2");
            request = ChatRequest.builder().model(LoopbackStub.MODEL).user(LoopbackStub.PROMPT).build();
            stub.forget();
            check(stub);
        }

        /** One stream; completes with the text parts counted, or fails with the stream's error. */
        Future<Integer> stream() {
            ChatStream stream = model.stream(request);
            Promise<Integer> done = Promise.promise();
            int[] parts = {0};
            stream.exceptionHandler(done::tryFail);
            stream.endHandler(v -> done.tryComplete(parts[0]));
            stream.handler(part -> {
                if (part instanceof StreamPart.TextDelta) {
                    parts[0]++;
                }
            });
            return done.future();
        }

        /** Reads one stream whole and fails unless text, usage and finish are exactly the stub's. */
        private void check(LoopbackStub stub) {
            ChatStream stream = model.stream(request);
            Promise<Void> done = Promise.promise();
            StringBuilder text = new StringBuilder();
            int[] parts = {0};
            List<StreamPart> other = new ArrayList<>();
            stream.exceptionHandler(done::tryFail);
            stream.endHandler(v -> done.tryComplete());
            stream.handler(part -> {
                if (part instanceof StreamPart.TextDelta d) {
                    parts[0]++;
                    text.append(d.text());
                } else {
                    other.add(part);
                }
            });
            done.future().toCompletionStage().toCompletableFuture().join();
            if (parts[0] != stub.streamEvents() || !text.toString().equals(stub.streamText())) {
                throw new IllegalStateException("junction: " + parts[0] + " text parts of " + stub.streamEvents()
                        + (text.toString().equals(stub.streamText()) ? "" : ", and not the stub's text"));
            }
            boolean usage = other.stream().anyMatch(p -> p instanceof StreamPart.UsageReport u
                    && Long.valueOf(stub.streamEvents()).equals(u.usage().outputTokens()) && u.cost() != null);
            if (!usage || !(other.get(other.size() - 1) instanceof StreamPart.Finish)) {
                throw new IllegalStateException("junction: no usage with cost, or no finish last: " + other);
            }
            System.out.println("junction: " + parts[0] + " text parts, text, usage and finish checked; other parts "
                    + other.stream().map(p -> p.getClass().getSimpleName()).toList()
                    + "; request fields " + stub.checkLastRequest("junction", true));
        }

        void close() {
            junction.close();
        }
    }
}
