package dev.junction.internal.openai.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path takes only events made of standard fields; everything else goes through the dialect. */
class StandardChunkTest {

    @Test
    void readsAcedatasDocumentedFirstChunk() {
        StandardChunk c = StandardChunk.parse("{\"id\": \"chatcmpl-20251122214038810722821kNjUTjtr\", \"object\": \"chat.completion.chunk\","
                + " \"created\": 1763818842, \"model\": \"gemini-2.5-pro\", \"system_fingerprint\": null, \"choices\": [{\"delta\":"
                + " {\"content\": \"\", \"role\": \"assistant\"}, \"logprobs\": null, \"finish_reason\": null, \"index\": 0}], \"usage\": null}");
        assertNotNull(c);
        assertEquals("chatcmpl-20251122214038810722821kNjUTjtr", c.id);
        assertEquals("gemini-2.5-pro", c.model);
        assertEquals("", c.content);
        assertNull(c.finishReason);
    }

    @Test
    void decodesEscapesInTheContent() {
        StandardChunk c = StandardChunk.parse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"量子\\n\\\"计算\\\" \\u4f60\"}}]}");
        assertNotNull(c);
        assertEquals("量子\n\"计算\" 你", c.content);
    }

    @Test
    void readsTheFinishReasonAndAnEmptyChoiceList() {
        assertEquals("stop", StandardChunk.parse("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}").finishReason);
        assertNotNull(StandardChunk.parse("{\"id\":\"x\",\"choices\":[]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"choices\":[{\"delta\":{\"reasoning_content\":\"想\"}}]}",
        "{\"choices\":[{\"delta\":{\"content\":\"a\",\"images\":[]}}]}",
        "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"id\":\"c\"}]}}]}",
        // Gemini's thought signature, on a tool call, or on a metadata-only delta or choice.
        "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"extra_content\":{\"google\":{\"thought_signature\":\"s\"}}}]}}]}",
        "{\"choices\":[{\"delta\":{\"content\":\"a\",\"extra_content\":{\"google\":{\"thought_signature\":\"s\"}}}}]}",
        "{\"choices\":[{\"delta\":{},\"extra_content\":{\"google\":{\"thought_signature\":\"s\"}}}]}",
        "{\"choices\":[],\"usage\":{\"prompt_tokens\":1}}",
        "{\"error\":{\"code\":\"x\"}}",
        "{\"success\":false,\"error\":{\"code\":\"api_error\"}}",
        "{\"choices\":[{\"delta\":{\"content\":\"a\"}},{\"delta\":{\"content\":\"b\"}}]}",
        "{\"choices\":[{\"delta\":{\"content\":[{\"type\":\"text\",\"text\":\"a\"}]}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"a\"}}]}",
        "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":true}]}",
        "{\"id\":{\"nested\":1},\"choices\":[]}",
        "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]} trailing",
        "[1,2]",
        "{not json"
    })
    void leavesEveryOtherEventToTheGeneralPath(String data) {
        assertNull(StandardChunk.parse(data), data);
    }
}
