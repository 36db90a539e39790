package dev.junction.bench;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue #14, step 1: one non-streamed chat call against an in-JVM loopback vendor
 * ({@link LoopbackStub}: 127.0.0.1, a canned ~1.4 KB aivideoapi-shaped reply), through four clients:
 *
 * <ul>
 *   <li>{@code raw}: Vert.x {@link WebClient} posting a prebuilt JSON {@link Buffer} and reading the
 *       reply as a Buffer, pool of 64 connections: the floor, with no JSON work at all;</li>
 *   <li>{@code junction}: {@code aivideoapi:gemini-2.5-pro} with {@code baseUrl} at the stub, the whole
 *       path (request mapping, retry loop, reply parsing, cost), 64 connections;</li>
 *   <li>{@code openaiJava}: {@code com.openai:openai-java} (OkHttp), {@code chat().completions().create};</li>
 *   <li>{@code langchain4j}: {@code langchain4j-open-ai}'s {@code OpenAiChatModel.chat} (JDK HTTP client).</li>
 * </ul>
 *
 * <p>Each invocation is one blocking call from the JMH thread. {@code @Threads(1)} is concurrency 1;
 * {@code -t 64} on the command line is concurrency 64, the 64 threads sharing each arm's one client.
 * Every arm is a {@code @Benchmark} of this class, so one JMH invocation runs them all, in JMH's
 * order. Each arm's client lives in its own {@code @State}, so a fork builds only the client it times.
 *
 * <p>At setup each arm makes one call and fails unless it returned the stub's canned text and sent an
 * equivalent request: HTTP/1.1, JSON, model {@code gemini-2.5-pro}, one user message with the same
 * prompt, not streamed (Junction sends {@code "stream": false}, as aivideoapi streams by default).
 * The body's top-level fields are printed, since the peers add their own defaults.
 *
 * <p>All arms retry at most twice, none retries in practice (the stub always answers 200), and no
 * listener, logging or tracing is configured. Client, stub and JMH share the machine's CPUs.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PeerComparisonBenchmark {
    /** Connections per host for the clients that take a limit (raw and junction). */
    static final int POOL = 64;

    /** The stub vendor, one per fork. */
    @State(Scope.Benchmark)
    public static class Stub {
        LoopbackStub stub;

        /** Starts the stub. */
        @Setup(Level.Trial)
        public void start() {
            stub = LoopbackStub.start();
            System.out.println("stub: " + stub.baseUrl() + ", reply " + stub.replyBytes() + " bytes");
        }

        /** Closes the stub. */
        @TearDown(Level.Trial)
        public void stop() {
            stub.close();
        }

        /** Checks one arm's first call: the canned text back, an equivalent request out. */
        void check(String arm, String text) {
            if (!stub.content().equals(text)) {
                throw new IllegalStateException(arm + ": expected the canned text, got: " + text);
            }
            System.out.println(arm + ": canned reply received; request fields " + stub.checkLastRequest(arm));
        }
    }

    /** The raw Vert.x WebClient on its own Vert.x, and the prebuilt request body. */
    @State(Scope.Benchmark)
    public static class Raw {
        Vertx vertx;
        WebClient client;
        Buffer body;
        int port;

        /** Builds the client and checks one call. */
        @Setup(Level.Trial)
        public void setUp(Stub stub) throws Exception {
            vertx = Vertx.vertx();
            client = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(POOL));
            port = stub.stub.port();
            body = Buffer.buffer("{\"model\":\"" + LoopbackStub.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
                    + LoopbackStub.PROMPT + "\"}],\"stream\":false}");
            stub.stub.forget();
            Buffer reply = call(this);
            String text = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reply.toString(StandardCharsets.UTF_8))
                    .path("choices").path(0).path("message").path("content").asText();
            stub.check("raw", text);
        }

        /** Closes the client and its Vert.x. */
        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            client.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A Junction with the aivideoapi provider pointed at the stub. */
    @State(Scope.Benchmark)
    public static class JunctionArm {
        Junction junction;
        ChatModel model;
        ChatRequest request;

        /** Builds the Junction and checks one call, cost included. */
        @Setup(Level.Trial)
        public void setUp(Stub stub) {
            junction = Junction.builder().environment(name -> null).discoverListeners(false)
                    .maxConnectionsPerHost(POOL).build();
            model = junction.chatModel("aivideoapi:" + LoopbackStub.MODEL + "?apiKey=sk-bench&baseUrl="
                    + stub.stub.baseUrl() + "&maxRetries=2");
            request = ChatRequest.builder().model(LoopbackStub.MODEL).user(LoopbackStub.PROMPT).build();
            stub.stub.forget();
            ChatResponse response = call(this);
            if (response.cost() == null) {
                throw new IllegalStateException("junction: the response has no cost");
            }
            stub.check("junction", response.text());
        }

        /** Closes the Junction (and the Vert.x it made). */
        @TearDown(Level.Trial)
        public void tearDown() {
            junction.close();
        }
    }

    /** openai-java's OkHttp client pointed at the stub. */
    @State(Scope.Benchmark)
    public static class OpenAiJava {
        OpenAIClient client;
        ChatCompletionCreateParams params;

        /** Builds the client and checks one call. */
        @Setup(Level.Trial)
        public void setUp(Stub stub) {
            client = OpenAIOkHttpClient.builder().apiKey("sk-bench").baseUrl(stub.stub.baseUrl()).maxRetries(2)
                    .maxIdleConnections(POOL).keepAliveDuration(java.time.Duration.ofMinutes(5)).build();
            params = ChatCompletionCreateParams.builder().model(LoopbackStub.MODEL).addUserMessage(LoopbackStub.PROMPT).build();
            stub.stub.forget();
            ChatCompletion completion = call(this);
            stub.check("openai-java", completion.choices().get(0).message().content().orElse(null));
        }

        /** Closes the client. */
        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
        }
    }

    /** langchain4j's OpenAiChatModel pointed at the stub. */
    @State(Scope.Benchmark)
    public static class LangChain4j {
        OpenAiChatModel model;
        dev.langchain4j.model.chat.request.ChatRequest request;

        /** Builds the model and checks one call. */
        @Setup(Level.Trial)
        public void setUp(Stub stub) {
            model = OpenAiChatModel.builder().baseUrl(stub.stub.baseUrl()).apiKey("sk-bench").modelName(LoopbackStub.MODEL)
                    .maxRetries(2).build();
            request = dev.langchain4j.model.chat.request.ChatRequest.builder().messages(UserMessage.from(LoopbackStub.PROMPT)).build();
            stub.stub.forget();
            stub.check("langchain4j", call(this).aiMessage().text());
        }
    }

    /** The raw client: prebuilt Buffer out, Buffer back. */
    @Benchmark
    public Buffer raw(Raw arm) {
        return call(arm);
    }

    /** Junction's whole non-streamed path, cost included. */
    @Benchmark
    public ChatResponse junction(JunctionArm arm) {
        return call(arm);
    }

    /** openai-java's blocking create. */
    @Benchmark
    public ChatCompletion openaiJava(OpenAiJava arm) {
        return call(arm);
    }

    /** langchain4j's blocking chat. */
    @Benchmark
    public dev.langchain4j.model.chat.response.ChatResponse langchain4j(LangChain4j arm) {
        return call(arm);
    }

    static Buffer call(Raw arm) {
        HttpResponse<Buffer> response = arm.client.post(arm.port, "127.0.0.1", "/v1/chat/completions")
                .putHeader("Authorization", "Bearer sk-bench")
                .putHeader("Content-Type", "application/json")
                .sendBuffer(arm.body).toCompletionStage().toCompletableFuture().join();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("raw: HTTP " + response.statusCode());
        }
        return response.bodyAsBuffer();
    }

    static ChatResponse call(JunctionArm arm) {
        return arm.model.chat(arm.request).toCompletionStage().toCompletableFuture().join();
    }

    static ChatCompletion call(OpenAiJava arm) {
        return arm.client.chat().completions().create(arm.params);
    }

    static dev.langchain4j.model.chat.response.ChatResponse call(LangChain4j arm) {
        return arm.model.chat(arm.request);
    }
}
