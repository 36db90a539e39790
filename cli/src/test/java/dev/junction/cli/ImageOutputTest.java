package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code chat --save-images} and {@code junction image}: the exact bytes of yisu's generated images land in files. */
class ImageOutputTest {
    private static final String NL = System.lineSeparator();
    private static final byte[] PNG = Cli.fixture("tiny.png");

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The documented text-to-image reply with its images[] replaced by the given data URIs. */
    private static void replyWithImages(String... dataUris) throws IOException {
        ObjectNode reply = (ObjectNode) Cli.JSON.readTree(Cli.fixture("yisu-text-to-image-reply.json"));
        ArrayNode images = ((ObjectNode) reply.get("choices").get(0).get("message")).putArray("images");
        for (int i = 0; i < dataUris.length; i++) {
            images.addObject().put("type", "image_url").put("index", i).putObject("image_url").put("url", dataUris[i]);
        }
        vendor.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Cli.JSON.writeValueAsBytes(reply))));
    }

    private static String pngUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);
    }

    /** The JPEG in the documented reply, decoded. */
    private static byte[] documentedJpeg() throws IOException {
        String uri = Cli.JSON.readTree(Cli.fixture("yisu-text-to-image-reply.json"))
                .at("/choices/0/message/images/0/image_url/url").asText();
        return Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));
    }

    @Test
    void saveImagesWritesEachImageWithItsExtensionAndNamesTheFiles(@TempDir Path dir) throws IOException {
        replyWithImages(Cli.JSON.readTree(Cli.fixture("yisu-text-to-image-reply.json"))
                .at("/choices/0/message/images/0/image_url/url").asText(), pngUri());
        Path folder = dir.resolve("out/new");

        Cli.Result result = WireSpec.assertNoKey(Cli.run("chat", "-p", WireSpec.yisu(vendor), "--save-images", folder.toString(),
                "生成未来城市夜景").assertExit(0));

        assertArrayEquals(documentedJpeg(), Files.readAllBytes(folder.resolve("image-1.jpg")));
        assertArrayEquals(PNG, Files.readAllBytes(folder.resolve("image-2.png")));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("image-1.jpg", "image-2.png"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(result.err().contains("saved " + folder.resolve("image-1.jpg") + NL + "saved " + folder.resolve("image-2.png") + NL),
                result.err());
        assertEquals(NL, result.out(), "the documented reply has no text");
    }

    @Test
    void saveImagesIsRefusedWithStreamBeforeSending(@TempDir Path dir) {
        Cli.run("chat", "--stream", "-p", WireSpec.yisu(vendor), "--save-images", dir.toString(), "画").assertExit(2);

        vendor.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void extensionsFollowTheMediaType() {
        assertEquals("jpg", new dev.junction.chat.GeneratedImage(new byte[0], "image/jpeg").fileExtension());
        assertEquals("png", new dev.junction.chat.GeneratedImage(new byte[0], "IMAGE/PNG").fileExtension());
        assertEquals("webp", new dev.junction.chat.GeneratedImage(new byte[0], "image/webp").fileExtension());
        assertEquals("gif", new dev.junction.chat.GeneratedImage(new byte[0], "image/gif; charset=binary").fileExtension());
        assertEquals("bin", new dev.junction.chat.GeneratedImage(new byte[0], "application/x-unknown").fileExtension());
    }

    @Test
    void imageWritesTheFirstImageAndItsSizeTypeAndCost(@TempDir Path dir) throws IOException {
        replyWithImages(pngUri(), "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(documentedJpeg()));
        Path out = dir.resolve("a/b/city.png");

        Cli.Result result = WireSpec.assertNoKey(Cli.run("image", "-p", WireSpec.yisu(vendor), "-o", out.toString(),
                "生成未来城市夜景").assertExit(0));

        assertArrayEquals(PNG, Files.readAllBytes(out));
        assertEquals(out + " (" + PNG.length + " bytes, image/png) · cost unknown" + NL, result.out());
        assertTrue(result.err().contains("note: the answer holds 2 images; only the first was written"), result.err());
        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("google/gemini-3-pro-image-preview")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("生成未来城市夜景"))));
    }

    @Test
    void imageTakesAPriceFileForItsCost(@TempDir Path dir) throws IOException {
        replyWithImages(pngUri());
        Path prices = Files.writeString(dir.resolve("prices.json"), "{\"prices\":[{\"provider\":\"yisu\","
                + "\"model\":\"gemini-3-pro-image-preview\",\"currency\":\"USD\",\"inputPerMillion\":\"1\","
                + "\"outputPerMillion\":\"10\",\"source\":\"my contract\"}]}");
        Path out = dir.resolve("city.png");

        Cli.Result result = WireSpec.assertNoKey(Cli.run("image", "-p", WireSpec.yisu(vendor), "--prices", prices.toString(),
                "-o", out.toString(), "生成未来城市夜景").assertExit(0));

        // The documented usage: 14 input tokens × $1 + 1,404 output (image) tokens × $10, per million.
        assertEquals(out + " (" + PNG.length + " bytes, image/png) · $0.014054" + NL, result.out());
    }

    @Test
    void imageSendsAttachmentsInOrderWhetherGivenAsAttachOrImage(@TempDir Path dir) throws IOException {
        replyWithImages(pngUri());
        Path input = Files.write(dir.resolve("in.png"), PNG);

        Cli.run("image", "-p", WireSpec.yisu(vendor), "--attach", input.toString(), "--image", input.toString(),
                "-o", dir.resolve("out.png").toString(), "给猫戴上帽子").assertExit(0);

        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].content[0].text", equalTo("给猫戴上帽子")))
                .withRequestBody(matchingJsonPath("$.messages[0].content[1].image", equalTo(pngUri())))
                .withRequestBody(matchingJsonPath("$.messages[0].content[2].image", equalTo(pngUri()))));
    }

    @Test
    void imageWithAReplyWithoutImagesFailsAsProtocolQuotingTheText(@TempDir Path dir) {
        vendor.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture("yisu-vision-reply.json"))));
        Path out = dir.resolve("none.png");

        Cli.Result result = WireSpec.assertNoKey(Cli.run("image", "-p", WireSpec.yisu(vendor), "-o", out.toString(), "hi")
                .assertExit(1));

        assertTrue(result.err().contains("error: PROTOCOL from yisu: yisu: the reply had no image; the model answered"
                + " \"图片中是一位站在海边的人,背景是夕阳。\""), result.err());
        assertEquals("", result.out());
        assertTrue(Files.notExists(out));
    }

    @Test
    void imageAtAModelWithoutImageOutputIsRefusedUnsent(@TempDir Path dir) {
        Cli.Result result = Cli.run("image", "-p", WireSpec.acedata(vendor, "gemini-2.5-pro"),
                "-o", dir.resolve("x.png").toString(), "画一只猫").assertExit(2);

        assertTrue(result.err().startsWith("error: UNSUPPORTED_FEATURE from acedata: acedata: gemini-2.5-pro does not generate images"),
                result.err());
        vendor.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void attachWithAMissingFileNamesTheOptionUsed() {
        Cli.Result result = Cli.run("chat", "-p", WireSpec.yisu(vendor), "--attach", "no/such/clip.mp4", "hi").assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: --attach no/such/clip.mp4: no such file"), result.err());
        vendor.verify(0, anyRequestedFor(anyUrl()));
    }
}
