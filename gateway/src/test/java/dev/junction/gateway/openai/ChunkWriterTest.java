package dev.junction.gateway.openai;

import static dev.junction.gateway.openai.Fixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.FinishReason;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.StreamPart;
import dev.junction.chat.ThoughtSignature;
import dev.junction.chat.ToolCall;
import dev.junction.chat.Usage;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkWriterTest {
    private static final String HEAD = "data: {'id':'chatcmpl-1','object':'chat.completion.chunk','created':1700000000,"
            + "'model':'acedata/gemini-2.5-pro',";

    private static String chunk(String delta, String finish) {
        return q(HEAD + "'choices':[{'index':0,'delta':" + delta + ",'logprobs':null,'finish_reason':" + finish + "}]}\n\n");
    }

    private static final StreamPart.Start START = new StreamPart.Start("vendor-id", "acedata", "gemini-2.5-pro", "gemini-2.5-pro",
            List.of());
    private static final ToolCall SIGNED = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}",
            new ThoughtSignature("acedata", "CiQB/sig=="));

    /** The documented stream, part by part; returns each part's bytes ({@code null} kept) and then done()'s. */
    private static List<String> stream(ChunkWriter writer) {
        List<StreamPart> parts = List.of(
                START,
                new StreamPart.ReasoningDelta("Thinking."),
                new StreamPart.TextDelta("Hel"),
                new StreamPart.TextDelta("lo"),
                new StreamPart.ToolCallDelta(0, "call_1", "get_weather", "{\"city\":\"Paris\"}"),
                new StreamPart.ToolCallDone(SIGNED),
                new StreamPart.Finish(FinishReason.TOOL_CALLS, "tool_calls"),
                new StreamPart.UsageReport(Fixtures.usage(), Fixtures.cost("0.000285000000")));
        List<String> out = new ArrayList<>();
        for (StreamPart part : parts) {
            Buffer bytes = writer.write(part);
            out.add(bytes == null ? null : bytes.toString());
        }
        out.add(writer.done().toString());
        return out;
    }

    private static final String ROLE = chunk("{'role':'assistant','content':''}", "null");
    private static final String REASONING = chunk("{'reasoning_content':'Thinking.'}", "null");
    private static final String HEL = chunk("{'content':'Hel'}", "null");
    private static final String LO = chunk("{'content':'lo'}", "null");
    private static final String CALL = q(HEAD + "'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'id':'call_1',"
            + "'type':'function','function':{'name':'get_weather','arguments':") + Fixtures.PARIS_ARGS
            + q("}}]},'logprobs':null,'finish_reason':null}]}\n\n");
    private static final String SIGNATURE = chunk("{'tool_calls':[{'index':0,'extra_content':"
            + "{'google':{'thought_signature':'CiQB/sig=='},'junction':{'provider':'acedata'}}}]}", "null");
    private static final String FINISH = chunk("{}", "'tool_calls'");
    private static final String USAGE = q(HEAD + "'choices':[],'usage':{'prompt_tokens':100,'completion_tokens':50,"
            + "'total_tokens':150,'prompt_tokens_details':{'cached_tokens':10},'completion_tokens_details':{'reasoning_tokens':20},"
            + "'cost':0.000285}}\n\n");
    private static final String DONE = "data: [DONE]\n\n";

    @Test
    void writesTheExactEventsOfAStreamWithUsage() {
        ChunkWriter writer = new ChunkWriter("chatcmpl-1", "acedata/gemini-2.5-pro", 1_700_000_000L, true);
        List<String> events = stream(writer);
        assertEquals(java.util.Arrays.asList(null, ROLE + REASONING, HEL, LO, CALL, SIGNATURE, FINISH, null, USAGE + DONE), events);
        assertSame(START, writer.start());
        assertEquals(Fixtures.usage(), writer.usage().usage());
    }

    @Test
    void leavesTheUsageChunkOutWhenNotAskedFor() {
        List<String> events = stream(new ChunkWriter("chatcmpl-1", "acedata/gemini-2.5-pro", 1_700_000_000L, false));
        assertEquals(java.util.Arrays.asList(null, ROLE + REASONING, HEL, LO, CALL, SIGNATURE, FINISH, null, DONE), events);
    }

    @Test
    void theToolCallEventCarriesTheArgumentsAsOneJsonString() throws Exception {
        // Guards the escaping in CALL above: the arguments are a string holding JSON, not an object.
        JsonNode call = Fixtures.JSON.readTree(CALL.substring("data: ".length()));
        assertEquals("{\"city\":\"Paris\"}", call.at("/choices/0/delta/tool_calls/0/function/arguments").textValue());
    }

    private static ChunkWriter writer() {
        return new ChunkWriter("c", "m", 1L, true);
    }

    private static JsonNode delta(Buffer event) throws Exception {
        String text = event.toString();
        assertTrue(text.startsWith("data: ") && text.endsWith("\n\n") && text.indexOf("\n\n") == text.length() - 2, text);
        return Fixtures.JSON.readTree(text.substring(6)).at("/choices/0/delta");
    }

    @Test
    void announcesEachCallOnceAndGeneratesAnIdTheVendorDidNotSend() throws Exception {
        ChunkWriter w = writer();
        w.write(new StreamPart.TextDelta("x"));
        JsonNode first = delta(w.write(new StreamPart.ToolCallDelta(0, null, "f", "")));
        assertTrue(first.at("/tool_calls/0/id").asText().matches("call_[A-Za-z0-9]{24}"), first.toString());
        assertEquals("function", first.at("/tool_calls/0/type").asText());
        assertEquals("f", first.at("/tool_calls/0/function/name").asText());
        assertEquals("", first.at("/tool_calls/0/function/arguments").asText());

        Fixtures.assertSameJson(q("{'tool_calls':[{'index':0,'function':{'arguments':'{'}}]}"),
                delta(w.write(new StreamPart.ToolCallDelta(0, null, "f", "{"))).toString());
        assertNull(w.write(new StreamPart.ToolCallDelta(0, null, "f", "")), "nothing new, nothing written");
        Fixtures.assertSameJson(q("{'tool_calls':[{'index':1,'id':'call_b','type':'function','function':{'name':'g','arguments':'{}'}}]}"),
                delta(w.write(new StreamPart.ToolCallDelta(1, "call_b", "g", "{}"))).toString());
        assertNull(w.write(new StreamPart.ToolCallDone(new ToolCall(null, "f", "{}"))), "unsigned: nothing to add");
        Fixtures.assertSameJson(q("{'tool_calls':[{'index':1,'extra_content':{'google':{'thought_signature':'s'},"
                        + "'junction':{'provider':'google'}}}]}"),
                delta(w.write(new StreamPart.ToolCallDone(new ToolCall("call_b", "g", "{}", new ThoughtSignature("google", "s")))))
                        .toString());
    }

    @Test
    void writesAWholeCallThatArrivedWithoutFragments() throws Exception {
        ChunkWriter w = writer();
        Buffer first = w.write(new StreamPart.ToolCallDone(SIGNED));
        String[] events = first.toString().split("\n\n");
        assertEquals(2, events.length, "the role chunk, then the call");
        Fixtures.assertSameJson(q("{'tool_calls':[{'index':0,'id':'call_1','type':'function','function':{'name':'get_weather',"
                        + "'arguments':") + Fixtures.PARIS_ARGS + q("},'extra_content':{'google':{'thought_signature':'CiQB/sig=='},"
                        + "'junction':{'provider':'acedata'}}}]}"),
                Fixtures.JSON.readTree(events[1].substring(6)).at("/choices/0/delta").toString());
        JsonNode second = delta(w.write(new StreamPart.ToolCallDone(new ToolCall("call_2", "g", "{}"))));
        assertEquals(1, second.at("/tool_calls/0/index").asInt());
    }

    @Test
    void writesImagesAndSkipsWhatHasNoWireForm() throws Exception {
        ChunkWriter w = writer();
        assertNull(w.write(new StreamPart.Warning("reasoning settings ignored")));
        assertNull(w.write(START));
        assertNull(w.write(new StreamPart.UsageReport(Usage.NONE, null)));
        String both = w.write(new StreamPart.ImageOutput(new GeneratedImage(new byte[] {1, 2, 3}, "image/png"))).toString();
        String image = both.substring(both.indexOf("\n\n") + 2);
        Fixtures.assertSameJson(q("{'images':[{'type':'image_url','image_url':{'url':'data:image/png;base64,AQID'}}]}"),
                delta(Buffer.buffer(image)).toString());
        assertNull(w.write(new StreamPart.TextDelta("")));
        assertEquals(List.of("reasoning settings ignored"), w.warnings());
        assertEquals(DONE, w.done().toString(), "usage asked for, but none reported: no usage chunk");
    }

    @Test
    void endsWithAnErrorEventOnlyOnce() {
        JunctionException e = JunctionException.builder(ErrorKind.SERVER_ERROR, "acedata answered HTTP 500")
                .provider("acedata").vendorCode("api_error").traceId("t-1").build();
        ChunkWriter w = writer();
        w.write(new StreamPart.TextDelta("par"));
        assertEquals(q("data: {'error':{'message':'acedata answered HTTP 500','type':'server_error','code':'api_error',"
                + "'param':null,'provider':'acedata','trace_id':'t-1'}}\n\n"), w.write(new StreamPart.Failure(e)).toString());
        assertNull(w.error(e), "the stream already ended");
        assertNull(w.done());
        assertNull(w.write(new StreamPart.TextDelta("more")));
    }

    @Test
    void writesNothingAfterDone() {
        ChunkWriter w = writer();
        assertEquals(DONE, w.done().toString());
        assertNull(w.done());
        assertNull(w.write(new StreamPart.TextDelta("late")));
        assertNull(w.error(JunctionException.builder(ErrorKind.TIMEOUT, "late").build()));
    }

    @Test
    void aFinishAloneStillStartsWithTheRole() {
        ChunkWriter w = new ChunkWriter("chatcmpl-1", "acedata/gemini-2.5-pro", 1_700_000_000L, false);
        assertEquals(ROLE + chunk("{}", "'stop'"), w.write(new StreamPart.Finish(FinishReason.OTHER, null)).toString());
    }
}
