package dev.junction.gateway.openai;

import static dev.junction.gateway.openai.Fixtures.assertSameJson;
import static dev.junction.gateway.openai.Fixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.FinishReason;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.ThoughtSignature;
import dev.junction.chat.ToolCall;
import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompletionJsonTest {
    private static final long CREATED = 1_700_000_000L;

    static ChatResponse response(String id, String text, String reasoning, List<GeneratedImage> images, List<ToolCall> calls,
            FinishReason reason, String raw, Usage usage, Cost cost) {
        return new ChatResponse(id, "acedata", "gemini-2.5-pro", "gemini-2.5-pro", text, reasoning, images, calls, reason, raw,
                usage, cost, List.of("a warning the client does not see here"), List.of());
    }

    @Test
    void rendersTextReasoningUsageAndCostExactly() {
        ChatResponse r = response("chatcmpl-abc", "Hello!", "Let me think.", List.of(), List.of(), FinishReason.STOP, "stop",
                Fixtures.usage(), Fixtures.cost("0.000285000000"));
        assertEquals(q("{'id':'chatcmpl-abc','object':'chat.completion','created':1700000000,'model':'acedata/gemini-2.5-pro',"
                + "'choices':[{'index':0,'message':{'role':'assistant','content':'Hello!','refusal':null,"
                + "'reasoning_content':'Let me think.'},'logprobs':null,'finish_reason':'stop'}],"
                + "'usage':{'prompt_tokens':100,'completion_tokens':50,'total_tokens':150,"
                + "'prompt_tokens_details':{'cached_tokens':10},'completion_tokens_details':{'reasoning_tokens':20},"
                + "'cost':0.000285}}"), CompletionJson.render(r, "acedata/gemini-2.5-pro", CREATED).toString());
    }

    @Test
    void rendersToolCallsWithTheirSignatureAndNullContent() {
        ChatResponse r = response("resp-1", "", null, List.of(), List.of(
                        new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}", new ThoughtSignature("acedata", "CiQB/sig==")),
                        new ToolCall("call_2", "get_time", "{}", null)),
                FinishReason.TOOL_CALLS, "tool_calls", Usage.NONE, null);
        assertSameJson(q("""
                {'id':'resp-1','object':'chat.completion','created':1700000000,'model':'m',
                 'choices':[{'index':0,'message':{'role':'assistant','content':null,'refusal':null,'tool_calls':[
                   {'id':'call_1','type':'function','function':{'name':'get_weather','arguments':""") + Fixtures.PARIS_ARGS + q("""
                },
                    'extra_content':{'google':{'thought_signature':'CiQB/sig=='},'junction':{'provider':'acedata'}}},
                   {'id':'call_2','type':'function','function':{'name':'get_time','arguments':'{}'}}]},
                  'logprobs':null,'finish_reason':'tool_calls'}]}
                """), CompletionJson.render(r, "m", CREATED));
    }

    @Test
    void keepsTextBesideToolCallsAndGeneratesMissingIds() throws Exception {
        ChatResponse r = response(null, "Checking.", null, List.of(), List.of(new ToolCall(null, "f", "{}")),
                FinishReason.TOOL_CALLS, null, Usage.NONE, null);
        JsonNode json = Fixtures.JSON.readTree(CompletionJson.render(r, "m", CREATED).toString());
        assertTrue(json.get("id").asText().matches("chatcmpl-[A-Za-z0-9]{24}"), json.get("id").asText());
        JsonNode message = json.at("/choices/0/message");
        assertEquals("Checking.", message.get("content").asText());
        assertTrue(message.at("/tool_calls/0/id").asText().matches("call_[A-Za-z0-9]{24}"), message.toString());
        assertFalse(message.at("/tool_calls/0").has("extra_content"));
        assertFalse(json.has("usage"));
    }

    @Test
    void rendersImagesAsDataUris() {
        ChatResponse r = response("x", "Here it is.", null, List.of(
                new GeneratedImage(new byte[] {1, 2, 3, 4, 5}, "image/png"),
                new GeneratedImage(new byte[] {(byte) 0xff, (byte) 0xd8}, "image/jpeg")), List.of(),
                FinishReason.STOP, "stop", Usage.NONE, null);
        assertSameJson(q("""
                {'id':'x','object':'chat.completion','created':1700000000,'model':'yisu/gemini-3-pro-image-preview',
                 'choices':[{'index':0,'message':{'role':'assistant','content':'Here it is.','refusal':null,'images':[
                   {'type':'image_url','image_url':{'url':'data:image/png;base64,AQIDBAU='}},
                   {'type':'image_url','image_url':{'url':'data:image/jpeg;base64,/9g='}}]},
                  'logprobs':null,'finish_reason':'stop'}]}
                """), CompletionJson.render(r, "yisu/gemini-3-pro-image-preview", CREATED));
    }

    @Test
    void encodesALargeImageAcrossManyChunksExactly() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 7 + 2]; // several encoder groups and a padded tail
        new Random(7).nextBytes(bytes);
        ChatResponse r = response("x", "", null, List.of(new GeneratedImage(bytes, "image/webp")), List.of(),
                FinishReason.STOP, null, Usage.NONE, null);
        JsonNode json = Fixtures.JSON.readTree(CompletionJson.render(r, "m", CREATED).toString());
        assertEquals("data:image/webp;base64," + Base64.getEncoder().encodeToString(bytes),
                json.at("/choices/0/message/images/0/image_url/url").asText());
        assertEquals("", json.at("/choices/0/message/content").asText(), "no tool calls: empty content stays a string");
        assertTrue(json.at("/choices/0/message/content").isTextual());
    }

    @Test
    void mapsFinishReasons() throws Exception {
        assertFinish("stop", FinishReason.STOP, "STOP");
        assertFinish("length", FinishReason.LENGTH, "MAX_TOKENS");
        assertFinish("tool_calls", FinishReason.TOOL_CALLS, null);
        assertFinish("content_filter", FinishReason.CONTENT_FILTER, "SAFETY");
        assertFinish("MALFORMED_FUNCTION_CALL", FinishReason.OTHER, "MALFORMED_FUNCTION_CALL");
        assertFinish("error", FinishReason.ERROR, "error");
        assertFinish("stop", FinishReason.OTHER, null);
        assertFinish("stop", FinishReason.ERROR, "");
    }

    private static void assertFinish(String expected, FinishReason reason, String raw) throws Exception {
        ChatResponse r = response("x", "t", null, List.of(), List.of(), reason, raw, Usage.NONE, null);
        JsonNode json = Fixtures.JSON.readTree(CompletionJson.render(r, "m", CREATED).toString());
        assertEquals(expected, json.at("/choices/0/finish_reason").asText(), reason + "/" + raw);
    }

    @Test
    void writesCostPlainAndUsageOnlyWhenKnown() throws Exception {
        Usage noTotal = new Usage(7L, 3L, null, 2L, null, 1L, null, null);
        ChatResponse r = response("x", "t", null, List.of(), List.of(), FinishReason.STOP, null, noTotal, Fixtures.cost("2.85E-7"));
        String text = CompletionJson.render(r, "m", CREATED).toString();
        assertTrue(text.endsWith(q(",'usage':{'prompt_tokens':7,'completion_tokens':3,'total_tokens':10,"
                + "'prompt_tokens_details':{'audio_tokens':1},'completion_tokens_details':{'image_tokens':2},"
                + "'cost':0.000000285}}")), text);

        ChatResponse unpriced = response("x", "t", null, List.of(), List.of(), FinishReason.STOP, null,
                new Usage(7L, 3L, null, null, null, null, 10L, null), null);
        JsonNode usage = Fixtures.JSON.readTree(CompletionJson.render(unpriced, "m", CREATED).toString()).get("usage");
        assertSameJson(q("{'prompt_tokens':7,'completion_tokens':3,'total_tokens':10}"), usage.toString());

        ChatResponse free = response("x", "t", null, List.of(), List.of(), FinishReason.STOP, null,
                new Usage(7L, 3L, null, null, null, null, 10L, null), Fixtures.cost("0E-12"));
        assertTrue(CompletionJson.render(free, "m", CREATED).toString().contains("\"cost\":0}"));

        ChatResponse halfReported = response("x", "t", null, List.of(), List.of(), FinishReason.STOP, null,
                new Usage(7L, null, null, null, null, null, null, null), null);
        ObjectNode json = (ObjectNode) Fixtures.JSON.readTree(CompletionJson.render(halfReported, "m", CREATED).toString());
        assertFalse(json.has("usage"));
    }
}
