package dev.junction.internal.openai.request;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.Part;
import dev.junction.chat.StreamPart;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.json.JsonMappers;
import dev.junction.internal.json.ReplyTrees;
import dev.junction.internal.json.SpanTextNode;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.openai.InlineMedia;
import dev.junction.testing.Futures;
import dev.junction.testing.Sse;
import dev.junction.testing.StreamRecorder;
import dev.junction.testing.VendorServer;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 20 MiB image both ways through the real engine and transport (issue #4, item 2): sent as a
 * file, it arrives as an exact data URI; generated, its ≈27 MiB base64 string decodes exactly, in
 * a plain reply (kept in the body's bytes, never built as a String) and, with a raised event cap,
 * in a stream. Heap use is measured in {@code bench}
 * ({@code InlineImageRequestBenchmark}), not here.
 */
class LargeMediaTest {
    private static final int IMAGE_BYTES = 20 * 1024 * 1024;
    /** Room for one event carrying the image (≈27 MiB of base64 plus the chunk's JSON). */
    private static final int RAISED_EVENT_CAP = 40 * 1024 * 1024;
    /** Bound on each call: generous, since 27 MiB crosses loopback and WireMock twice. */
    private static final long SECONDS = 60;

    private static byte[] image;
    private static String dataUri;

    private VendorServer vendor;

    @TempDir
    Path temp;

    @BeforeAll
    static void makeImage() {
        image = new byte[IMAGE_BYTES];
        new Random(20_240_404L).nextBytes(image);
        // A PNG signature, so the file's bytes and its name agree on the type; noise after it.
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, image, 0, 8);
        dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(image);
        // The point of the exercise: the string is beyond Jackson's default limit.
        assertTrue(dataUri.length() > StreamReadConstraints.DEFAULT_MAX_STRING_LEN, "data URI length " + dataUri.length());
    }

    @AfterEach
    void stop() {
        if (vendor != null) {
            vendor.close();
        }
    }

    @Test
    void sendsA20MiBFileAsADataUriOfExactlyItsBytes() throws IOException {
        vendor = new VendorServer();
        vendor.reply(okJson(VendorServer.okBody("一张随机噪声图")));
        Path file = Files.write(temp.resolve("noise.png"), image);

        Futures.await(vendor.model().chat(ChatRequest.builder().user(Part.text("这是什么？"), Part.file(file)).build()), SECONDS);

        byte[] sent = vendor.wire().getAllServeEvents().get(0).getRequest().getBody();
        JsonNode body = JsonMappers.LENIENT.readTree(sent);
        JsonNode content = body.path("messages").path(0).path("content");
        assertEquals("这是什么？", content.path(0).path("text").asText());
        assertEquals("image_url", content.path(1).path("type").asText());
        String url = content.path(1).path("image_url").path("url").asText();
        assertTrue(url.startsWith("data:image/png;base64,"), () -> url.substring(0, 40));
        assertEquals(dataUri.length(), url.length(), "data URI length");
        assertArrayEquals(image, Base64.getDecoder().decode(url.substring("data:image/png;base64,".length())));
    }

    @Test
    void decodesA20MiBGeneratedImageFromAReply() {
        vendor = new VendorServer();
        vendor.reply(okJson(replyWithImage()));

        ChatResponse response = Futures.await(vendor.model().chat(ChatRequest.builder().user("画一张噪声图").build()), SECONDS);

        assertEquals("画好了", response.text());
        assertEquals(List.of(), response.warnings().stream().filter(w -> w.contains("image")).toList());
        assertEquals(1, response.images().size());
        GeneratedImage generated = response.images().get(0);
        assertEquals("image/png", generated.mediaType());
        assertArrayEquals(image, generated.bytes());
    }

    @Test
    void keepsThe20MiBDataUriInTheReplyBodyInsteadOfBuildingAString() throws IOException {
        JsonNode tree = ReplyTrees.read(Buffer.buffer(replyWithImage().getBytes(StandardCharsets.UTF_8)));

        JsonNode url = tree.at("/choices/0/message/images/0/image_url/url");
        assertInstanceOf(SpanTextNode.class, url);
        assertEquals(new GeneratedImage(image, "image/png"), InlineMedia.decodeDataUri(url));
        assertEquals("画好了", tree.at("/choices/0/message/content").asText());
    }

    @Test
    void failsAStreamedA20MiBImageWithProtocolUnderTheDefaultEventCap() {
        assertTrue(imageEvent().length() > ProviderContext.DEFAULT_MAX_STREAM_EVENT_BYTES);
        vendor = new VendorServer();

        JunctionException e = streamImage().awaitFailure();

        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains(String.valueOf(ProviderContext.DEFAULT_MAX_STREAM_EVENT_BYTES)), e.getMessage());
    }

    @Test
    void streamsA20MiBImageWhenTheEventCapIsRaised() {
        vendor = new VendorServer(builder -> builder.maxStreamEventBytes(RAISED_EVENT_CAP));

        StreamRecorder r = streamImage();
        r.awaitEnd();

        List<StreamPart.ImageOutput> images = r.parts(StreamPart.ImageOutput.class);
        assertEquals(1, images.size(), r.parts(StreamPart.Warning.class)::toString);
        assertEquals("image/png", images.get(0).image().mediaType());
        assertArrayEquals(image, images.get(0).image().bytes());
        assertEquals("画好了", r.text());
    }

    /**
     * Streams the image event and waits, longer than the recorder's own bound, for the last part
     * (Finish or Failure), so the recorder's checks that follow see a finished stream.
     */
    private StreamRecorder streamImage() {
        vendor.reply(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(Sse.events(imageEvent(), Sse.finish("stop")) + Sse.DONE));
        CompletableFuture<Void> last = new CompletableFuture<>();
        StreamRecorder r = StreamRecorder.record(vendor.model().stream("画一张噪声图"), part -> {
            if (part instanceof StreamPart.Finish || part instanceof StreamPart.Failure) {
                last.complete(null);
            }
        });
        try {
            last.get(SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the stream sent neither Finish nor Failure within " + SECONDS + " s: " + r.parts());
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
        return r;
    }

    private static String imageEvent() {
        return Sse.delta("{\"content\":\"画好了\",\"images\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + dataUri + "\"}}]}");
    }

    private static String replyWithImage() {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","model":"gemini-2.5-pro",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"画好了",
                   "images":[{"type":"image_url","image_url":{"url":"%s"}}]},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":1290,"total_tokens":1302}}
                """.formatted(dataUri);
    }
}
