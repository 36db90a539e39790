package dev.junction.gateway.clients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.junction.gateway.clients.ClientTestRig.CHAT_PATH;
import static dev.junction.gateway.clients.ClientTestRig.fixture;
import static dev.junction.gateway.clients.ClientTestRig.googleError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.CompletionUsage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI Java SDK ({@code com.openai:openai-java}) against the gateway, with Google
 * behind it answering its documented replies: what the SDK's types and exceptions see, and what
 * Google received, byte for byte.
 */
@Timeout(60)
class OpenAiJavaClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEATHER_QUESTION = "东京和大阪今天天气怎么样?";
    private static final String WEATHER_SCHEMA =
            "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}";

    @TempDir
    static Path workDir;
    private static ClientTestRig rig;
    private static OpenAIClient client;

    @BeforeAll
    static void startGateway() {
        rig = ClientTestRig.start(workDir);
        client = client(ClientTestRig.KEY_ALL);
    }

    @AfterAll
    static void stopGateway() {
        if (client != null) {
            client.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @BeforeEach
    void resetVendor() {
        rig.reset();
    }

    /** No SDK retries: one request, one answer, one assertion. */
    private static OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(rig.gatewayUrl()).apiKey(key).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static ChatCompletionCreateParams explain(String model) {
        return ChatCompletionCreateParams.builder().model(model)
                .addSystemMessage("You are a helpful assistant.")
                .addUserMessage("Explain to me how AI works")
                .build();
    }

    // ---------------------------------------------------------------- chat

    @Test
    void chatGivesContentTypedUsageCostAndJunctionHeaders() {
        rig.vendorRepliesJson("chat-reply.json");

        try (HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(explain("gemini-2.5-pro"))) {
            assertEquals(200, raw.statusCode());
            ChatCompletion completion = raw.parse();
            assertEquals("AI works by learning patterns from examples and using them to make predictions.",
                    completion.choices().get(0).message().content().orElseThrow());
            assertEquals(ChatCompletion.Choice.FinishReason.STOP, completion.choices().get(0).finishReason());
            assertEquals("gemini-2.5-pro", completion.model());
            CompletionUsage usage = completion.usage().orElseThrow();
            assertEquals(8, usage.promptTokens());
            assertEquals(17, usage.completionTokens());
            assertEquals(25, usage.totalTokens());
            // Google's list price: 8 × $1.25/M + 17 × $10/M.
            BigDecimal cost = usage._allProperties().get("cost").convert(BigDecimal.class);
            assertEquals(0, new BigDecimal("0.00018").compareTo(cost), () -> "usage.cost " + cost);

            Headers headers = raw.headers();
            assertEquals(List.of("google"), headers.values("x-junction-provider"));
            assertEquals(List.of("1"), headers.values("x-junction-attempts"));
            assertEquals(0, cost.compareTo(new BigDecimal(only(headers, "x-junction-cost-usd"))));
            assertTrue(new BigDecimal(only(headers, "x-junction-quote-usd")).signum() > 0, () -> headers.asMap().toString());
        }
        rig.vendor.verify(1, postRequestedFor(urlEqualTo(CHAT_PATH))
                .withHeader("Authorization", equalTo("Bearer " + ClientTestRig.VENDOR_KEY))
                .withRequestBody(equalToJson(fixture("explain-request.json"))));
    }

    @Test
    void chatGivesGemini3ThoughtsAsReasoningContent() {
        rig.vendorRepliesJson("thoughts-reply.json");

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gemini-3-pro").addUserMessage("Explain to me how AI works").build());

        ChatCompletionMessage message = completion.choices().get(0).message();
        assertEquals("AI learns patterns from examples.", message.content().orElseThrow());
        assertEquals("**Explaining AI simply**\nI will describe learning from examples.",
                message._allProperties().get("reasoning_content").convert(String.class));
        CompletionUsage usage = completion.usage().orElseThrow();
        assertEquals(30, usage.completionTokens());
        // gemini-3-pro list price: 8 × $2/M + 30 × $12/M.
        assertEquals(0, new BigDecimal("0.000376").compareTo(usage._allProperties().get("cost").convert(BigDecimal.class)));
        rig.vendor.verify(1, postRequestedFor(urlEqualTo(CHAT_PATH)).withRequestBody(equalToJson(
                "{\"model\":\"gemini-3-pro-preview\",\"messages\":[{\"role\":\"user\",\"content\":\"Explain to me how AI works\"}]}")));
    }

    @Test
    void chatByProviderSlashModelGoesToThatProvider() {
        rig.vendorRepliesJson("chat-reply.json");

        try (HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(explain("google/gemini-2.5-pro"))) {
            ChatCompletion completion = raw.parse();
            assertEquals("google/gemini-2.5-pro", completion.model());
            assertEquals(25, completion.usage().orElseThrow().totalTokens());
            assertEquals(List.of("google"), raw.headers().values("x-junction-provider"));
        }
        rig.vendor.verify(1, postRequestedFor(urlEqualTo(CHAT_PATH)).withRequestBody(equalToJson(fixture("explain-request.json"))));
    }

    // ---------------------------------------------------------------- stream

    @Test
    void streamGivesDeltasThenAUsageChunkWithCost() {
        rig.vendorRepliesStream("explain-stream.sse");
        ChatCompletionCreateParams params = explain("gemini-2.5-pro").toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();

        List<ChatCompletionChunk> chunks;
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw =
                     client.chat().completions().withRawResponse().createStreaming(params)) {
            assertEquals(200, raw.statusCode());
            assertEquals(List.of("google"), raw.headers().values("x-junction-provider"));
            assertTrue(only(raw.headers(), "Content-Type").startsWith("text/event-stream"));
            try (StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
                chunks = stream.stream().toList();
            }
        }

        StringBuilder text = new StringBuilder();
        Optional<ChatCompletionChunk.Choice.FinishReason> finish = Optional.empty();
        for (ChatCompletionChunk chunk : chunks) {
            assertEquals("gemini-2.5-pro", chunk.model());
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                choice.delta().content().ifPresent(text::append);
                finish = choice.finishReason().isPresent() ? choice.finishReason() : finish;
            }
        }
        assertEquals("AI works by learning patterns from examples.", text.toString());
        assertEquals(Optional.of(ChatCompletionChunk.Choice.FinishReason.STOP), finish);
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertEquals(List.of(), last.choices(), "the usage chunk comes last, with no choices");
        CompletionUsage usage = last.usage().orElseThrow();
        assertEquals(8, usage.promptTokens());
        assertEquals(9, usage.completionTokens());
        assertEquals(17, usage.totalTokens());
        // 8 × $1.25/M + 9 × $10/M.
        assertEquals(0, new BigDecimal("0.0001").compareTo(usage._allProperties().get("cost").convert(BigDecimal.class)));
        assertEquals(1, chunks.stream().filter(c -> c.usage().isPresent()).count(), "one usage chunk");
        rig.vendor.verify(1, postRequestedFor(urlEqualTo(CHAT_PATH)).withRequestBody(equalToJson(
                "{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                        + "{\"role\":\"user\",\"content\":\"Explain to me how AI works\"}],\"stream\":true}")));
    }

    @Test
    void streamGivesGemini3ThoughtsAsReasoningDeltasEvenWhenTheTagIsSplit() {
        rig.vendorRepliesStream("thoughts-stream.sse");
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gemini-3-pro").addUserMessage("Why?").build();

        StringBuilder reasoning = new StringBuilder();
        StringBuilder text = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().flatMap(c -> c.choices().stream()).forEach(choice -> {
                choice.delta().content().ifPresent(text::append);
                JsonValue thought = choice.delta()._allProperties().get("reasoning_content");
                if (thought != null && !thought.isNull()) {
                    reasoning.append(thought.convert(String.class));
                }
            });
        }

        assertEquals("Weighing the question.", reasoning.toString());
        assertEquals("AI learns patterns.", text.toString());
    }

    /** A vendor refusal before the first byte is an HTTP status, which the SDK throws from createStreaming. */
    @Test
    void aStreamRefusedBeforeItBeginsIsTheSdksRateLimitException() {
        rig.vendorReplies(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withHeader("Retry-After", "11")
                .withBody(googleError(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).")));

        RateLimitException e = assertThrows(RateLimitException.class, () -> {
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(explain("gemini-2.5-pro"))) {
                stream.stream().forEach(chunk -> { });
            }
        });

        assertEquals(429, e.statusCode());
        assertEquals(List.of("11"), e.headers().values("Retry-After"));
        assertEquals(1, rig.vendorRequests().size());
    }

    // ---------------------------------------------------------------- tools

    private static ChatCompletionFunctionTool weatherTool() {
        Map<String, JsonValue> schema = Map.of(
                "type", JsonValue.from("object"),
                "properties", JsonValue.from(Map.of("location", Map.of("type", "string"))),
                "required", JsonValue.from(List.of("location")));
        return ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                .name("get_weather").description("Today's weather at a place")
                .parameters(FunctionParameters.builder().additionalProperties(schema).build())
                .build()).build();
    }

    private static final String WEATHER_TOOLS_JSON = "[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"Today's weather at a place\",\"parameters\":" + WEATHER_SCHEMA + "}}]";

    @Test
    void toolCallsAreTypedAndTheirThoughtSignaturesRoundTripByteForByte() throws IOException {
        JsonNode documented = JSON.readTree(fixture("signed-tool-calls-reply.json")).at("/choices/0/message/tool_calls");
        String tokyoSignature = documented.at("/0/extra_content/google/thought_signature").asText();
        String osakaSignature = documented.at("/1/extra_content/google/thought_signature").asText();
        rig.vendorRepliesJson("signed-tool-calls-reply.json");
        ChatCompletionCreateParams turn1 = ChatCompletionCreateParams.builder().model("gemini-2.5-pro")
                .addUserMessage(WEATHER_QUESTION).addTool(weatherTool()).build();

        ChatCompletion completion = client.chat().completions().create(turn1);

        ChatCompletion.Choice choice = completion.choices().get(0);
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, choice.finishReason());
        List<ChatCompletionMessageFunctionToolCall> calls = choice.message().toolCalls().orElseThrow().stream()
                .map(call -> call.function().orElseThrow()).toList();
        assertEquals(2, calls.size());
        assertEquals("function-call-11871290843946216394", calls.get(0).id());
        assertEquals("get_weather", calls.get(0).function().name());
        assertEquals("{\"location\":\"东京\"}", calls.get(0).function().arguments());
        assertEquals("function-call-11871290843946216395", calls.get(1).id());
        assertEquals("{\"location\":\"大阪\"}", calls.get(1).function().arguments());
        JsonNode tokyoExtra = extraContent(calls.get(0));
        assertEquals(tokyoSignature, tokyoExtra.at("/google/thought_signature").asText());
        assertEquals("google", tokyoExtra.at("/junction/provider").asText());
        assertEquals(osakaSignature, extraContent(calls.get(1)).at("/google/thought_signature").asText());
        rig.vendor.verify(1, postRequestedFor(urlEqualTo(CHAT_PATH)).withRequestBody(equalToJson(
                "{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"" + WEATHER_QUESTION + "\"}],"
                        + "\"tools\":" + WEATHER_TOOLS_JSON + "}")));

        // Turn 2: the assistant message exactly as the SDK returned it, then the tool results.
        rig.reset();
        rig.vendorRepliesJson("chat-reply.json");
        ChatCompletionCreateParams turn2 = turn1.toBuilder()
                .addMessage(choice.message())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(calls.get(0).id()).content("{\"temp_c\":22}").build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(calls.get(1).id()).content("{\"temp_c\":24}").build())
                .build();

        assertEquals("AI works by learning patterns from examples and using them to make predictions.",
                client.chat().completions().create(turn2).choices().get(0).message().content().orElseThrow());

        String expected = "{\"model\":\"gemini-2.5-pro\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"" + WEATHER_QUESTION + "\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
                + "{\"id\":\"function-call-11871290843946216394\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"location\\\":\\\"东京\\\"}\"},\"extra_content\":{\"google\":{\"thought_signature\":\"" + tokyoSignature + "\"}}},"
                + "{\"id\":\"function-call-11871290843946216395\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"location\\\":\\\"大阪\\\"}\"},\"extra_content\":{\"google\":{\"thought_signature\":\"" + osakaSignature + "\"}}}]},"
                + "{\"role\":\"tool\",\"content\":\"{\\\"temp_c\\\":22}\",\"tool_call_id\":\"function-call-11871290843946216394\"},"
                + "{\"role\":\"tool\",\"content\":\"{\\\"temp_c\\\":24}\",\"tool_call_id\":\"function-call-11871290843946216395\"}],"
                + "\"tools\":" + WEATHER_TOOLS_JSON + "}";
        rig.vendor.verify(1, postRequestedFor(urlEqualTo(CHAT_PATH)).withRequestBody(equalToJson(expected)));
        // Byte for byte: the signature text itself, as Google issued it, with no re-escaping of '/' or '+'.
        String sent = rig.vendorRequests().get(0).getBodyAsString();
        assertTrue(sent.contains("\"thought_signature\":\"" + tokyoSignature + "\""), sent);
        assertTrue(sent.contains("\"thought_signature\":\"" + osakaSignature + "\""), sent);
    }

    @Test
    void streamedToolCallsCarryTheirThoughtSignatures() throws IOException {
        rig.vendorRepliesStream("signed-tool-calls-stream.sse");
        JsonNode documented = JSON.readTree(fixture("signed-tool-calls-reply.json")).at("/choices/0/message/tool_calls");
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gemini-2.5-pro")
                .addUserMessage(WEATHER_QUESTION).addTool(weatherTool()).build();

        List<ChatCompletionChunk.Choice> choices;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            choices = stream.stream().flatMap(c -> c.choices().stream()).toList();
        }

        // As a client reads streamed calls: fragments merged by index (id, name, arguments, then extra_content).
        Map<Long, ObjectNode> calls = new TreeMap<>();
        for (ChatCompletionChunk.Choice choice : choices) {
            for (ChatCompletionChunk.Choice.Delta.ToolCall delta : choice.delta().toolCalls().orElse(List.of())) {
                ObjectNode call = calls.computeIfAbsent(delta.index(), i -> JSON.createObjectNode().put("arguments", ""));
                delta.id().ifPresent(id -> call.put("id", id));
                delta.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::name).ifPresent(n -> call.put("name", n));
                delta.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::arguments)
                        .ifPresent(a -> call.put("arguments", call.get("arguments").asText() + a));
                JsonValue extra = delta._allProperties().get("extra_content");
                if (extra != null) {
                    call.set("extra_content", extra.convert(JsonNode.class));
                }
            }
        }
        assertEquals(List.of(0L, 1L), List.copyOf(calls.keySet()));
        for (int i = 0; i < 2; i++) {
            ObjectNode call = calls.get((long) i);
            JsonNode expected = documented.get(i);
            assertEquals(expected.get("id").asText(), call.path("id").asText(), call::toString);
            assertEquals("get_weather", call.path("name").asText(), call::toString);
            assertEquals(expected.at("/function/arguments").asText(), call.path("arguments").asText(), call::toString);
            assertEquals(expected.at("/extra_content/google/thought_signature").asText(),
                    call.at("/extra_content/google/thought_signature").asText(), call::toString);
            assertEquals("google", call.at("/extra_content/junction/provider").asText(), call::toString);
        }
        assertEquals(Optional.of(ChatCompletionChunk.Choice.FinishReason.TOOL_CALLS),
                choices.stream().map(ChatCompletionChunk.Choice::finishReason).filter(Optional::isPresent).findFirst().orElseThrow());
    }

    /** The SDK does not model extra_content: _allProperties() holds it, as the JSON the gateway sent. */
    private static JsonNode extraContent(ChatCompletionMessageFunctionToolCall call) {
        JsonValue extra = call._allProperties().get("extra_content");
        assertTrue(extra != null, () -> "no extra_content on " + call);
        return extra.convert(JsonNode.class);
    }

    // ---------------------------------------------------------------- errors

    private static void assertEnvelope(OpenAIServiceException e, int status, String type, String code) {
        assertEquals(status, e.statusCode(), e::getMessage);
        assertEquals(Optional.of(type), e.type(), e::getMessage);
        if (code != null) {
            assertEquals(Optional.of(code), e.code(), e::getMessage);
        }
    }

    @Test
    void anInvalidRequestIsTheSdksBadRequestExceptionAndReachesNoVendor() {
        ChatCompletionCreateParams empty = ChatCompletionCreateParams.builder().model("gemini-2.5-pro").messages(List.of()).build();

        BadRequestException e = assertThrows(BadRequestException.class, () -> client.chat().completions().create(empty));

        assertEnvelope(e, 400, "invalid_request", null);
        assertEquals(List.of(), rig.vendorRequests());
    }

    @Test
    void aRequestGoogleRefusesIsTheSdksBadRequestException() {
        rig.vendorReplies(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(fixture("error-invalid-argument.json")));

        BadRequestException e = assertThrows(BadRequestException.class, () -> client.chat().completions().create(explain("gemini-2.5-pro")));

        assertEnvelope(e, 400, "invalid_request", null);
        assertTrue(e.getMessage().contains("Unknown name \"foo\""), e::getMessage);
        assertEquals(1, rig.vendorRequests().size());
    }

    @Test
    void anUnknownGatewayKeyIsTheSdksUnauthorizedException() {
        OpenAIClient stranger = client("jk-not-a-key-of-this-gateway");
        try {
            UnauthorizedException e = assertThrows(UnauthorizedException.class,
                    () -> stranger.chat().completions().create(explain("gemini-2.5-pro")));
            assertEnvelope(e, 401, "authentication", "invalid_api_key");
            assertFalse(e.getMessage().contains("jk-not-a-key-of-this-gateway"), "the key is never echoed");
        } finally {
            stranger.close();
        }
        assertEquals(List.of(), rig.vendorRequests());
    }

    @Test
    void aModelTheKeyMayNotUseIsTheSdksPermissionDeniedException() {
        OpenAIClient gemini3Only = client(ClientTestRig.KEY_GEMINI_3);
        try {
            PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                    () -> gemini3Only.chat().completions().create(explain("gemini-2.5-pro")));
            assertEnvelope(e, 403, "permission_denied", null);
            assertEquals(Optional.of("model"), e.param());
        } finally {
            gemini3Only.close();
        }
        assertEquals(List.of(), rig.vendorRequests());
    }

    @Test
    void anUnknownModelIsTheSdksNotFoundException() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.chat().completions().create(explain("gemini-9-ultra")));

        assertEnvelope(e, 404, "model_not_found", "model_not_found");
        assertEquals(List.of(), rig.vendorRequests());
    }

    @Test
    void googlesRateLimitIsTheSdksRateLimitExceptionWithRetryAfterPassedOn() {
        rig.vendorReplies(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withHeader("Retry-After", "17")
                .withBody(googleError(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).")));

        RateLimitException e = assertThrows(RateLimitException.class, () -> client.chat().completions().create(explain("gemini-2.5-pro")));

        assertEnvelope(e, 429, "rate_limited", null);
        assertEquals(List.of("17"), e.headers().values("Retry-After"));
        assertEquals(List.of("google"), e.headers().values("x-junction-provider"));
        assertEquals(1, rig.vendorRequests().size());
    }

    @Test
    void aBudgetRefusalIsTheSdksRateLimitExceptionThatSaysDoNotRetry() {
        OpenAIClient broke = client(ClientTestRig.KEY_BROKE);
        try {
            RateLimitException e = assertThrows(RateLimitException.class,
                    () -> broke.chat().completions().create(explain("gemini-2.5-pro")));
            assertEquals(429, e.statusCode());
            assertEquals(Optional.of("budget_exceeded"), e.code());
            assertEquals(List.of("false"), e.headers().values("x-should-retry"));
        } finally {
            broke.close();
        }
        assertEquals(List.of(), rig.vendorRequests());
    }

    @Test
    void googlesServerErrorIsTheSdksInternalServerExceptionWith502() {
        rig.vendorReplies(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody(googleError(500, "INTERNAL", "An internal error has occurred.")));

        InternalServerException e = assertThrows(InternalServerException.class,
                () -> client.chat().completions().create(explain("gemini-2.5-pro")));

        assertEquals(502, e.statusCode(), e::getMessage);
        assertEquals(1, rig.vendorRequests().size());
    }

    /** Google refusing the gateway's own key is the operator's problem, not the caller's: not a 401 the SDK would blame on its key. */
    @Test
    void googleRefusingTheGatewaysVendorKeyIsA502NotTheCallers401() {
        rig.vendorReplies(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.")));

        InternalServerException e = assertThrows(InternalServerException.class,
                () -> client.chat().completions().create(explain("gemini-2.5-pro")));

        assertEquals(502, e.statusCode(), e::getMessage);
        assertFalse(e.getMessage().contains(ClientTestRig.VENDOR_KEY), "the vendor key is never echoed");
        assertEquals(1, rig.vendorRequests().size());
    }

    @Test
    void aVendorSlowerThanTheUpstreamTimeoutIsTheSdksInternalServerExceptionWith504() {
        rig.vendorReplies(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(fixture("chat-reply.json")).withFixedDelay((ClientTestRig.UPSTREAM_TIMEOUT_SECONDS + 3) * 1000));

        InternalServerException e = assertThrows(InternalServerException.class,
                () -> client.chat().completions().create(explain("gemini-2.5-pro")));

        assertEquals(504, e.statusCode(), e::getMessage);
        assertEquals(1, rig.vendorRequests().size());
    }

    private static String only(Headers headers, String name) {
        List<String> values = headers.values(name);
        assertEquals(1, values.size(), () -> name + " in " + headers.asMap());
        return values.get(0);
    }
}
