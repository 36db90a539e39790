package dev.junction.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gateway's added latency: one non-streamed chat call, the same request body and the same canned
 * ~1.4 KB reply, through three paths to the in-JVM {@link LoopbackStub} at acedata's chat path:
 *
 * <ul>
 *   <li>{@code direct}: client → stub, the floor;</li>
 *   <li>{@code portkey}: client → {@code @portkey-ai/gateway} {@value PortkeyProcess#VERSION} (a
 *       child Node process, {@link PortkeyProcess}, provider {@code openai} with the stub as custom
 *       host) → stub;</li>
 *   <li>{@code junction}: client → Junction's gateway ({@code dev.junction.gateway.Gateway}, in this
 *       JVM, routing {@code acedata/gemini-2.5-pro} with {@code ACEDATA_BASE_URL} at the stub) → stub.
 *       Its target is built by {@code JunctionGatewayTarget}, the only file that names the gateway's
 *       API; it is loaded by name, so that this class compiles while that file is excluded.</li>
 * </ul>
 *
 * <p>Added latency is an arm's percentile minus {@code direct}'s, from the same JMH run
 * ({@code bench/gateway-run.sh}, {@code bench/gateway_report.py}). Every arm is a {@code @Benchmark}
 * of this class, so one JMH invocation runs them one after another, each in its own fork; they are
 * not interleaved call by call, so a change in the machine's load between forks shows up as added
 * latency, which is why the script runs them back to back and reports them together.
 *
 * <p>Client: one Vert.x {@link HttpClient} (HTTP/1.1, keep-alive, pool of {@value #POOL} per
 * host), the same for every arm; each operation is one blocking call (the JMH thread awaits the
 * future). Sample mode gives p50/p90/p99; {@code -t 1} and {@code -t 64} are the concurrencies.
 *
 * <p>Fairness: the stub runs in the benchmark's JVM for every arm (its own Vert.x), so its cost is
 * the same in all three and cancels in the difference. Junction's gateway also runs in that JVM
 * (as an embedding user would run it, its own Vert.x), sharing heap, GC and JIT threads with the
 * client and the stub; Portkey runs in its own Node process, with its own heap. All of it shares
 * the machine's CPUs.
 *
 * <p>By default each thread calls back to back (a closed loop), so at {@code -t 64} the machine is
 * saturated and latency is mostly queueing: about 64 x (CPU per call) / (CPUs), for every hop on the
 * path. {@code -p thinkMicros=N} makes each thread wait a random time of mean N µs before each call,
 * outside the measured time ({@link Pace}), so that 64 clients offer a load the machine can serve and the added latency
 * is the hop's own cost plus modest queueing.
 *
 * <p>At setup each arm makes one call and fails unless it got 200 with the stub's canned text, and
 * the stub saw an equivalent request (HTTP/1.1, JSON, model {@code gemini-2.5-pro}, the one user
 * message, not streamed); the fields each proxy sent upstream are printed.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GatewayOverheadBenchmark {
    /** Connections per host in the client's pool: enough for concurrency 64 without queueing. */
    static final int POOL = 64;
    /** The class that builds the junction arm's target; excluded from the build until the gateway is merged. */
    static final String JUNCTION_TARGET = "dev.junction.bench.JunctionGatewayTarget";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The stub vendor, one per fork. */
    @State(Scope.Benchmark)
    public static class Stub {
        LoopbackStub stub;

        /** Starts the stub. */
        @Setup(Level.Trial)
        public void start() {
            stub = LoopbackStub.start();
            System.out.println("stub: " + stub.rootUrl() + LoopbackStub.ACEDATA_CHAT_PATH + ", reply " + stub.replyBytes()
                    + " bytes");
        }

        /** Closes the stub. */
        @TearDown(Level.Trial)
        public void stop() {
            stub.close();
        }
    }

    /** The one client every arm uses, on its own Vert.x. */
    @State(Scope.Benchmark)
    public static class Client {
        Vertx vertx;
        HttpClient client;

        /** Builds the client. */
        @Setup(Level.Trial)
        public void start() {
            vertx = Vertx.vertx();
            client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(60),
                    new PoolOptions().setHttp1MaxSize(POOL));
        }

        /** Closes the client and its Vert.x. */
        @TearDown(Level.Trial)
        public void stop() throws Exception {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        /** One call: posts the target's body, fails unless 200, returns the reply body. */
        Buffer call(Arm arm) {
            return client.request(arm.options)
                    .compose(request -> request.send(arm.target.body()))
                    .compose(response -> response.statusCode() == 200
                            ? response.body()
                            : response.body().compose(body -> Future.failedFuture(new IllegalStateException(arm.target.arm()
                                    + ": HTTP " + response.statusCode() + ": " + body.toString(StandardCharsets.UTF_8)))))
                    .toCompletionStage().toCompletableFuture().join();
        }
    }

    /**
     * Each thread's think time before a call; 0, the default, is a closed loop. The time is drawn
     * from an exponential distribution of that mean (capped at 10 means), so that the threads, which
     * all start together, do not call in bursts of 64 but about as independent clients would.
     */
    @State(Scope.Thread)
    public static class Pace {
        /** The mean of the microseconds each thread waits before each call, not measured. */
        @Param("0")
        public long thinkMicros;

        /** Waits the think time (JMH leaves an invocation-level fixture out of the measured time). */
        @Setup(Level.Invocation)
        public void think() {
            if (thinkMicros > 0) {
                double draw = -Math.log(1 - java.util.concurrent.ThreadLocalRandom.current().nextDouble());
                LockSupport.parkNanos((long) (Math.min(draw, 10) * TimeUnit.MICROSECONDS.toNanos(thinkMicros)));
            }
        }
    }

    /** One arm: its target and the request options built from it. */
    abstract static class Arm {
        HttpTarget target;
        RequestOptions options;

        /** Takes the target and checks one call through it, closing it if the check fails. */
        void open(HttpTarget target, Stub stub, Client client) throws Exception {
            this.target = target;
            this.options = target.requestOptions();
            try {
                stub.stub.forget();
                Buffer reply = client.call(this);
                JsonNode json = MAPPER.readTree(reply.toString(StandardCharsets.UTF_8));
                String text = json.path("choices").path(0).path("message").path("content").asText(null);
                if (!stub.stub.content().equals(text)) {
                    throw new IllegalStateException(target.arm() + ": expected the canned text, got: " + reply);
                }
                System.out.println(target.arm() + ": canned reply received (" + reply.length() + " bytes back); upstream request fields "
                        + stub.stub.checkLastRequest(target.arm()));
            } catch (Exception | Error e) {
                target.stop();
                throw e;
            }
        }

        /** Closes the target. */
        void close() throws Exception {
            if (target != null) {
                target.stop();
            }
        }
    }

    /** Client → stub. */
    @State(Scope.Benchmark)
    public static class Direct extends Arm {
        /** Checks one call. */
        @Setup(Level.Trial)
        public void setUp(Stub stub, Client client) throws Exception {
            open(HttpTarget.direct(stub.stub), stub, client);
        }

        /** Nothing to stop. */
        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            close();
        }
    }

    /** Client → Portkey (a child Node process) → stub. */
    @State(Scope.Benchmark)
    public static class Portkey extends Arm {
        /** Starts Portkey, waits until it answers, and checks one call. */
        @Setup(Level.Trial)
        public void setUp(Stub stub, Client client) throws Exception {
            PortkeyProcess portkey = PortkeyProcess.start();
            System.out.println("portkey " + PortkeyProcess.VERSION + ": pid " + portkey.pid() + ", port " + portkey.port()
                    + ", log " + portkey.log());
            String customHost = stub.stub.rootUrl() + LoopbackStub.ACEDATA_CHAT_PATH.replaceFirst("/chat/completions$", "");
            open(new HttpTarget("portkey", portkey.port(), "/v1/chat/completions",
                    PortkeyProcess.proxyHeaders(HttpTarget.baseHeaders(), customHost), HttpTarget.chatBody(LoopbackStub.MODEL),
                    portkey), stub, client);
        }

        /** Stops Portkey. */
        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            close();
        }
    }

    /** Client → Junction's gateway (in this JVM) → stub. */
    @State(Scope.Benchmark)
    public static class Junction extends Arm {
        /** Starts the gateway through {@code JunctionGatewayTarget} and checks one call. */
        @Setup(Level.Trial)
        public void setUp(Stub stub, Client client) throws Exception {
            HttpTarget.Factory factory;
            try {
                factory = (HttpTarget.Factory) Class.forName(JUNCTION_TARGET).getDeclaredConstructor().newInstance();
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the junction arm is not built: " + JUNCTION_TARGET + " is excluded in "
                        + "bench/pom.xml until dev.junction.gateway is merged; remove that <exclude> and rebuild", e);
            }
            open(factory.start(stub.stub), stub, client);
        }

        /** Stops the gateway. */
        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            close();
        }
    }

    /** Client → stub. */
    @Benchmark
    public Buffer direct(Client client, Direct arm, Pace pace) {
        return client.call(arm);
    }

    /** Client → Portkey → stub. */
    @Benchmark
    public Buffer portkey(Client client, Portkey arm, Pace pace) {
        return client.call(arm);
    }

    /** Client → Junction's gateway → stub. */
    @Benchmark
    public Buffer junction(Client client, Junction arm, Pace pace) {
        return client.call(arm);
    }
}
