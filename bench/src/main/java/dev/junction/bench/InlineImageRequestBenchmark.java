package dev.junction.bench;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.Part;
import dev.junction.cost.PriceBook;
import dev.junction.internal.json.JsonMappers;
import dev.junction.internal.openai.OpenAiCompatibleProvider;
import dev.junction.internal.openai.request.RequestWriter;
import dev.junction.spi.ApiKey;
import dev.junction.spi.HttpCall;
import dev.junction.spi.HttpReply;
import dev.junction.spi.HttpResponseStream;
import dev.junction.spi.HttpTransport;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.ProviderSettings;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.InlineMedia;
import dev.junction.spi.openai.VendorProfile;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Heap cost of a 20 MiB inline image, both ways (issues #4 and #14). The figure that matters is
 * {@code gc.alloc.rate.norm} from {@code -prof gc}: bytes allocated per operation. The goals: writing
 * a request allocates at most 2× the image's size (41,943,040 B), reading a reply at most 3×
 * (62,914,560 B).
 *
 * <ul>
 *   <li>{@link #writeRequest}: {@link RequestWriter#write} of a text part plus the image, as
 *       {@code Part.bytes} or {@code Part.file} ({@link RequestState#source}), into the Vert.x
 *       {@link Buffer} the transport sends. The body is ≈27 MiB of base64, so ≈1.33× the image is
 *       the floor for any writer that builds the whole body in memory.
 *   <li>{@link #readReply}: {@code OpenAiCompatibleProvider.chat} of a short request through a stub
 *       transport that answers at once with a non-streamed reply carrying the image as a data URI
 *       (the {@link Buffer} exists before the call, as the transport's would): the engine's own read
 *       path, tree, dialect hooks and image decoding included. The decoded image (1×) is the floor.
 *   <li>{@link #decodeDataUri}: {@link InlineMedia#decodeDataUri(String)} of the URI as a String,
 *       the path a dialect takes when it reads the string itself.
 * </ul>
 *
 * <p>{@link RequestWriter} and {@link OpenAiCompatibleProvider} are reached as
 * {@link SseMappingBenchmark} reaches the engine: public classes of non-exported packages, on the
 * class path.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class InlineImageRequestBenchmark {
    /** 20 MiB. */
    static final int IMAGE_BYTES = 20 * 1024 * 1024;
    static final String MODEL = "gemini-2.5-pro";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** A PNG signature followed by seeded noise: the same bytes on every run, incompressible. */
    static byte[] image() {
        byte[] image = new byte[IMAGE_BYTES];
        new Random(20_240_404L).nextBytes(image);
        System.arraycopy(PNG_SIGNATURE, 0, image, 0, PNG_SIGNATURE.length);
        return image;
    }

    static VendorProfile profile() {
        return VendorProfile.read(InlineImageRequestBenchmark.class.getResourceAsStream("/dev/junction/bench/bench.json"),
                "bench.json");
    }

    /** One request holding the image, from memory or from a file. */
    @State(Scope.Thread)
    public static class RequestState {
        /** Where the image comes from: {@code Part.bytes} or {@code Part.file}. */
        @Param({"bytes", "file"})
        public String source;

        RequestWriter writer;
        ChatRequest request;
        private Path file;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            byte[] image = image();
            Part part;
            if (source.equals("file")) {
                file = Files.createTempFile("junction-bench-", ".png");
                Files.write(file, image);
                part = Part.file(file);
            } else {
                part = Part.bytes(image, "image/png");
            }
            request = ChatRequest.builder().model(MODEL).user(Part.text("这张图里有什么？"), part).build();
            writer = new RequestWriter(profile(), Dialect.OPENAI);
            verify(image);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }

        /** Fails the run early unless the written body carries exactly the image. */
        private void verify(byte[] image) throws IOException {
            Buffer body = writer.write(request, MODEL, false, false);
            String url = JsonMappers.LENIENT.readTree(body.getBytes())
                    .path("messages").path(0).path("content").path(1).path("image_url").path("url").asText();
            String prefix = "data:image/png;base64,";
            if (!url.startsWith(prefix) || !Arrays.equals(image, Base64.getDecoder().decode(url.substring(prefix.length())))) {
                throw new IllegalStateException("the written body does not carry the image; it starts with "
                        + url.substring(0, Math.min(40, url.length())));
            }
        }
    }

    /**
     * A non-streamed reply carrying the image as a data URI, as the transport hands it over, and a
     * provider whose transport answers every call with it at once.
     */
    @State(Scope.Thread)
    public static class ReplyState {
        Buffer reply;
        String dataUri;
        Provider provider;
        ChatRequest request;
        private Vertx vertx;

        @Setup(Level.Trial)
        public void setUp() {
            byte[] image = image();
            dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(image);
            reply = Buffer.buffer(("""
                    {"id":"chatcmpl-1","object":"chat.completion","model":"gemini-2.5-pro",
                     "choices":[{"index":0,"message":{"role":"assistant","content":"画好了",
                       "images":[{"type":"image_url","image_url":{"url":"%s"}}]},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":12,"completion_tokens":1290,"total_tokens":1302}}
                    """.formatted(dataUri)).getBytes(StandardCharsets.UTF_8));
            VendorProfile profile = profile();
            HttpReply answer = new HttpReply(200, MultiMap.caseInsensitiveMultiMap().set("Content-Type", "application/json"), reply);
            HttpTransport transport = new HttpTransport() {
                @Override
                public Future<HttpReply> send(HttpCall call) {
                    return Future.succeededFuture(answer);
                }

                @Override
                public Future<HttpResponseStream> stream(HttpCall call, Duration firstByteTimeout, Duration idleTimeout,
                        Future<Void> abandoned) {
                    return Future.failedFuture(new UnsupportedOperationException("the benchmark does not stream"));
                }
            };
            vertx = Vertx.vertx();
            provider = new OpenAiCompatibleProvider(profile, Dialect.OPENAI, ProviderContext.builder()
                    .vertx(vertx)
                    .transport(transport)
                    .settings(ProviderSettings.builder(profile.id()).apiKey(ApiKey.of("sk-bench")).maxRetries(0).build())
                    .prices(PriceBook.of(profile.prices()))
                    .build());
            request = ChatRequest.builder().model(MODEL).user("画一张噪声图").build();
            ChatResponse response = read(this);
            if (response.images().size() != 1 || !Arrays.equals(image, response.images().get(0).bytes())
                    || !response.images().get(0).mediaType().equals("image/png")) {
                throw new IllegalStateException("the reply did not decode to the image: " + response.images());
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            vertx.close();
        }
    }

    /** Writes one request body with the 20 MiB image. */
    @Benchmark
    public Buffer writeRequest(RequestState s) throws IOException {
        return s.writer.write(s.request, MODEL, false, false);
    }

    /** Reads one reply with the 20 MiB image, as the engine's non-streaming path does. */
    @Benchmark
    public ChatResponse readReply(ReplyState s) {
        return read(s);
    }

    /** The String decoder a dialect uses when it reads the data URI as text. */
    @Benchmark
    public Object decodeDataUri(ReplyState s) {
        return InlineMedia.decodeDataUri(s.dataUri);
    }

    /**
     * One call through the engine: {@code OpenAiCompatibleProvider.chat} writes the small request,
     * the stub transport answers at once, and the engine's own {@code interpret} reads the reply,
     * so the benchmark follows the real read path and cannot drift from it.
     */
    static ChatResponse read(ReplyState s) {
        Future<ChatResponse> call = s.provider.chat(s.request);
        if (!call.succeeded()) {
            throw new IllegalStateException("the call did not complete at once: " + call, call.cause());
        }
        return call.result();
    }
}
