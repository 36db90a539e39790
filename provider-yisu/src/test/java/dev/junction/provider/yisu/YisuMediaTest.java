package dev.junction.provider.yisu;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.junction.testkit.WireAssertions.assertChatCall;
import static dev.junction.testkit.WireAssertions.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testkit.ConformanceBase;
import dev.junction.testkit.Fixtures;
import dev.junction.testkit.VendorDeclaration;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * yisu's media rules: images only, PNG/JPEG/WEBP/GIF, base64 data URIs only (多图融合 included);
 * URLs rejected, or downloaded by Junction with {@code inlineRemoteMedia=true}. Every rejection
 * happens before anything reaches yisu.
 */
class YisuMediaTest extends ConformanceBase {
    private static final String MODEL = "gemini-3-pro-image-preview";

    @TempDir
    Path temp;

    private WireMockServer media;

    @Override
    protected VendorDeclaration vendor() {
        return YisuVendor.DECLARATION;
    }

    @BeforeEach
    void startMediaHost() {
        media = new WireMockServer(options().dynamicPort());
        media.start();
    }

    @AfterEach
    void stopMediaHost() {
        media.stop();
    }

    private ChatModel inlining() {
        return junction().chatModel(configString(MODEL, TEST_KEY) + "&inlineRemoteMedia=true");
    }

    private String sentBody(ChatModel model, ChatRequest request) {
        replyWithFixture("fixtures/vision-reply.json");
        call(model, request);
        var received = stub().onlyRequest();
        assertChatCall(vendor(), received, vendor().chatPath(), TEST_KEY);
        return received.getBodyAsString();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private JunctionException rejected(ChatModel model, Part part) {
        JunctionException e = failure(model, ChatRequest.builder().model(MODEL).user(Part.text("分析图片内容"), part).build());
        assertEquals(List.of(), stub().requests(), "a rejected request must not reach yisu");
        assertEquals("yisu", e.provider());
        assertTrue(e.getMessage().contains("message 0, part 1"), e::getMessage);
        assertFalse(e.getMessage().contains(TEST_KEY), e::getMessage);
        return e;
    }

    @Test
    void sendsTwoImagesForMultiImageCompositionAsTheDocShows() throws IOException {
        byte[] first = Fixtures.bytes(getClass(), "fixtures/input.png");
        byte[] second = Fixtures.bytes(getClass(), "fixtures/input-2.png");
        Path secondFile = Files.write(temp.resolve("second.png"), second);
        String expected = fixture("fixtures/multi-image-request.json")
                .replace("IMAGE_1", base64(first))
                .replace("IMAGE_2", base64(second));

        String body = sentBody(chatModel(MODEL), ChatRequest.builder().model(MODEL)
                .user(Part.text("将两张图片中的人物放到同一个场景"), Part.bytes(first, "image/png"), Part.file(secondFile)).build());

        assertSameJson(expected, body, "多图融合 request");
    }

    @Test
    void refusesAnImageFormatYisuDoesNotTakeNamingIt() throws IOException {
        // A HEIC photo, recognised by its ftyp brand: Gemini reads it, yisu's docs list only PNG, JPEG, WEBP, GIF.
        byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
        JunctionException e = rejected(chatModel(MODEL), Part.file(Files.write(temp.resolve("IMG_0001.HEIC"), heic)));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("image/heic"), e::getMessage);
    }

    @Test
    void refusesAnAudioDataUriAsUnsupported() {
        JunctionException e = rejected(chatModel(MODEL), Part.dataUri("data:audio/mpeg;base64,SUQz"));

        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertTrue(e.getMessage().contains("audio/mpeg"), e::getMessage);
    }

    @Test
    void refusesAUrlWithAHintToInlineIt() {
        JunctionException e = rejected(chatModel(MODEL), Part.url(URI.create(media.baseUrl() + "/cat.png")));

        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertTrue(e.hint().orElse("").contains("inlineRemoteMedia=true"), () -> "hint: " + e.hint());
        assertEquals(0, media.getAllServeEvents().size(), "nothing may be downloaded without inlineRemoteMedia=true");
    }

    @Test
    void downloadsAUrlAndSendsItInlineWithoutYisusKey() {
        byte[] png = Fixtures.bytes(getClass(), "fixtures/input-2.png");
        media.stubFor(get("/people/2").willReturn(aResponse().withBody(png).withHeader("Content-Type", "image/png")));

        String body = sentBody(inlining(), ChatRequest.builder().model(MODEL)
                .user(Part.text("分析图片内容"), Part.url(URI.create(media.baseUrl() + "/people/2"))).build());

        media.verify(1, getRequestedFor(urlEqualTo("/people/2")).withHeader("Authorization", absent()));
        assertEquals("data:image/png;base64," + base64(png), Fixtures.parse(body).at("/messages/0/content/1/image").asText());
    }

    @Test
    void refusesADownloadedImageOfAFormatYisuDoesNotTake() {
        media.stubFor(get("/scan").willReturn(aResponse().withBody(new byte[] {'B', 'M', 0x3E, 0, 0, 0}).withHeader("Content-Type", "image/bmp")));

        JunctionException e = rejected(inlining(), Part.url(URI.create(media.baseUrl() + "/scan")));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("image/bmp"), e::getMessage);
        media.verify(1, getRequestedFor(urlEqualTo("/scan")).withHeader("Authorization", absent()));
    }

    @Test
    void refusesToDownloadANonHttpUrl() {
        JunctionException e = rejected(inlining(), Part.url(URI.create("ftp://example.com/cat.png")));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("ftp://example.com/cat.png"), e::getMessage);
    }

    @Test
    void refusesAnImageFormatOutsidePngJpegWebpGifBeforeSending() {
        JunctionException e = rejected(chatModel(MODEL), Part.bytes(new byte[] {'B', 'M'}, "image/bmp"));

        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertTrue(e.hint().orElse("").contains("PNG, JPEG, WEBP or GIF"), () -> "hint: " + e.hint());
    }
}
