package dev.junction.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.junction.internal.json.JsonMappers;
import dev.junction.internal.openai.stream.ChunkMapper;
import dev.junction.internal.sse.SseParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JSON step of {@link SseMappingBenchmark} alone, to attribute its cost: the engine's
 * {@code JsonMappers.LENIENT.readTree(String)} on each event's data, next to two cheaper ways of building
 * the same tree (a prepared {@link ObjectReader}, and parsing the UTF-8 bytes without first
 * decoding them to a String). Same input, same package-private access as {@link SseMappingBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JsonTreeBenchmark {
    private static final ObjectReader TREE_READER = JsonMappers.LENIENT.readerFor(JsonNode.class);

    private String[] data;
    private byte[][] dataBytes;

    /** Splits the benchmark reply into its events' data, as the SSE parser hands them over. */
    @Setup
    public void setUp() {
        List<String> events = new ArrayList<>();
        byte[] reply = SseMappingBenchmark.reply();
        SseParser parser = new SseParser(SseParser.DEFAULT_MAX_EVENT_BYTES, event -> events.add(event.data()));
        parser.feed(reply, 0, reply.length);
        parser.end();
        events.subList(SseMappingBenchmark.EVENTS, events.size()).clear();
        data = events.toArray(String[]::new);
        dataBytes = events.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /** What {@code ChunkMapper.onData} does today. */
    @Benchmark
    @OperationsPerInvocation(SseMappingBenchmark.EVENTS)
    public void mapperReadTreeString(Blackhole bh) throws IOException {
        for (String d : data) {
            bh.consume(JsonMappers.LENIENT.readTree(d));
        }
    }

    /** A prepared reader: skips the per-call root type lookup and deserializer resolution. */
    @Benchmark
    @OperationsPerInvocation(SseMappingBenchmark.EVENTS)
    public void readerReadTreeString(Blackhole bh) throws IOException {
        for (String d : data) {
            bh.consume(TREE_READER.readTree(d));
        }
    }

    /** Parsing the event's UTF-8 bytes directly, as a byte-level SSE event would allow. */
    @Benchmark
    @OperationsPerInvocation(SseMappingBenchmark.EVENTS)
    public void readerReadTreeBytes(Blackhole bh) throws IOException {
        for (byte[] d : dataBytes) {
            bh.consume(TREE_READER.readTree(d));
        }
    }
}
