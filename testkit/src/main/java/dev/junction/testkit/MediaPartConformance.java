package dev.junction.testkit;

import static dev.junction.testkit.WireAssertions.assertChatCall;
import static dev.junction.testkit.WireAssertions.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance: media travels in the vendor's part shape ({@link #mediaPartJson}) whether given as
 * bytes, a file, a data URI or a URL; URLs go only to a vendor that takes them; every media kind a
 * model declares is sent in that shape, and a kind it does not declare is refused before sending.
 * Failures name the behaviour: {@code media part shape: …}.
 */
public abstract class MediaPartConformance extends ConformanceBase {
    /** Media bytes spanning several of the engine's base64 blocks, with a ragged end (padding). */
    private static final int MEDIA_BYTES = 100_001;
    /** The start of a PNG, so that a file is typed by its content. */
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** One media type per input capability, the one each kind's checks are made with. */
    private static final Map<Capability, String> KINDS = Map.of(
            Capability.IMAGE_INPUT, "image/png",
            Capability.VIDEO_INPUT, "video/mp4",
            Capability.AUDIO_INPUT, "audio/mpeg",
            Capability.PDF_INPUT, "application/pdf");

    /** The vendor's JSON for one media part that carries {@code url} (a URL or a data URI). */
    protected abstract String mediaPartJson(String url);

    @Test
    void writesInMemoryMediaInTheVendorsShape() {
        byte[] data = pattern(MEDIA_BYTES);
        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(data);

        JsonNode content = sentContent(ChatRequest.builder().model(imageModel()).user(Part.text("分析图片内容"), Part.bytes(data, "image/png")).build());

        assertSameJson("{\"type\":\"text\",\"text\":\"分析图片内容\"}", content.path(0).toString(), "media part shape: the text part before the media");
        assertSameJson(mediaPartJson(dataUri), content.path(1).toString(), "media part shape: bytes");
        assertEquals(2, content.size(), "media part shape: parts");
    }

    @Test
    void writesAFileInTheVendorsShapeTypedByItsContent() throws IOException {
        byte[] data = pattern(4096);
        System.arraycopy(PNG_SIGNATURE, 0, data, 0, PNG_SIGNATURE.length);
        // The extension says nothing: the type must come from the magic bytes.
        Path file = Files.createTempFile("junction-media-", ".bin");
        try {
            Files.write(file, data);
            JsonNode content = sentContent(ChatRequest.builder().model(imageModel()).user(Part.text("分析图片内容"), Part.file(file)).build());

            assertSameJson(mediaPartJson("data:image/png;base64," + Base64.getEncoder().encodeToString(data)),
                    content.path(1).toString(), "media part shape: a file");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void sendsADataUriAsGiven() {
        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(pattern(300));

        JsonNode content = sentContent(ChatRequest.builder().model(imageModel()).user(Part.text("给人物添加墨镜"), Part.dataUri(dataUri)).build());

        assertSameJson(mediaPartJson(dataUri), content.path(1).toString(), "media part shape: a data URI");
    }

    @Test
    void handlesMediaUrlsAsDeclared() {
        URI url = URI.create("https://example.com/photo.jpg");
        ChatRequest request = ChatRequest.builder().model(imageModel()).user(Part.text("这张图片里是什么?"), Part.url(url)).build();
        if (vendor().acceptsMediaUrls()) {
            assertSameJson(mediaPartJson(url.toString()), sentContent(request).path(1).toString(), "media part shape: a URL");
        } else {
            JunctionException e = failure(chatModel(imageModel()), request);
            assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind(), "media URL refused: kind");
            assertEquals(vendor().id(), e.provider());
            assertTrue(e.getMessage().contains("message 0, part 1"), () -> "the message should name the part: " + e.getMessage());
            assertTrue(e.hint().isPresent(), "a rejected part needs a hint");
            assertEquals(List.of(), stub().requests(), "a rejected request must not reach the vendor");
        }
    }

    @TestFactory
    Stream<DynamicTest> sendsEachDeclaredMediaKindInTheVendorsShapeAndRefusesTheOthers() {
        return vendor().models().stream().flatMap(model -> KINDS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(kind -> dynamicTest(model.id() + " " + kind.getValue(), () -> {
                    stub().reset();
                    byte[] data = pattern(1000);
                    ChatRequest request = ChatRequest.builder().model(model.id())
                            .user(Part.text("内容是什么?"), Part.bytes(data, kind.getValue())).build();
                    if (model.can(kind.getKey())) {
                        String dataUri = "data:" + kind.getValue() + ";base64," + Base64.getEncoder().encodeToString(data);
                        assertSameJson(mediaPartJson(dataUri), sentContent(request).path(1).toString(),
                                "media part shape: " + kind.getValue() + " to " + model.id() + ", which declares " + kind.getKey());
                    } else {
                        JunctionException e = failure(chatModel(model.id()), request);
                        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind(),
                                () -> model.id() + " declares no " + kind.getKey() + ", so " + kind.getValue() + " is refused: " + e.getMessage());
                        assertEquals(List.of(), stub().requests(), "a refused media kind must not reach the vendor");
                    }
                })));
    }

    /** Sends the request (the stub answering with the sample reply) and returns the first message's content array. */
    private JsonNode sentContent(ChatRequest request) {
        replyWithFixture(vendor().sampleReplyFixture());
        call(chatModel(request.model()), request);
        var received = stub().onlyRequest();
        assertChatCall(vendor(), received, vendor().chatPath(), TEST_KEY);
        return Fixtures.parse(received.getBodyAsString()).path("messages").path(0).path("content");
    }

    /** A model that takes images; the shape checks are skipped for a vendor without one. */
    private String imageModel() {
        Optional<String> model = vendor().firstModelThatCan(Capability.IMAGE_INPUT).map(ModelInfo::id);
        assumeTrue(model.isPresent(), () -> vendor().id() + " declares no model with IMAGE_INPUT");
        return model.get();
    }

    private static byte[] pattern(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return data;
    }
}
