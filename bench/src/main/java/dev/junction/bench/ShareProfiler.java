package dev.junction.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof dev.junction.bench.ShareProfiler}) that splits each operation's cost
 * between the client under test and the {@link LoopbackStub} serving it, per iteration, divided by
 * the operations JMH counted (as {@code -prof gc} does):
 *
 * <ul>
 *   <li>{@code cpu.time.norm}: the whole JVM's CPU time (user + system), µs per operation;</li>
 *   <li>{@code stub.cpu.norm} and {@code stub.alloc.norm}: the stub's threads' CPU time (µs) and
 *       allocation (bytes) per operation;</li>
 *   <li>{@code client.cpu.norm}: the first minus the stub's: the client's, JMH's and the JVM's own
 *       (GC, compiler) share.</li>
 * </ul>
 *
 * <p>Why CPU time: on a machine shared with other work, throughput says how much CPU this JVM was
 * given, not how much a call needs. CPU time per call counts only what the JVM spent, so arms compare
 * as ratios even when the machine is busy. It does not count time spent waiting, so it complements
 * latency, never replaces it. Client allocation is {@code gc.alloc.rate.norm} (from {@code -prof gc})
 * minus {@code stub.alloc.norm}.
 */
public final class ShareProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long processCpu;
    private long[] stub;

    @Override
    public String getDescription() {
        return "CPU time per operation, and the loopback stub's share of CPU and allocation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        LoopbackStub running = LoopbackStub.running;
        stub = running == null ? null : running.usage();
        processCpu = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = os.getProcessCpuTime() - processCpu;
        double ops = result.getMetadata().getAllOps();
        List<Result> out = new ArrayList<>();
        if (ops == 0) {
            return out;
        }
        out.add(new ScalarResult("cpu.time.norm", cpu / 1e3 / ops, "µs/op", AggregationPolicy.AVG));
        LoopbackStub running = LoopbackStub.running;
        if (running != null && stub != null) {
            long[] now = running.usage();
            double stubCpu = (now[1] - stub[1]) / 1e3 / ops;
            out.add(new ScalarResult("stub.cpu.norm", stubCpu, "µs/op", AggregationPolicy.AVG));
            out.add(new ScalarResult("stub.alloc.norm", (now[0] - stub[0]) / ops, "B/op", AggregationPolicy.AVG));
            out.add(new ScalarResult("client.cpu.norm", cpu / 1e3 / ops - stubCpu, "µs/op", AggregationPolicy.AVG));
        }
        return out;
    }
}
