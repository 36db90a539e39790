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
 * A JMH profiler ({@code -prof dev.junction.bench.ProxyCpuProfiler}) for
 * {@link GatewayOverheadBenchmark}: CPU time per call, per iteration, divided by the operations JMH
 * counted, so that the arms compare by what a call costs rather than by what a busy machine lets it
 * wait for:
 *
 * <ul>
 *   <li>{@code jvm.cpu.norm}: this JVM's CPU time (client, stub, JMH, and in the junction arm the
 *       gateway), µs per call;</li>
 *   <li>{@code portkey.cpu.norm}: the Portkey child process's CPU time, µs per call (portkey arm only).</li>
 * </ul>
 *
 * <p>An arm's added CPU per call is its {@code jvm.cpu.norm} (+ {@code portkey.cpu.norm}) minus the
 * direct arm's {@code jvm.cpu.norm}. Unlike latency it does not count waiting for a CPU, though a
 * crowded machine still inflates it (caches, frequency).
 */
public final class ProxyCpuProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long jvmCpu;
    private long portkeyCpu;

    @Override
    public String getDescription() {
        return "CPU time per call of this JVM and of the Portkey child process";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        PortkeyProcess portkey = PortkeyProcess.running;
        portkeyCpu = portkey == null ? -1 : portkey.cpuNanos();
        jvmCpu = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long jvm = os.getProcessCpuTime() - jvmCpu;
        double ops = result.getMetadata().getAllOps();
        List<Result> out = new ArrayList<>();
        if (ops == 0) {
            return out;
        }
        out.add(new ScalarResult("jvm.cpu.norm", jvm / 1e3 / ops, "µs/op", AggregationPolicy.AVG));
        PortkeyProcess portkey = PortkeyProcess.running;
        if (portkey != null && portkeyCpu >= 0) {
            long now = portkey.cpuNanos();
            if (now >= 0) {
                out.add(new ScalarResult("portkey.cpu.norm", (now - portkeyCpu) / 1e3 / ops, "µs/op", AggregationPolicy.AVG));
            }
        }
        return out;
    }
}
