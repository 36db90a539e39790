package dev.junction.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code chat --tool/--tool-choice/--search}: what the vendor receives, what is refused unsent, and how calls print. */
class ChatToolsTest {
    private static final String WEATHER_TOOL = "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"获取指定城市的当前天气\",\"parameters\":{\"type\":\"object\",\"properties\":"
            + "{\"location\":{\"type\":\"string\",\"description\":\"城市名称\"}},\"required\":[\"location\"]}}}";

    @RegisterExtension
    static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static void reply(String fixture) {
        vendor.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Cli.fixture(fixture))));
    }

    private static void assertNothingSent() {
        vendor.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void toolFileIsSentAsTheDocumentedFunctionDefinition() {
        reply("aivideoapi-gemini-3-pro-reply.json");

        WireSpec.assertNoKey(Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-2.5-pro"),
                "--tool", WireSpec.file("tools/get_weather.json"), "东京今天天气怎么样?").assertExit(0));

        // The aivideoapi docs' function-calling request, byte for byte in content.
        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson(
                new String(Cli.fixture("aivideoapi-function-call-request.json"), StandardCharsets.UTF_8), false, true)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "auto        | \"auto\"",
        "none        | \"none\"",
        "required    | \"required\"",
        "get_weather | {\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}"})
    void toolChoiceTakesEachOfItsWireShapes(String choice, String wire) {
        reply("aivideoapi-gemini-3-pro-reply.json");

        Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"), "--tool", WireSpec.file("tools/get_weather.json"),
                "--tool-choice", choice, "hi").assertExit(0);

        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(equalToJson("{\"tool_choice\":" + wire + ",\"tools\":[" + WEATHER_TOOL + "]}", false, true)));
    }

    @Test
    void searchIsSentAsAivideoapisGoogleSearchFunction() {
        reply("aivideoapi-gemini-3-pro-reply.json");

        Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"), "--search", "今天 Bitcoin 价格").assertExit(0);

        vendor.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson(
                new String(Cli.fixture("aivideoapi-google-search-request.json"), StandardCharsets.UTF_8), false, true)));
    }

    @Test
    void searchWithAFunctionToolBreaksAivideoapisRuleAndIsNotSent() {
        Cli.Result result = WireSpec.assertNoKey(Cli.run("chat", "--json", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"),
                "--search", "--tool", WireSpec.file("tools/get_weather.json"), "hi").assertExit(2));

        assertEquals("UNSUPPORTED_FEATURE", result.json().get("error").get("kind").asText());
        assertTrue(result.err().contains("web search and function tools cannot be used together"), result.err());
        assertNothingSent();
    }

    @Test
    void toolWithASchemaBreaksAivideoapisRuleAndIsNotSent() {
        Cli.Result result = WireSpec.assertNoKey(Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"),
                "--tool", WireSpec.file("tools/get_weather.json"), "--schema", WireSpec.file("tools/scientists.json"), "hi")
                .assertExit(2));

        assertTrue(result.err().startsWith("error: UNSUPPORTED_FEATURE from aivideoapi"), result.err());
        assertTrue(result.err().contains("tools and a response format cannot be used together"), result.err());
        assertNothingSent();
    }

    @Test
    void toolAtAModelWithoutToolsIsRefusedUnsent() {
        Cli.Result result = WireSpec.assertNoKey(Cli.run("chat", "-p", WireSpec.acedata(vendor, "gemini-2.5-pro"),
                "--tool", WireSpec.file("tools/get_weather.json"), "hi").assertExit(2));

        assertTrue(result.err().startsWith("error: UNSUPPORTED_FEATURE from acedata"), result.err());
        assertTrue(result.err().contains("function tools"), result.err());
        assertNothingSent();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tools/no-such-tool.json    | no such file",
        "tools/not-json.json        | not a JSON object",
        "tools/nameless-tool.json   | the function has no \"name\" string",
        "tools/bad-name-tool.json   | must be 1 to 64 letters, digits",
        "tools/bad-params-tool.json | \"parameters\" must be a JSON Schema object"})
    void badToolFilesFailNamingTheFileBeforeSending(String file, String problem) {
        String path = file.contains("no-such") ? WireSpec.file("tools") + "/no-such-tool.json" : WireSpec.file(file);

        Cli.Result result = Cli.run("chat", "--json", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"), "--tool", path, "hi")
                .assertExit(2);

        assertTrue(result.err().startsWith("error: INVALID_REQUEST: --tool " + path + ": "), result.err());
        assertTrue(result.err().contains(problem), result.err());
        assertEquals("INVALID_REQUEST", result.json().get("error").get("kind").asText());
        assertNothingSent();
    }

    @Test
    void jsonListsTheToolCallsWithParsedOrFlaggedArguments() {
        reply("aivideoapi-tool-call-reply.json");

        Cli.Result result = WireSpec.assertNoKey(Cli.run("chat", "--json", "-p", WireSpec.aivideoapi(vendor, "gemini-2.5-pro"),
                "--tool", WireSpec.file("tools/get_weather.json"), "东京和大阪的天气").assertExit(0));

        JsonNode calls = result.json().get("toolCalls");
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(result.out().contains("\"toolCalls\":[{\"id\":\"call_1\",\"name\":\"get_weather\","
                + "\"arguments\":{\"location\":\"东京\",\"days\":3,\"threshold\":1.50}}"), result.out());
        assertEquals("call_2", calls.get(1).get("id").asText());
        assertEquals("{\"location\":\"大阪\"", calls.get(1).get("arguments").asText());
        assertTrue(calls.get(1).get("argumentsInvalid").asBoolean());
        assertEquals("TOOL_CALLS", result.json().get("finishReason").asText());
    }

    @Test
    void textModePrintsOneLinePerToolCall() {
        reply("aivideoapi-tool-call-reply.json");

        Cli.Result result = Cli.run("chat", "-p", WireSpec.aivideoapi(vendor, "gemini-2.5-pro"),
                "--tool", WireSpec.file("tools/get_weather.json"), "东京和大阪的天气").assertExit(0);

        assertEquals(List.of("tool call: get_weather({\"location\":\"东京\",\"days\":3,\"threshold\":1.50})",
                "tool call: get_weather({\"location\":\"大阪\")"), result.out().lines().toList());
    }

    @Test
    void jsonHasAnEmptyToolCallsArrayWhenThereAreNone() {
        reply("aivideoapi-gemini-3-pro-reply.json");

        JsonNode json = Cli.run("chat", "--json", "-p", WireSpec.aivideoapi(vendor, "gemini-3-pro"), "hi").assertExit(0).json();

        assertTrue(json.get("toolCalls").isArray() && json.get("toolCalls").isEmpty(), json.toString());
        assertTrue(!json.has("json"), "\"json\" only comes with --schema");
    }
}
