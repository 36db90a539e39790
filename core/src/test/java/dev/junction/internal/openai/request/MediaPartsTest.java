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

/** Media parts on the wire: text + image_url arrays, base64 data URIs from bytes and files, pre-send rejections. */
class MediaPartsTest {
    private VendorServer vendor;

    @TempDir
    Path temp;

    @BeforeEach
    void start() {
        vendor = new VendorServer();
        vendor.reply(okJson(VendorServer.okBody("一只猫")));
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    private void assertSentImage(String text, String url) {
        vendor.wire().verify(1, postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH)).withRequestBody(equalToJson("""
                {"model":"gemini-2.5-pro","stream":false,"messages":[{"role":"user","content":[
                  {"type":"text","text":"%s"},
                  {"type":"image_url","image_url":{"url":"%s"}}]}]}
                """.formatted(text, url))));
    }

    @Test
    void rejectsAMediaKindTheModelDoesNotTakeBeforeSending() {
        // The test vendor's gemini-2.5-pro declares IMAGE_INPUT only.
        JunctionException e = vendor.fail(ChatRequest.builder()
                .user(Part.text("这个视频讲了什么?"), Part.url(java.net.URI.create("https://example.com/clip.mp4"))).build());
        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertTrue(e.getMessage().contains("message 0, part 1"), e.getMessage());
        assertTrue(e.getMessage().contains("video/mp4"), e.getMessage());
        assertEquals(0, vendor.requests());
    }

    @Test
    void leavesAMediaOfUnknownKindToTheVendor() {
        vendor.chat(ChatRequest.builder().user(Part.text("看"), Part.url(java.net.URI.create("https://example.com/render?id=7"))).build());
        assertEquals(1, vendor.requests());
    }

    @Test
    void writesBytesAsADataUriWithExactBase64() {
        byte[] png = randomBytes(70_001);
        vendor.chat(ChatRequest.builder().user(Part.text("这是什么？"), Part.bytes(png, "image/png")).build());
        assertSentImage("这是什么？", "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
    }

    @Test
    void writesAFileAsADataUriTypedByItsExtension() throws IOException {
        byte[] jpeg = randomBytes(123_457);
        Path file = Files.write(temp.resolve("photo.JPG"), jpeg);
        vendor.chat(ChatRequest.builder().user(Part.text("描述"), Part.file(file)).build());
        assertSentImage("描述", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg));
    }

    @Test
    void writesAnEmptyFileAsAnEmptyDataUri() throws IOException {
        Path file = Files.write(temp.resolve("empty.webp"), new byte[0]);
        vendor.chat(ChatRequest.builder().user(Part.text("空"), Part.file(file)).build());
        assertSentImage("空", "data:image/webp;base64,");
    }

    @Test
    void writesAUrlAsIs() {
        vendor.chat(ChatRequest.builder().user(Part.text("看"), Part.url(URI.create("https://cdn.example.com/cat.png?x=1"))).build());
        assertSentImage("看", "https://cdn.example.com/cat.png?x=1");
    }

    @Test
    void writesAMediaOnlyMessageAsAnArray() {
        byte[] gif = randomBytes(3);
        vendor.chat(ChatRequest.builder().user(Part.bytes(gif, "image/gif")).build());
        vendor.wire().verify(1, postRequestedFor(urlEqualTo(TestVendorFactory.CHAT_PATH)).withRequestBody(equalToJson("""
                {"model":"gemini-2.5-pro","stream":false,"messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"data:image/gif;base64,%s"}}]}]}
                """.formatted(Base64.getEncoder().encodeToString(gif)))));
    }

    @Test
    void rejectsAMissingFileBeforeSending() {
        Path missing = temp.resolve("no-such.png");
        JunctionException e = vendor.fail(ChatRequest.builder().user(Part.text("看"), Part.file(missing)).build());
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("message 0, part 1"), e.getMessage());
        assertTrue(e.getMessage().contains("no-such.png"), e.getMessage());
        assertEquals(0, vendor.requests());
    }

    @Test
    void rejectsAFileOfUnknownMediaTypeBeforeSending() throws IOException {
        Path file = Files.write(temp.resolve("data.xyz"), new byte[] {1, 2, 3});
        JunctionException e = vendor.fail(ChatRequest.builder().user(Part.file(file)).build());
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("cannot tell the media type"), e.getMessage());
        assertEquals(0, vendor.requests());
    }

    @Test
    void rejectsBytesWithABlankMediaTypeBeforeSending() {
        JunctionException e = vendor.fail(ChatRequest.builder().user(Part.bytes(new byte[] {1}, " ")).build());
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals(0, vendor.requests());
    }

    @Test
    void rejectsAnUnreadableFileBeforeSending() throws IOException {
        Path directory = Files.createDirectory(temp.resolve("dir.png"));
        JunctionException e = vendor.fail(ChatRequest.builder().user(Part.file(directory)).build());
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals(0, vendor.requests());
    }
}
