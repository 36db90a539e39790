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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code chat} takes its prompt from: the words, {@code --prompt-file FILE} or standard input; never an empty one. */
class ChatPromptTest {
    private static final String DOCUMENT = "狭义相对论:光速不变。\n广义相对论:引力是时空的弯曲。\n";

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static void reply(String path, String fixture) {
        vendor.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture(fixture))));
    }

    @Test
    void aBlankPromptWithoutAttachmentsExitsTwoUnsent() {
        Cli.Result result = WireSpec.assertNoKey(Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"), "").assertExit(2));

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: the prompt is empty"), result.err());
        assertTrue(result.err().contains("hint: give the prompt as words after the options, with --prompt-file FILE"), result.err());
        vendor.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anEmptyPromptFileIsAnEmptyPrompt(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n");

        Cli.Result result = Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"), "--prompt-file", empty.toString())
                .assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: the prompt is empty"), result.err());
        vendor.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void thePromptFileFollowsTheWordsAfterABlankLine(@TempDir Path dir) throws IOException {
        reply("/v1/chat/completions", "aivideoapi-gemini-3-pro-reply.json");
        Path file = Files.writeString(dir.resolve("notes.txt"), DOCUMENT);

        WireSpec.assertNoKey(Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"), "--prompt-file", file.toString(),
                "总结", "这些笔记").assertExit(0));

        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("总结 这些笔记\n\n" + DOCUMENT))));
    }

    @Test
    void dashReadsThePromptFromStandardInput() {
        reply("/v1/chat/completions", "aivideoapi-gemini-3-pro-reply.json");

        WireSpec.assertNoKey(Cli.runWithStdin(("\uFEFF" + DOCUMENT).getBytes(StandardCharsets.UTF_8), "chat", "-p",
                WireSpec.aivideoapi(vendor, "gemini-3-pro"), "--prompt-file", "-").assertExit(0));

        // The byte order mark some editors write is not part of the prompt.
        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo(DOCUMENT))));
    }

    @Test
    void aBlankPromptWithAnAttachmentSendsTheMediaAlone(@TempDir Path dir) throws IOException {
        reply("/v1/chat/completions", "yisu-vision-reply.json");
        byte[] png = Cli.fixture("tiny.png");
        Path image = Files.write(dir.resolve("beach.png"), png);

        WireSpec.assertNoKey(Cli.run("chat", "-p", WireSpec.yisu(vendor), "--attach", image.toString(), "").assertExit(0));

        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].content.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.messages[0].content[0].image",
                        equalTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png)))));
    }

    @Test
    void aMissingPromptFileExitsTwoNamingItUnsent(@TempDir Path dir) {
        Path missing = dir.resolve("nope.txt");

        Cli.Result result = Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"), "--prompt-file", missing.toString())
                .assertExit(2);

        assertEquals("", result.out());
        assertTrue(result.err().startsWith("error: INVALID_REQUEST: --prompt-file " + missing + " does not exist"), result.err());
        vendor.verify(0, anyRequestedFor(anyUrl()));
    }
}
