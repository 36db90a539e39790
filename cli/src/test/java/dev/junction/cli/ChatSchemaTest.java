package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code chat --schema}: the response format sent, the parsed answer in {@code "json"}, and a non-JSON answer as PROTOCOL. */
class ChatSchemaTest {
    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static void reply(String fixture) {
        vendor.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture(fixture))));
    }

    @Test
    void schemaFileIsSentAsTheDocumentedStrictResponseFormatNamedAfterTheFile() {
        reply("aivideoapi-scientists-reply.json");

        WireSpec.assertNoKey(Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"),
                "--schema", WireSpec.file("tools/scientists.json"), "列出 3 位著名科学家").assertExit(0));

        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson(
                new String(Cli.fixture("aivideoapi-structured-output-request.json"), StandardCharsets.UTF_8), false, true)));
    }

    @Test
    void schemaNameIsSanitisedFromADottedFileName(@TempDir Path dir) throws IOException {
        reply("aivideoapi-scientists-reply.json");
        Path schema = Files.write(dir.resolve("scientists.schema.json"), Cli.fixture("tools/scientists.json"));

        Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"), "--schema", schema.toString(), "hi").assertExit(0);

        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("scientists_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true"))));
    }

    @ParameterizedTest
    @CsvSource({
        "scientists.json, scientists",
        "scientists.schema.json, scientists_schema",
        "dir/my schema (v2).json, my_schema__v2_",
        "科学家.json, ___",
        ".json, _json",
        "noext, noext"})
    void schemaNameRule(String file, String name) {
        assertEquals(name, JsonFiles.schemaName(file));
    }

    @Test
    void schemaNameIsCutTo64Characters() {
        assertEquals("a".repeat(64), JsonFiles.schemaName("a".repeat(80) + ".json"));
    }

    @Test
    void jsonCarriesTheParsedAnswerWithTheText() {
        reply("aivideoapi-scientists-reply.json");

        Cli.Result result = Cli.run("chat", "--json", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"),
                "--schema", WireSpec.file("tools/scientists.json"), "列出 3 位著名科学家").assertExit(0);

        JsonNode json = result.json();
        assertEquals(3, json.get("json").get("list").size(), json.toString());
        assertEquals("居里夫人", json.get("json").get("list").get(1).get("name").asText());
        assertEquals("化学", json.get("json").get("list").get(1).get("field").asText());
        assertTrue(json.get("text").asText().startsWith("{\"list\":[{\"name\":\"爱因斯坦\""), json.get("text").asText());
    }

    @Test
    void aFencedJsonAnswerIsReadLikeTheLibraryReadsIt() {
        // Gemini sometimes wraps JSON in a Markdown fence; StructuredOutput accepts one, and so does the CLI.
        vendor.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"c\",\"model\":\"gemini-3-pro\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"```json\\n{\\\"list\\\":[]}\\n```\"},\"finish_reason\":\"stop\"}]}")));

        Cli.Result result = Cli.run("chat", "--json", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"),
                "--schema", WireSpec.file("tools/scientists.json"), "hi").assertExit(0);

        assertEquals(0, result.json().get("json").get("list").size(), result.json().toString());
    }

    @Test
    void textModePrintsTheJsonAnswerAsIs() {
        reply("aivideoapi-scientists-reply.json");

        Cli.Result result = Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"),
                "--schema", WireSpec.file("tools/scientists.json"), "hi").assertExit(0);

        assertTrue(result.out().startsWith("{\"list\":[{\"name\":\"爱因斯坦\",\"field\":\"物理学\"}"), result.out());
    }

    @Test
    void anAnswerThatIsNoJsonFailsAsProtocolAndKeepsTheText() {
        reply("aivideoapi-gemini-3-pro-reply.json");

        Cli.Result result = WireSpec.assertNoKey(Cli.run("chat", "--json", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"),
                "--schema", WireSpec.file("tools/scientists.json"), "hi").assertExit(1));

        JsonNode error = result.json().get("error");
        assertEquals("PROTOCOL", error.get("kind").asText());
        assertEquals("aivideoapi", error.get("provider").asText());
        assertEquals("aivideoapi: the answer is not the JSON the schema asks for: \"相对论分为狭义和广义...\"",
                error.get("message").asText());
        assertEquals("相对论分为狭义和广义...", error.get("rawReply").asText());
        assertTrue(result.err().contains("error: PROTOCOL from aivideoapi"), result.err());
        assertTrue(result.err().contains("aivideoapi:gemini-3-pro · 12 input + 86 output tokens"),
                "the spent tokens are still reported: " + result.err());
    }

    @Test
    void textModeShowsTheNonJsonAnswerThenTheError() {
        reply("aivideoapi-gemini-3-pro-reply.json");

        Cli.Result result = Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"),
                "--schema", WireSpec.file("tools/scientists.json"), "hi").assertExit(1);

        assertEquals("相对论分为狭义和广义..." + System.lineSeparator(), result.out());
        assertTrue(result.err().contains("error: PROTOCOL from aivideoapi"), result.err());
    }

    @Test
    void aLongNonJsonAnswerIsQuotedCut() {
        String quoted = StructuredAnswer.quote("长".repeat(500));

        assertEquals("\"" + "长".repeat(StructuredAnswer.QUOTED) + "…\"", quoted);
        assertEquals("(an empty answer)", StructuredAnswer.quote(""));
    }

    @Test
    void aSchemaFileThatIsNoJsonObjectFailsBeforeSending() {
        Cli.Result result = Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"),
                "--schema", WireSpec.file("tools/not-json.json"), "hi").assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: --schema " + WireSpec.file("tools/not-json.json")
                + ": not a JSON object"), result.err());
        assertEquals(0, vendor.getAllServeEvents().size());
    }
}
