package dev.junction.internal.openai.reply;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.GeneratedImage;
import dev.junction.error.JunctionException;
import dev.junction.internal.json.ReplyTrees;
import dev.junction.internal.json.SpanTextNode;
import dev.junction.internal.openai.images.ImagesEndpoint;
import dev.junction.internal.openai.plan.CallPlan;
import dev.junction.spi.openai.Dialect;
import dev.junction.testing.VendorServer;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replies over {@link ReplyTrees#LARGE_BODY} take the large path (huge strings kept in the body):
 * every answer, warning and error is the one a small reply of the same shape gives.
 */
class LargeReplyTest {
    /** 1.5 MiB: the body passes the 1 MiB mark and the string the 256 KiB one. */
    private static final int IMAGE_BYTES = 1536 * 1024;
    /** A field no reader looks at, big enough to send any reply down the large path. */
    private static final String PADDING = "\"padding\":\"" + "p".repeat(ReplyTrees.LARGE_BODY) + "\",";

    private VendorServer vendor;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private static byte[] image() {
        byte[] image = new byte[IMAGE_BYTES];
        new Random(IMAGE_BYTES).nextBytes(image);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, image, 0, 8);
        return image;
    }

    private static String reply(String messageFields) {
        return """
                {%s"id":"c-1","model":"gemini-2.5-pro","choices":[{"index":0,"message":{"role":"assistant",%s},
                 "finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1}}
                """.formatted(PADDING, messageFields);
    }

    private static String imageMessage(String url) {
        return "\"content\":\"画好了\",\"images\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + url + "\"}}]";
    }

    private ChatResponse chat(String body) {
        vendor.reply(okJson(body));
        return vendor.chat(ChatRequest.of("画一张噪声图"));
    }

    @Test
    void decodesAnImageWhoseSlashesAreEscapedToTheExactBytes() throws IOException {
        byte[] image = image();
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(image);

        String body = reply(imageMessage(uri.replace("/", "\\/")));
        assertInstanceOf(SpanTextNode.class, ReplyTrees.read(Buffer.buffer(body)).at("/choices/0/message/images/0/image_url/url"));

        ChatResponse response = chat(body);

        assertEquals(List.of(new GeneratedImage(image, "image/png")), response.images());
        assertEquals("画好了", response.text());
    }

    @Test
    void readsHugeTextAndReasoningExactly() {
        String ascii = "Line one says \\\"hi\\\"\\n\\tand a path C:\\\\tmp\\/x \\u0041. ".repeat(40_000);
        String chinese = "先想一想，再画。".repeat(100_000);

        ChatResponse response = chat(reply("\"content\":\"" + ascii + "\",\"reasoning_content\":\"" + chinese + "\""));

        String expected = "Line one says \"hi\"\n\tand a path C:\\tmp/x A. ".repeat(40_000);
        assertEquals(expected, response.text());
        assertEquals(chinese, response.reasoning());
    }

    @ParameterizedTest
    @ValueSource(strings = {"data:image/png;base64,AAAA*AAAA", "data:image/png;base64,AAAAA", "data:image/png,AAAA",
        "https://cdn.example.com/a.png"})
    void warnsAboutAnUndecodableImageAsASmallReplyDoes(String start) {
        String url = start + "QUJD".repeat(100_000);
        List<String> small = chat(reply(imageMessage(url)).replace(PADDING, "")).warnings();

        ChatResponse large = chat(reply(imageMessage(url)));

        assertEquals(List.of(), large.images());
        assertEquals(small, large.warnings());
        assertTrue(large.warnings().stream().anyMatch(w -> w.startsWith("image 0 ")), large.warnings()::toString);
    }

    @Test
    void failsATruncatedReplyAsASmallOneFails() {
        String whole = reply(imageMessage("data:image/png;base64," + Base64.getEncoder().encodeToString(image())));
        JunctionException small = failWith(whole.replace(PADDING, "").substring(0, 200));

        JunctionException large = failWith(whole.substring(0, whole.length() / 2));

        assertEquals(small.kind(), large.kind());
        assertEquals(small.httpStatus(), large.httpStatus());
        String opening = "testvendor answered HTTP 200 with a body that is not a JSON object: ";
        assertTrue(small.getMessage().startsWith(opening), small.getMessage());
        assertTrue(large.getMessage().startsWith(opening), large.getMessage());
    }

    @Test
    void readsALargeErrorEnvelopeAsASmallOne() {
        String envelope = "{%s\"error\":{\"code\":\"insufficient_quota\",\"message\":\"余额不足\",\"type\":\"billing\"}}";
        JunctionException small = failWith(envelope.formatted(""));

        JunctionException large = failWith(envelope.formatted(PADDING));

        assertEquals(small.kind(), large.kind());
        assertEquals(small.vendorCode(), large.vendorCode());
        assertEquals(small.retryable(), large.retryable());
        assertEquals(small.getMessage(), large.getMessage());
    }

    private JunctionException failWith(String body) {
        vendor.reply(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));
        return vendor.fail(ChatRequest.of("画一张噪声图"));
    }

    @Test
    void decodesAHugeB64JsonFromTheImagesEndpoint() throws IOException {
        byte[] image = image();
        String b64 = Base64.getMimeEncoder().encodeToString(image).replace("\r\n", "\\n");
        String body = "{\"created\":1,\"data\":[{\"b64_json\":\"" + b64 + "\"},{\"b64_json\":\"" + b64.replace("A", "*")
                + "\"}],\"usage\":{\"input_tokens\":5,\"output_tokens\":1290}}";
        CallPlan plan = new CallPlan("testvendor", "imagen", "imagen", List.of(), "no price for imagen");

        ChatResponse response = ImagesEndpoint.read(ReplyTrees.read(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))), plan, null,
                new ReplyReader(Dialect.OPENAI));

        assertEquals(1, response.images().size());
        assertEquals("image/png", response.images().get(0).mediaType());
        assertArrayEquals(image, response.images().get(0).bytes());
        assertTrue(response.warnings().contains("image 1 could not be decoded: b64_json is not base64"), response.warnings()::toString);
    }
}
