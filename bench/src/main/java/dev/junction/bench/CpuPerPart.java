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
 * CPU time per part read, printed after each measurement iteration (a line starting
 * {@code cpu/part:}): the whole process's (stub, client, GC, JIT) and the client's alone (every Java
 * thread but the stub's serving threads: the client's event loops and the JMH thread). On a machine
 * shared with other work a throughput score measures how much CPU this process was given as much as
 * what it needs; CPU time per part is the figure to compare changes by.
 */
@State(Scope.Benchmark)
public class CpuPerPart {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long cpuAtStart;
    private java.util.Map<Long, Long> threadsAtStart;
    private long totalClient;
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
        threadsAtStart = threadCpu();
        cpuAtStart = OS.getProcessCpuTime();
    }

    /** CPU nanoseconds so far of every live Java thread but the stubs' serving threads, by thread id. */
    private static java.util.Map<Long, Long> threadCpu() {
        java.util.Set<Long> stub = new java.util.HashSet<>();
        for (Thread t : LoopbackStub.SERVING_THREADS) {
            stub.add(t.getId());
        }
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long ns = stub.contains(id) ? -1 : THREADS.getThreadCpuTime(id);
            if (ns >= 0) {
                cpu.put(id, ns);
            }
        }
        return cpu;
    }

    /** Prints this measurement iteration's figure and the running mean over measurement iterations. */
    @TearDown(Level.Iteration)
    public void stop(BenchmarkParams benchmark, IterationParams iteration) {
        long cpu = OS.getProcessCpuTime() - cpuAtStart;
        long client = 0;
        for (java.util.Map.Entry<Long, Long> t : threadCpu().entrySet()) {
            client += t.getValue() - threadsAtStart.getOrDefault(t.getKey(), 0L);
        }
        if (iteration.getType() != IterationType.MEASUREMENT || parts == 0) {
            return;
        }
        totalCpu += cpu;
        totalClient += client;
        totalParts += parts;
        String name = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
        System.out.printf("cpu/part: %s process %.3f us, client %.3f us (mean so far: process %.3f us, client %.3f us, %d parts)%n",
                name, cpu / 1e3 / parts, client / 1e3 / parts, totalCpu / 1e3 / totalParts, totalClient / 1e3 / totalParts, totalParts);
    }
}
