package dev.junction.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-JVM OpenAI-compatible vendor on 127.0.0.1 (ephemeral port), on its own {@link Vertx}: every
 * {@code POST /v1/chat/completions} gets the same canned, non-streamed chat completion. The reply
 * has aivideoapi's documented shape (provider-aivideoapi's fixture {@code gemini-2.5-pro-reply.json})
 * with its content padded so that the whole body is about 1.4 KB. acedata's chat path
 * ({@link #ACEDATA_CHAT_PATH}, read from provider-acedata's profile) gets the same reply, so that a
 * client, a proxy and Junction's gateway routing to acedata all reach the same handler
 * ({@link GatewayOverheadBenchmark}). Anything else is a 404.
 *
 * <p>Started with a {@link SseReply} ({@link #start(SseReply)}), it answers a request whose body
 * holds {@code "stream":true} with that event stream instead; started without one, it answers every
 * chat request with the JSON reply, as before.
 *
 * <p>The server speaks HTTP/1.1 only (no h2c upgrade), so every client under test uses the same
 * protocol; the JDK client behind langchain4j would otherwise upgrade to HTTP/2.
 *
 * <p>It keeps the last chat request it saw ({@link #last()}), so that each arm can check at setup
 * what it sent.
 */
final class LoopbackStub implements AutoCloseable {
    /** The model every arm names, canonical and on the wire alike for aivideoapi. */
    static final String MODEL = "gemini-2.5-pro";
    /** The one user message every arm sends. */
    static final String PROMPT = "用简单的语言解释量子计算";
    /**
     * acedata's chat endpoint path ({@code chatPath} in provider-acedata's {@code acedata.json}):
     * Junction calls {@code <ACEDATA_BASE_URL> + chatPath}, so a base URL of {@link #rootUrl()} lands here.
     */
    static final String ACEDATA_CHAT_PATH = dev.junction.spi.openai.VendorProfile.read(
            dev.junction.provider.acedata.AcedataProviderFactory.class.getResourceAsStream("acedata.json"), "acedata.json")
            .chatPath();
    /** The lower bound of the reply body's size, in bytes. */
    static final int REPLY_BYTES = 1400;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the stub saw of one chat request. */
    record Seen(HttpVersion version, String contentType, String body) {
    }

    /** The stub this JVM runs or last ran, for {@link ShareProfiler}; {@code null} before the first. */
    static volatile LoopbackStub running;

    private final Vertx vertx;
    private final HttpServer server;
    /**
     * The threads that served requests (the stub's event loops, whose CPU and allocation are the
     * stub's share), each with its {@link #usage} when first seen, so that what a thread did before
     * it served is never counted.
     */
    private final Map<Thread, long[]> threads = new ConcurrentHashMap<>();
    /** {@link #usage} as it was when the stub closed, or {@code null} while it runs. */
    private volatile long[] usageAtClose;
    private final String content;
    private final Buffer reply;
    private final SseReply sse;
    private volatile Seen last;

    private LoopbackStub(Vertx vertx, HttpServer server, String content, Buffer reply, SseReply sse) {
        this.vertx = vertx;
        this.server = server;
        this.content = content;
        this.reply = reply;
        this.sse = sse;
    }

    /** Starts the stub and waits until it listens; it never streams. */
    static LoopbackStub start() {
        return start(null);
    }

    /**
     * Starts the stub and waits until it listens; it streams {@code sse} to stream requests, or
     * never streams when {@code sse} is {@code null}.
     */
    static LoopbackStub start(SseReply sse) {
        String content = paddedContent();
        Buffer reply = Buffer.buffer(replyJson(content));
        Vertx vertx = Vertx.vertx();
        LoopbackStub[] self = new LoopbackStub[1];
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setHttp2ClearTextEnabled(false));
        server.requestHandler(request -> {
            Thread thread = Thread.currentThread();
            if (!self[0].threads.containsKey(thread)) {
                self[0].threads.put(thread, usage(thread));
            }
            if (request.method() != HttpMethod.POST || !request.path().equals("/v1/chat/completions")
                    && !request.path().equals(ACEDATA_CHAT_PATH)) {
                request.response().setStatusCode(404).end();
                return;
            }
            request.body().onSuccess(body -> {
                Seen seen = new Seen(request.version(), request.getHeader("Content-Type"), body.toString(StandardCharsets.UTF_8));
                self[0].last = seen;
                // Every client under test writes compact JSON, so a plain search finds the flag.
                if (sse != null && seen.body().contains("\"stream\":true")) {
                    sse.writeTo(request.response());
                } else {
                    request.response().putHeader("Content-Type", "application/json").end(reply);
                }
            }).onFailure(e -> request.response().setStatusCode(500).end());
        });
        LoopbackStub stub = new LoopbackStub(vertx, server, content, reply, sse);
        self[0] = stub;
        try {
            server.listen().toCompletionStage().toCompletableFuture().get();
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the loopback stub did not start", e);
        }
        running = stub;
        return stub;
    }

    /**
     * What the stub's threads have used so far: {@code [allocated bytes, CPU nanoseconds]}, summed
     * over the threads that served requests.
     */
    long[] usage() {
        long[] closed = usageAtClose;
        if (closed != null) {
            // JMH closes the stub before the profiler reads the last iteration; its threads are gone by then.
            return closed;
        }
        long bytes = 0;
        long cpu = 0;
        for (Map.Entry<Thread, long[]> seen : threads.entrySet()) {
            long[] now = usage(seen.getKey());
            bytes += now[0] - seen.getValue()[0];
            cpu += now[1] - seen.getValue()[1];
        }
        return new long[] {bytes, cpu};
    }

    private static long[] usage(Thread thread) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return new long[] {mx.getThreadAllocatedBytes(thread.getId()), mx.getThreadCpuTime(thread.getId())};
    }

    /** The port it listens on. */
    int port() {
        return server.actualPort();
    }

    /** The base URL a client is given: {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** The server's root, {@code http://127.0.0.1:PORT}: acedata's base URL, before its {@link #ACEDATA_CHAT_PATH}. */
    String rootUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The assistant text of the canned reply, which every arm must return. */
    String content() {
        return content;
    }

    /** The canned reply body. */
    Buffer replyBuffer() {
        return reply;
    }

    /** The content events of the streamed reply; only for a stub started with one. */
    int streamEvents() {
        return sse.events();
    }

    /** The answer text of the streamed reply; only for a stub started with one. */
    String streamText() {
        return sse.text();
    }

    /** The size of the canned reply body, in bytes. */
    int replyBytes() {
        return reply.length();
    }

    /** The last chat request seen, or null. */
    Seen last() {
        return last;
    }

    /** Forgets the last request, before a check. */
    void forget() {
        last = null;
    }

    /**
     * Checks that the last request was an equivalent chat request: HTTP/1.1, JSON, the model
     * {@link #MODEL}, exactly one message, from the user, with {@link #PROMPT}, and not streamed.
     * Returns the names of the body's top-level fields, for the log.
     */
    List<String> checkLastRequest(String arm) {
        return checkLastRequest(arm, false);
    }

    /** As {@link #checkLastRequest(String)}, the request streamed exactly when {@code streamed}. */
    List<String> checkLastRequest(String arm, boolean streamed) {
        Seen seen = last;
        if (seen == null) {
            throw new IllegalStateException(arm + ": the stub saw no chat request");
        }
        if (seen.version() != HttpVersion.HTTP_1_1) {
            throw new IllegalStateException(arm + ": sent " + seen.version() + ", not HTTP/1.1");
        }
        if (seen.contentType() == null || !seen.contentType().startsWith("application/json")) {
            throw new IllegalStateException(arm + ": content type " + seen.contentType());
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(seen.body());
        } catch (Exception e) {
            throw new IllegalStateException(arm + ": the body is no JSON: " + seen.body(), e);
        }
        if (!MODEL.equals(body.path("model").asText())) {
            throw new IllegalStateException(arm + ": model " + body.path("model") + " in " + seen.body());
        }
        JsonNode messages = body.path("messages");
        if (messages.size() != 1 || !"user".equals(messages.get(0).path("role").asText())
                || !PROMPT.equals(textOf(messages.get(0).path("content")))) {
            throw new IllegalStateException(arm + ": not one user message with the prompt: " + seen.body());
        }
        if (body.path("stream").asBoolean(false) != streamed) {
            throw new IllegalStateException(arm + (streamed ? ": did not ask for a stream: " : ": asked for a stream: ") + seen.body());
        }
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    /** A message's content as plain text: a string, or an array holding one text part. */
    private static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray() && content.size() == 1 && "text".equals(content.get(0).path("type").asText())) {
            return content.get(0).path("text").asText();
        }
        return null;
    }

    /** The reply's assistant text: sentences appended until the body reaches {@link #REPLY_BYTES}. */
    private static String paddedContent() {
        String[] sentences = {
            "量子计算使用量子比特(qubit)。",
            "一个量子比特可以同时处于0和1的叠加态。",
            "多个量子比特之间可以纠缠,测量一个会影响另一个。",
            "Quantum computers exploit superposition and entanglement.",
            "对某些问题,比如分解大整数和模拟分子,量子算法比经典算法快得多。",
            "但量子比特很脆弱,需要纠错和极低的温度。",
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; replyJson(text.toString()).getBytes(StandardCharsets.UTF_8).length < REPLY_BYTES; i++) {
            text.append(sentences[i % sentences.length]);
        }
        return text.toString();
    }

    /** aivideoapi's documented non-streamed reply, with the given content. */
    private static String replyJson(String content) {
        ObjectNode reply = MAPPER.createObjectNode();
        reply.put("id", "chatcmpl-abc123");
        reply.put("object", "chat.completion");
        reply.put("created", 1677652288L);
        reply.put("model", MODEL);
        ArrayNode choices = reply.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        choice.put("finish_reason", "stop");
        ObjectNode usage = reply.putObject("usage");
        usage.put("prompt_tokens", 12);
        usage.put("completion_tokens", 86);
        usage.put("total_tokens", 98);
        try {
            return MAPPER.writeValueAsString(reply);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the server and its Vert.x. */
    @Override
    public void close() {
        usageAtClose = usage();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(Duration.ofSeconds(10).toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the loopback stub did not close", e);
        }
    }
}
