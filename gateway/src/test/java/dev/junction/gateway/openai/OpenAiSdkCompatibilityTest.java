package dev.junction.gateway.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.FinishReason;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.StreamPart;
import dev.junction.chat.ThoughtSignature;
import dev.junction.chat.ToolCall;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the codec writes, read back by the official OpenAI Java SDK with its own strict validation. */
class OpenAiSdkCompatibilityTest {

    @Test
    void theSdkReadsAndValidatesACompletion() throws Exception {
        ChatResponse r = CompletionJsonTest.response("chatcmpl-1", "", "why", List.of(new GeneratedImage(new byte[] {1}, "image/png")),
                List.of(new ToolCall("call_1", "f", "{\"a\":1}", new ThoughtSignature("acedata", "sig"))),
                FinishReason.TOOL_CALLS, "tool_calls", Fixtures.usage(), Fixtures.cost("0.000285000000"));
        String json = CompletionJson.render(r, "acedata/gemini-2.5-pro", 1L).toString();
        ChatCompletion completion = ObjectMappers.jsonMapper().readValue(json, ChatCompletion.class).validate();
        assertEquals("f", completion.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction().function().name());
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, completion.choices().get(0).finishReason());
        assertEquals(150, completion.usage().orElseThrow().totalTokens());
        assertTrue(completion.usage().orElseThrow()._additionalProperties().containsKey("cost"));
    }

    @Test
    void theSdkReadsAndValidatesEveryChunk() throws Exception {
        ChunkWriter w = new ChunkWriter("chatcmpl-1", "m", 1L, true);
        List<Buffer> out = new ArrayList<>();
        for (StreamPart part : List.of(new StreamPart.ReasoningDelta("r"), new StreamPart.TextDelta("t"),
                new StreamPart.ToolCallDelta(0, null, "f", "{}"),
                new StreamPart.ToolCallDone(new ToolCall(null, "f", "{}", new ThoughtSignature("google", "s"))),
                new StreamPart.ImageOutput(new GeneratedImage(new byte[] {1}, "image/png")),
                new StreamPart.Finish(FinishReason.STOP, "stop"),
                new StreamPart.UsageReport(Fixtures.usage(), null))) {
            out.add(w.write(part));
        }
        out.add(w.done());
        StringBuilder all = new StringBuilder();
        out.stream().filter(java.util.Objects::nonNull).forEach(all::append);
        int chunks = 0;
        for (String event : all.toString().split("\n\n")) {
            String data = event.substring("data: ".length());
            if (!data.equals("[DONE]")) {
                ObjectMappers.jsonMapper().readValue(data, ChatCompletionChunk.class).validate();
                chunks++;
            }
        }
        assertEquals(8, chunks, all.toString());
        // validate() is strict enough to mean something: a chunk without its id fails it.
        String loose = "{\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":null}]}";
        assertThrows(com.openai.errors.OpenAIInvalidDataException.class,
                () -> ObjectMappers.jsonMapper().readValue(loose, ChatCompletionChunk.class).validate());
    }

    @Test
    void aRequestTheSdkBuildsParses() throws Exception {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("acedata/gemini-2.5-pro")
                .addSystemMessage("Be brief.")
                .addUserMessage("Hi")
                .temperature(0.2)
                .maxCompletionTokens(64)
                .topP(0.5)
                .build();
        String body = ObjectMappers.jsonMapper().writeValueAsString(params._body());
        InboundChat chat = InboundChats.parse(Buffer.buffer(body));
        assertEquals("acedata/gemini-2.5-pro", chat.model());
        assertEquals(2, chat.request().messages().size());
        assertEquals(64, chat.request().maxOutputTokens());
        assertEquals(0.5, chat.passThrough().get("top_p"));
    }
}
