package dev.junction.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.Part;
import dev.junction.cost.Price;
import dev.junction.internal.json.JsonMappers;
import dev.junction.internal.openai.OpenAiCompatibleProvider;
import dev.junction.internal.openai.plan.CallPlan;
import dev.junction.internal.openai.reply.ReplyReader;
import dev.junction.internal.openai.request.RequestWriter;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.InlineMedia;
import dev.junction.spi.openai.VendorProfile;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
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
 * Heap cost of a 20 MiB inline image, both ways (issue #4, item 2). The figure that matters is
 * {@code gc.alloc.rate.norm} from {@code -prof gc}: bytes allocated per operation. The goal for
 * writing a request is at most 2× the image's size (41,943,040 B); reading a reply is reported
 * apart, with no goal.
 *
 * <ul>
 *   <li>{@link #writeRequest}: {@link RequestWriter#write} of a text part plus the image, as
 *       {@code Part.bytes} or {@code Part.file} ({@link RequestState#source}), into the Vert.x
 *       {@link Buffer} the transport sends. The body is ≈27 MiB of base64, so ≈1.33× the image is
 *       the floor for any writer that builds the whole body in memory.
 *   <li>{@link #readReply}: what {@code OpenAiCompatibleProvider} does with a non-streamed reply
 *       that carries the image as a data URI: copy the transport's {@link Buffer} out, build the
 *       Jackson tree with the engine's mapper, and read it with {@link ReplyReader}, which decodes
 *       the image.
 *   <li>{@link #decodeDataUri}: the last step of {@link #readReply} alone, from the String.
 * </ul>
 *
 * <p>{@link RequestWriter}, {@link ReplyReader} and {@link CallPlan} are reached as
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

    /** A non-streamed reply carrying the image as a data URI, as the transport hands it over. */
    @State(Scope.Thread)
    public static class ReplyState {
        Buffer reply;
        String dataUri;
        ReplyReader reader;
        CallPlan plan;
        Price price;

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
            reader = new ReplyReader(Dialect.OPENAI);
            plan = new CallPlan(profile.id(), MODEL, MODEL, List.of(), "bench publishes no price for " + MODEL);
            price = profile.prices().get(0);
            ChatResponse response = read(this);
            if (response.images().size() != 1 || !Arrays.equals(image, response.images().get(0).bytes())) {
                throw new IllegalStateException("the reply did not decode to the image: " + response.images());
            }
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

    /** Only the final base64 decode of {@link #readReply}, from the data URI String. */
    @Benchmark
    public Object decodeDataUri(ReplyState s) {
        return InlineMedia.decodeDataUri(s.dataUri);
    }

    /** The steps of {@code OpenAiCompatibleProvider.interpret} for a successful reply. */
    static ChatResponse read(ReplyState s) {
        JsonNode body;
        try {
            body = JsonMappers.LENIENT.readTree(s.reply.getBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (Dialect.OPENAI.isErrorBody(body)) {
            throw new IllegalStateException("error body");
        }
        return s.reader.read(body, s.plan, s.price);
    }
}
