package dev.junction.internal.openai.request;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every media source kind on the default (image_url) wire: URL, bytes, file typed by content, data URI. */
class MediaSourcesTest {
    private VendorServer vendor;

    @TempDir
    Path temp;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
        vendor.reply(okJson(VendorServer.okBody("好")));
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    /** A PNG signature followed by random bytes. */
    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, bytes, 0, 8);
        return bytes;
    }

    private void assertSentParts(String... urls) {
        StringBuilder parts = new StringBuilder("{\"type\":\"text\",\"text\":\"看\"}");
        for (String url : urls) {
            parts.append(",{\"type\":\"image_url\",\"image_url\":{\"url\":\"").append(url).append("\"}}");
        }
        vendor.wire().verify(1, postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH)).withRequestBody(equalToJson(
                "{\"model\":\"gemini-2.5-pro\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":[" + parts + "]}]}")));
    }

    @Test
    void sendsEachSourceKindInOneMessage() throws IOException {
        byte[] fromBytes = png(1000);
        byte[] fromFile = png(70_000);
        Path file = Files.write(temp.resolve("b.png"), fromFile);
        String dataUri = "data:image/webp;base64," + Base64.getEncoder().encodeToString(new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});

        vendor.chat(ChatRequest.builder().user(Part.text("看"), Part.url(URI.create("https://cdn.example.com/a.png")),
                Part.bytes(fromBytes, "image/png"), Part.file(file), Part.dataUri(dataUri)).build());

        assertSentParts("https://cdn.example.com/a.png",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(fromBytes),
                "data:image/png;base64," + Base64.getEncoder().encodeToString(fromFile),
                dataUri);
    }

    @Test
    void typesAFileByItsContentNotItsWrongExtension() throws IOException {
        byte[] bytes = png(5000);
        // Named like a video: by its name the test vendor's model (images only) would refuse it.
        Path file = Files.write(temp.resolve("holiday.mp4"), bytes);

        vendor.chat(ChatRequest.builder().user(Part.text("看"), Part.file(file)).build());

        assertSentParts("data:image/png;base64," + Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void fallsBackToTheExtensionForContentWithNoKnownSignature() throws IOException {
        byte[] bytes = {1, 2, 3, 4, 5};
        Path file = Files.write(temp.resolve("odd.gif"), bytes);

        vendor.chat(ChatRequest.builder().user(Part.text("看"), Part.file(file)).build());

        assertSentParts("data:image/gif;base64," + Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void checksADataUrisMediaKindAgainstTheModelBeforeSending() {
        JunctionException e = vendor.fail(ChatRequest.builder()
                .user(Part.text("看"), Part.dataUri("data:audio/mpeg;base64,SUQz")).build());
        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertTrue(e.getMessage().contains("message 0, part 1") && e.getMessage().contains("audio/mpeg"), e.getMessage());
        assertEquals(0, vendor.requests());
    }
}
