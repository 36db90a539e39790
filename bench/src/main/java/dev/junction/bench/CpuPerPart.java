package dev.junction.bench;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The benchmark process's CPU time per part read, printed after each measurement iteration (a line
 * starting {@code cpu/part:}). On a machine shared with other work, a throughput score measures how
 * much CPU this process was given as much as what it needs; CPU time per part (all threads: the
 * stub's, the client's, GC and JIT) is the steadier figure to compare arms and changes by. It
 * includes the stub's cost, the same for every arm.
 */
@State(Scope.Benchmark)
public class CpuPerPart {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long cpuAtStart;
    private long parts;
    private long totalCpu;
    private long totalParts;

    /** Adds the parts one invocation read, and returns their number. */
    int count(int n) {
        parts += n;
        return n;
    }

    /** Notes the CPU time at the iteration's start. */
    @Setup(Level.Iteration)
    public void start() {
        parts = 0;
        cpuAtStart = OS.getProcessCpuTime();
    }

    /** Prints this measurement iteration's figure and the running mean over measurement iterations. */
    @TearDown(Level.Iteration)
    public void stop(BenchmarkParams benchmark, IterationParams iteration) {
        long cpu = OS.getProcessCpuTime() - cpuAtStart;
        if (iteration.getType() != IterationType.MEASUREMENT || parts == 0) {
            return;
        }
        totalCpu += cpu;
        totalParts += parts;
        String name = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
        System.out.printf("cpu/part: %s %.3f us (mean over measurement so far: %.3f us, %d parts)%n", name,
                cpu / 1e3 / parts, totalCpu / 1e3 / totalParts, totalParts);
    }
}
