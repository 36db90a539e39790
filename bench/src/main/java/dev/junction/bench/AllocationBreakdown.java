package dev.junction.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.cost.Price;
import dev.junction.internal.cost.CostCalculator;
import dev.junction.internal.json.JsonMappers;
import dev.junction.internal.openai.plan.CallPlan;
import dev.junction.internal.openai.plan.CallPlanner;
import dev.junction.internal.openai.reply.ReplyReader;
import dev.junction.internal.openai.request.RequestWriter;
import dev.junction.internal.http.TransportOptions;
import dev.junction.internal.http.VertxHttpTransport;
import dev.junction.spi.HttpCall;
import dev.junction.spi.ProviderContext;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Where a call's bytes go, exactly: not a timing benchmark but a count, so it is stable on a busy
 * machine. Run with {@code java -cp bench/target/junction-bench.jar dev.junction.bench.AllocationBreakdown}.
 *
 * <ul>
 *   <li><b>Whole calls</b> against the {@link LoopbackStub}, one at a time, for the raw client,
 *       Junction ({@link PeerComparisonBenchmark}'s arms) and Junction's transport alone sending the
 *       raw arm's prebuilt body ({@code exchange}): bytes allocated by every thread per
 *       call, the stub's threads' share, the client's (the rest), and the context switches of
 *       all threads per call (from {@code /proc/self/task/}).</li>
 *   <li><b>Engine steps</b> of Junction's call, each on this thread alone: planning, writing the
 *       body, parsing the reply, reading it into the response (usage and cost included), and the
 *       cost alone. The steps' objects are taken from the provider by reflection, which is why
 *       this is a benchmark tool and not a test.</li>
 * </ul>
 *
 * <p>Each figure is measured after a warm-up of the same loop, so that the JIT has removed what
 * escape analysis removes.
 */
public final class AllocationBreakdown {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationBreakdown() {
    }

    /** Prints the figures. */
    public static void main(String[] args) throws Exception {
        LoopbackStub stub = LoopbackStub.start();
        PeerComparisonBenchmark.Stub stubState = new PeerComparisonBenchmark.Stub();
        stubState.stub = stub;
        PeerComparisonBenchmark.Raw raw = new PeerComparisonBenchmark.Raw();
        raw.setUp(stubState);
        PeerComparisonBenchmark.JunctionArm junction = new PeerComparisonBenchmark.JunctionArm();
        junction.setUp(stubState);
        System.out.println("whole calls, one at a time:");
        wholeCall("raw", stub, () -> PeerComparisonBenchmark.call(raw));
        wholeCall("junction", stub, () -> PeerComparisonBenchmark.call(junction));
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        VertxHttpTransport transport = new VertxHttpTransport(vertx, TransportOptions.defaults());
        java.net.URI uri = java.net.URI.create(stub.baseUrl() + "/chat/completions");
        // Junction's transport alone: the same prebuilt body as the raw arm, the headers Junction sends.
        wholeCall("exchange", stub, () -> transport.send(new HttpCall("aivideoapi", HttpMethod.POST, uri,
                        MultiMap.caseInsensitiveMultiMap().set("Content-Type", "application/json")
                                .set("Accept", "application/json").set("Authorization", "Bearer sk-bench"),
                        raw.body, Duration.ofSeconds(60), null, null))
                .toCompletionStage().toCompletableFuture().join());
        System.out.println("junction's engine steps, on one thread:");
        engineSteps(junction, stub);
        raw.tearDown();
        junction.tearDown();
        transport.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        stub.close();
    }

    private static void wholeCall(String arm, LoopbackStub stub, Callable<Object> call) throws Exception {
        int calls = 20_000;
        for (int i = 0; i < 30_000; i++) {
            call.call();
        }
        long switches = contextSwitches();
        long[] stubBefore = stub.usage();
        long before = allThreadsAllocated();
        for (int i = 0; i < calls; i++) {
            call.call();
        }
        long total = allThreadsAllocated() - before;
        long stubBytes = stub.usage()[0] - stubBefore[0];
        System.out.printf("  %-9s %,7.0f B per call: stub %,6.0f, client %,7.0f; %.2f context switches per call%n", arm,
                total / (double) calls, stubBytes / (double) calls, (total - stubBytes) / (double) calls,
                (contextSwitches() - switches) / (double) calls);
    }

    private static void engineSteps(PeerComparisonBenchmark.JunctionArm arm, LoopbackStub stub) throws Exception {
        Object provider = field(arm.model, "provider");
        CallPlanner planner = (CallPlanner) field(provider, "planner");
        RequestWriter writer = (RequestWriter) field(provider, "writer");
        ReplyReader reader = (ReplyReader) field(provider, "reader");
        ProviderContext context = (ProviderContext) field(provider, "context");
        ChatRequest request = arm.request;
        CallPlan plan = planner.plan(request);
        Price price = context.prices().find("aivideoapi", plan.model()).orElseThrow();
        io.vertx.core.buffer.Buffer reply = stub.replyBuffer();
        JsonNode tree = JsonMappers.LENIENT.readTree(reply.getBytes());
        ChatResponse response = reader.read(tree, plan, price);
        step("plan", () -> planner.plan(request));
        step("write the body", () -> writer.write(request, plan.vendorModel(), plan.reasoning(), false));
        step("parse the reply (" + reply.length() + " B)", () -> dev.junction.internal.json.ReplyTrees.read(reply));
        step("read the response", () -> reader.read(tree, plan, price));
        step("  of which usage", () -> ReplyReader.readUsage(tree.path("usage")));
        step("  of which cost", () -> CostCalculator.cost(response.usage(), price));
    }

    private static void step(String name, Callable<Object> step) throws Exception {
        int n = 100_000;
        for (int i = 0; i < 2 * n; i++) {
            step.call();
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            step.call();
        }
        System.out.printf("  %-28s %,6.0f B%n", name, (THREADS.getCurrentThreadAllocatedBytes() - before) / (double) n);
    }

    private static long allThreadsAllocated() {
        long sum = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    /** Voluntary and involuntary context switches of every thread of this JVM so far (Linux). */
    private static long contextSwitches() throws Exception {
        long sum = 0;
        File[] tasks = new File("/proc/self/task").listFiles();
        for (File task : tasks == null ? new File[0] : tasks) {
            try {
                for (String line : Files.readAllLines(new File(task, "status").toPath())) {
                    if (line.startsWith("voluntary_ctxt_switches") || line.startsWith("nonvoluntary_ctxt_switches")) {
                        sum += Long.parseLong(line.split("\\s+")[1]);
                    }
                }
            } catch (java.io.IOException gone) {
                // The thread ended between the listing and the read.
            }
        }
        return sum;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException e) {
                // Try the superclass.
            }
        }
        throw new NoSuchFieldException(name);
    }
}
