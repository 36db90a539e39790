package dev.junction.gateway.openai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.RoutePolicy;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Role;
import dev.junction.chat.ThoughtSignature;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolCall;
import dev.junction.chat.ToolChoice;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundChatsTest {

    static InboundChat parse(String json) {
        return InboundChats.parse(Buffer.buffer(json));
    }

    /** Double quotes from single quotes, so the JSON in tests stays readable. */
    static String q(String json) {
        return json.replace('\'', '"');
    }

    private static final String PNG_URI = "data:image/png;base64,iVBORw0KGgo=";

    private static final String REALISTIC = q("""
            {
              'model': 'acedata/gemini-2.5-pro',
              'messages': [
                {'role': 'system', 'content': 'You are terse.'},
                {'role': 'developer', 'content': [{'type': 'text', 'text': 'Use metric units.'}]},
                {'role': 'user', 'content': [
                  {'type': 'text', 'text': 'What is in these, and how warm is Paris?'},
                  {'type': 'image_url', 'image_url': {'url': 'https://example.com/cat.jpg', 'detail': 'high'}},
                  {'type': 'image_url', 'image_url': {'url': '%s'}},
                  {'type': 'input_audio', 'input_audio': {'data': 'UklGRg==', 'format': 'wav'}},
                  {'type': 'input_audio', 'input_audio': {'data': 'SUQz', 'format': 'mp3'}},
                  {'type': 'file', 'file': {'file_data': 'data:application/pdf;base64,JVBERi0=', 'filename': 'a.pdf'}}
                ], 'name': 'ann'},
                {'role': 'assistant', 'content': null, 'reasoning_content': 'thinking…', 'tool_calls': [
                  {'id': 'call_1', 'type': 'function', 'function': {'name': 'get_weather', 'arguments': '{\\"city\\":\\"Paris\\"}'},
                   'extra_content': {'google': {'thought_signature': 'sig-A=='}, 'junction': {'provider': 'google'}}},
                  {'id': 'call_2', 'type': 'function', 'function': {'name': 'get_time', 'arguments': ''},
                   'extra_content': {'google': {'thought_signature': 'sig-B=='}}},
                  {'id': 'call_3', 'function': {'name': 'get_date'}}
                ]},
                {'role': 'tool', 'tool_call_id': 'call_1', 'content': '18 C'},
                {'role': 'tool', 'tool_call_id': 'call_2', 'content': [{'type': 'text', 'text': '12:'}, {'type': 'text', 'text': '00'}]},
                {'role': 'assistant', 'content': 'Paris is 18 C at noon.'},
                {'role': 'user', 'content': 'Thanks'}
              ],
              'stream': true,
              'stream_options': {'include_usage': true},
              'temperature': 0.3,
              'max_tokens': 100,
              'max_completion_tokens': 2048,
              'reasoning_effort': 'low',
              'tools': [
                {'type': 'function', 'function': {'name': 'get_weather', 'description': 'Weather now',
                  'parameters': {'type': 'object', 'properties': {'city': {'type': 'string'}}, 'required': ['city']}}},
                {'type': 'function', 'function': {'name': 'get_time'}}
              ],
              'tool_choice': {'type': 'function', 'function': {'name': 'get_weather'}},
              'response_format': {'type': 'json_schema', 'json_schema': {'name': 'answer', 'strict': true,
                'schema': {'type': 'object', 'properties': {'text': {'type': 'string'}}}}},
              'n': 1,
              'top_p': 0.9,
              'stop': ['END', 'STOP'],
              'seed': 42,
              'user': 'u-17',
              'metadata': {'team': 'a'},
              'logit_bias': null,
              'junction': {'route': 'Cheapest', 'max_price_usd': 0.01, 'providers': ['acedata', 'google']}
            }
            """.formatted(PNG_URI));

    @Test
    void readsARealisticMultiTurnRequestFieldByField() {
        InboundChat chat = parse(REALISTIC);
        assertEquals("acedata/gemini-2.5-pro", chat.model());
        assertTrue(chat.stream());
        assertTrue(chat.includeUsage());
        assertEquals(List.of(), chat.warnings());

        ChatRequest r = chat.request();
        assertEquals("acedata/gemini-2.5-pro", r.model());
        assertEquals(0.3, r.temperature());
        assertEquals(2048, r.maxOutputTokens(), "max_completion_tokens wins over max_tokens");
        assertEquals(ReasoningEffort.LOW, r.reasoning().effort());
        assertNull(r.reasoning().includeThoughts());
        assertEquals(Map.of(), r.providerOptions());

        List<Message> m = r.messages();
        assertEquals(8, m.size());
        assertEquals(Message.system("You are terse."), m.get(0));
        assertEquals(Message.developer("Use metric units."), m.get(1));

        Message user = m.get(2);
        assertEquals(Role.USER, user.role());
        assertEquals(6, user.parts().size());
        assertEquals(Part.text("What is in these, and how warm is Paris?"), user.parts().get(0));
        assertEquals(new Part.Media(new MediaSource.Url(URI.create("https://example.com/cat.jpg"), null)), user.parts().get(1));
        assertEquals(new Part.Media(new MediaSource.DataUri(PNG_URI)), user.parts().get(2));
        MediaSource.Bytes wav = (MediaSource.Bytes) ((Part.Media) user.parts().get(3)).source();
        assertEquals("audio/wav", wav.mediaType());
        assertArrayEquals("RIFF".getBytes(StandardCharsets.US_ASCII), wav.data());
        MediaSource.Bytes mp3 = (MediaSource.Bytes) ((Part.Media) user.parts().get(4)).source();
        assertEquals("audio/mpeg", mp3.mediaType());
        assertArrayEquals("ID3".getBytes(StandardCharsets.US_ASCII), mp3.data());
        assertEquals(new Part.Media(new MediaSource.DataUri("data:application/pdf;base64,JVBERi0=")), user.parts().get(5));

        Message assistant = m.get(3);
        assertEquals(Role.ASSISTANT, assistant.role());
        assertEquals(List.of(), assistant.parts());
        assertEquals(List.of(
                new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}", new ThoughtSignature("google", "sig-A==")),
                new ToolCall("call_2", "get_time", "{}", new ThoughtSignature("acedata", "sig-B==")),
                new ToolCall("call_3", "get_date", "{}", null)), assistant.toolCalls());

        assertEquals(Message.tool("call_1", "18 C"), m.get(4));
        assertEquals(Message.tool("call_2", "12:00"), m.get(5));
        assertEquals(Message.assistant("Paris is 18 C at noon."), m.get(6));
        assertEquals(Message.user("Thanks"), m.get(7));

        assertEquals(List.of(
                Tool.function("get_weather", "Weather now",
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"),
                Tool.function("get_time", null, null)), r.tools());
        assertEquals(ToolChoice.function("get_weather"), r.toolChoice());
        assertEquals(ResponseFormat.jsonSchema("answer", true,
                "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}}"), r.responseFormat());

        Map<String, Object> pass = new LinkedHashMap<>();
        pass.put("top_p", 0.9);
        pass.put("stop", List.of("END", "STOP"));
        pass.put("seed", 42);
        pass.put("user", "u-17");
        pass.put("metadata", Map.of("team", "a"));
        pass.put("logit_bias", null);
        assertEquals(pass, chat.passThrough());
        assertEquals(List.copyOf(pass.keySet()), List.copyOf(chat.passThrough().keySet()), "body order is kept");

        assertEquals(new JunctionOptions(RoutePolicy.CHEAPEST, new BigDecimal("0.01"), List.of("acedata", "google")), chat.options());
    }

    @Test
    void readsAMinimalRequestWithDefaults() {
        InboundChat chat = parse(q("{'model':'gemini-2.5-pro','messages':[{'role':'user','content':'Hi'}]}"));
        assertFalse(chat.stream());
        assertFalse(chat.includeUsage());
        assertSame(JunctionOptions.NONE, chat.options());
        assertEquals(Map.of(), chat.passThrough());
        assertEquals(ChatRequest.builder().model("gemini-2.5-pro").user("Hi").build(), chat.request());
    }

    @Test
    void dropsASignatureNoProviderIssuedWithAWarning() {
        InboundChat chat = parse(q("""
                {'model':'gemini-2.5-pro','messages':[
                  {'role':'assistant','content':'','tool_calls':[{'id':'c','type':'function',
                    'function':{'name':'f','arguments':'{}'},'extra_content':{'google':{'thought_signature':'s'}}}]},
                  {'role':'tool','tool_call_id':'c','content':'ok'}]}
                """));
        Message assistant = chat.request().messages().get(0);
        assertEquals(List.of(new ToolCall("c", "f", "{}", null)), assistant.toolCalls());
        assertEquals(List.of(), assistant.parts(), "empty content beside tool calls is no part");
        assertEquals(1, chat.warnings().size());
        assertTrue(chat.warnings().get(0).startsWith("messages[0].tool_calls[0]: the thought signature was dropped"),
                chat.warnings().get(0));
    }

    @Test
    void mapsToolChoiceStringsAndResponseFormats() {
        String base = "{'model':'m','messages':[{'role':'user','content':'x'}],";
        assertSame(ToolChoice.AUTO, parse(q(base + "'tool_choice':'auto'}")).request().toolChoice());
        assertSame(ToolChoice.NONE, parse(q(base + "'tool_choice':'none'}")).request().toolChoice());
        assertSame(ToolChoice.REQUIRED, parse(q(base + "'tool_choice':'required'}")).request().toolChoice());
        assertNull(parse(q(base + "'response_format':{'type':'text'}}")).request().responseFormat());
        assertEquals(ResponseFormat.jsonSchema("json_object", null, "{\"type\":\"object\"}"),
                parse(q(base + "'response_format':{'type':'json_object'}}")).request().responseFormat());
        assertEquals(100, parse(q(base + "'max_tokens':100}")).request().maxOutputTokens());
        assertEquals(List.of(Tool.webSearch()), parse(q(base + "'web_search_options':{}}")).request().tools());
        for (String effort : List.of("minimal", "low", "medium", "high")) {
            assertEquals(ReasoningEffort.fromWireName(effort),
                    parse(q(base + "'reasoning_effort':'" + effort + "'}")).request().reasoning().effort());
        }
    }

    @Test
    void keepsEveryPassThroughFieldVerbatim() {
        String body = q("""
                {'model':'m','messages':[{'role':'user','content':'x'}],
                 'top_p':1,'stop':'X','seed':7,'presence_penalty':0.5,'frequency_penalty':-0.5,'logit_bias':{'50256':-100},
                 'logprobs':true,'top_logprobs':3,'user':'u','metadata':{'k':'v'},'parallel_tool_calls':false,
                 'service_tier':'auto','store':false,'modalities':['text'],'prediction':{'type':'content','content':'p'},
                 'audio':{'voice':'alloy','format':'mp3'}}
                """);
        Map<String, Object> pass = parse(body).passThrough();
        assertEquals(InboundChats.PASS_THROUGH, pass.keySet());
        assertEquals(Map.of("50256", -100), pass.get("logit_bias"));
        assertEquals(-0.5, pass.get("frequency_penalty"));
        assertEquals(Boolean.FALSE, pass.get("parallel_tool_calls"));
        assertEquals(List.of("text"), pass.get("modalities"));
        assertEquals(Map.of("voice", "alloy", "format", "mp3"), pass.get("audio"));
    }

    @Test
    void keepsTheDataUriStringAsTheTreeHeldIt() {
        // A large payload goes through unchanged and is not re-encoded.
        char[] payload = new char[4 * 300_000];
        Arrays.fill(payload, 'A');
        String uri = "data:image/jpeg;base64," + new String(payload);
        InboundChat chat = parse(q("{'model':'m','messages':[{'role':'user','content':[{'type':'image_url','image_url':{'url':'")
                + uri + q("'}}]}]}"));
        MediaSource.DataUri source = (MediaSource.DataUri) ((Part.Media) chat.request().messages().get(0).parts().get(0)).source();
        assertEquals(uri, source.uri());
        assertEquals("image/jpeg", source.mediaType());
    }

    @Test
    void acceptsADataUriLongerThanJacksonsDefaultStringCap() {
        // Jackson refuses strings over 20 M characters by default; a 16 MiB image is 22 M in base64.
        byte[] payload = new byte[4 * 5_500_000];
        Arrays.fill(payload, (byte) 'A');
        Buffer body = Buffer.buffer(q("{'model':'m','messages':[{'role':'user','content':[{'type':'image_url','image_url':{'url':'"
                        + "data:image/png;base64,"))
                .appendBytes(payload)
                .appendString(q("'}}]}]}"));
        InboundChat chat = InboundChats.parse(body);
        MediaSource.DataUri source = (MediaSource.DataUri) ((Part.Media) chat.request().messages().get(0).parts().get(0)).source();
        assertEquals(payload.length, source.payloadLength());
    }

    @Test
    void readsJunctionOptionsEachOptional() {
        String base = "{'model':'m','messages':[{'role':'user','content':'x'}],";
        assertEquals(new JunctionOptions(RoutePolicy.FASTEST, null, List.of()),
                parse(q(base + "'junction':{'route':'FASTEST'}}")).options());
        assertEquals(new JunctionOptions(null, new BigDecimal("2.5"), List.of()),
                parse(q(base + "'junction':{'max_price_usd':2.5}}")).options());
        assertEquals(new JunctionOptions(RoutePolicy.ORDERED, null, List.of("yisu")),
                parse(q(base + "'junction':{'route':'ordered','providers':['yisu']}}")).options());
        assertSame(JunctionOptions.NONE, parse(q(base + "'junction':null}")).options());
        assertEquals(JunctionOptions.NONE, parse(q(base + "'junction':{}}")).options());
    }
}
