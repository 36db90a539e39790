package dev.junction.bench;

import dev.junction.chat.StreamPart;
import dev.junction.cost.Price;
import dev.junction.internal.openai.errors.ErrorReplies;
import dev.junction.internal.openai.plan.CallPlan;
import dev.junction.internal.openai.stream.ChunkMapper;
import dev.junction.internal.openai.stream.StreamingCall;
import dev.junction.internal.sse.SseEvent;
import dev.junction.internal.sse.SseParser;
import dev.junction.spi.ProviderSettings;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.VendorProfile;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the streaming engine on one thread, in SSE events (chunks) per second: the bytes
 * of one streamed reply go through the real {@link SseParser} and {@link ChunkMapper}, exactly as
 * {@code StreamingCall} wires them, minus Vert.x and the socket.
 *
 * <p>{@link ChunkMapper} and {@link CallPlan} are public classes of core's engine packages, which
 * core does not export: the bench reaches them on the class path (it has no module-info), as the
 * architecture rules allow it alone to, and never declares classes in core's packages.
 *
 * <p>Input: one reply of {@value #EVENTS} {@code delta.content} events of exactly
 * {@value #EVENT_BYTES} bytes each (mixed Chinese and English text, some JSON escapes), then a
 * finishing event with usage and {@code [DONE]}, delivered as network-sized {@link Buffer}s of
 * {@link #chunkBytes} bytes that cut events (and UTF-8 characters) anywhere. One operation is the
 * whole reply; {@link OperationsPerInvocation} turns that into events per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SseMappingBenchmark {
    /** Content events per reply, and so per benchmark operation. */
    static final int EVENTS = 10_000;
    /** The size of every content event on the wire, {@code data: } and the blank line included. */
    static final int EVENT_BYTES = 100;

    /**
     * JSON-encoded content fragments; each makes an event of exactly {@value #EVENT_BYTES} bytes.
     * Chinese text dominates, as in the vendors' docs; two carry escapes Jackson must decode.
     */
    private static final String[] CONTENT = {
        "量子计算很有前途, ",
        "它利用叠加与纠缠\\n",
        "Quantum computing is neat.",
        "比特可同时为 0 和 1",
        "**Shor**算法分解大数",
        "误差校正仍是难题!!",
        "\\\"量子优越性\\\"已证.",
        "Grover 搜索: O(√N) 步",
    };
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String PREFIX = "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"";
    private static final String SUFFIX = "\"}}]}\n\n";

    /** The finishing event (empty delta, finish reason, usage) and {@code [DONE]}, after {@code events} content events. */
    private static String tail(int events) {
        return "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + events
                + ",\"total_tokens\":" + (events + 12) + "}}\n\ndata: [DONE]\n\n";
    }

    /** Size of the network chunks the reply arrives in. */
    @Param({"8192", "1024"})
    public int chunkBytes;

    private Buffer[] chunks;
    private Dialect dialect;
    private CallPlan plan;
    private Price price;
    private ErrorReplies errors;
    private MultiMap headers;

    /** Builds the reply, slices it, and checks once that the mapping sees every event. */
    @Setup
    public void setUp() {
        byte[] reply = reply();
        List<Buffer> slices = new ArrayList<>();
        for (int from = 0; from < reply.length; from += chunkBytes) {
            slices.add(Buffer.buffer(java.util.Arrays.copyOfRange(reply, from, Math.min(reply.length, from + chunkBytes))));
        }
        chunks = slices.toArray(Buffer[]::new);

        VendorProfile profile = VendorProfile.read(
                SseMappingBenchmark.class.getResourceAsStream("/dev/junction/bench/bench.json"), "bench.json");
        dialect = Dialect.OPENAI;
        plan = new CallPlan(profile.id(), "gemini-2.5-pro", "gemini-2.5-pro", List.of(),
                "bench publishes no price for gemini-2.5-pro");
        price = profile.prices().get(0);
        errors = new ErrorReplies(profile, dialect, ProviderSettings.defaults(profile.id()));
        headers = MultiMap.caseInsensitiveMultiMap();
        verify();
    }

    /** SSE parse plus mapping to canonical parts: the engine's per-chunk work in a streamed call. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void parseAndMap(Blackhole bh) {
        mapReply(bh::consume);
    }

    /**
     * As {@link #parseAndMap}, wired as {@code StreamingCall} was before issue #14's whole-stack work:
     * each event's data decoded to a String, then mapped from the String.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void parseAndMapString(Blackhole bh) {
        ChunkMapper mapper = new ChunkMapper(dialect, plan, price, errors, headers);
        Consumer<StreamPart> out = bh::consume;
        SseParser parser = new SseParser(SseParser.DEFAULT_MAX_EVENT_BYTES, (SseEvent event) -> {
            if (mapper.onData(event.data(), out)) {
                mapper.finish(out);
            }
        });
        for (Buffer chunk : chunks) {
            parser.feed(chunk);
        }
        parser.end();
    }

    /** The SSE parser alone, each event's data handed to the blackhole: the floor under {@link #parseAndMap}. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void parseOnly(Blackhole bh) {
        SseParser parser = new SseParser(SseParser.DEFAULT_MAX_EVENT_BYTES, event -> bh.consume(event.data()));
        for (Buffer chunk : chunks) {
            parser.feed(chunk);
        }
        parser.end();
    }

    private void mapReply(Consumer<StreamPart> out) {
        // One mapper and parser per reply, as StreamingCall makes one per call.
        ChunkMapper mapper = new ChunkMapper(dialect, plan, price, errors, headers);
        SseParser parser = new SseParser(SseParser.DEFAULT_MAX_EVENT_BYTES, (type, data, offset, length, id) -> {
            if (mapper.onData(data, offset, length, out)) {
                mapper.finish(out);
            }
        });
        for (Buffer chunk : chunks) {
            parser.feed(chunk);
        }
        parser.end();
    }

    /** Fails the run early if the input or the wiring is wrong, rather than timing a broken path. */
    private void verify() {
        int[] deltas = {0};
        boolean[] finished = {false};
        StringBuilder text = new StringBuilder();
        mapReply(part -> {
            if (part instanceof StreamPart.TextDelta d) {
                deltas[0]++;
                text.append(d.text());
            } else if (part instanceof StreamPart.Finish) {
                finished[0] = true;
            } else if (part instanceof StreamPart.Warning w) {
                throw new IllegalStateException("unexpected warning: " + w);
            }
        });
        if (deltas[0] != EVENTS || !finished[0] || !text.toString().contains("\"量子优越性\"")) {
            throw new IllegalStateException("mapped " + deltas[0] + " deltas of " + EVENTS + ", finished: " + finished[0]);
        }
    }

    /** The reply's bytes; every content event is checked to be exactly {@value #EVENT_BYTES} bytes. */
    static byte[] reply() {
        return reply(EVENTS);
    }

    /** A reply of {@code events} content events, then the finishing event and {@code [DONE]}. */
    static byte[] reply(int events) {
        String tail = tail(events);
        ByteArrayOutputStream out = new ByteArrayOutputStream(events * EVENT_BYTES + tail.length() * 2);
        for (int i = 0; i < events; i++) {
            byte[] event = (PREFIX + CONTENT[i % CONTENT.length] + SUFFIX).getBytes(StandardCharsets.UTF_8);
            if (event.length != EVENT_BYTES) {
                throw new IllegalStateException("event " + i + " is " + event.length + " bytes, not " + EVENT_BYTES);
            }
            out.writeBytes(event);
        }
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The text content event {@code i} carries, JSON escapes decoded. */
    static String decodedContent(int i) {
        try {
            return JSON.readValue("\"" + CONTENT[i % CONTENT.length] + "\"", String.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
