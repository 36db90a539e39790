package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Tool;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Function tools, web search and a JSON-schema response format fail before anything is sent, with
 * UNSUPPORTED_FEATURE naming the vendor, for every declared model that lacks the capability.
 */
public abstract class ToolSupportConformance extends ConformanceBase {

    @Test
    void refusesWhatEachModelDoesNotDocumentBeforeSending() {
        Map<Capability, ChatRequest> needs = Map.of(
                Capability.TOOLS, ChatRequest.builder().user("东京今天天气怎么样?")
                        .tool(Tool.function("get_weather", null, "{\"type\":\"object\"}")).build(),
                Capability.WEB_SEARCH, ChatRequest.builder().user("今天 Bitcoin 价格").tool(Tool.webSearch()).build(),
                Capability.STRUCTURED_OUTPUT, ChatRequest.builder().user("列出 3 位著名科学家")
                        .responseFormat(ResponseFormat.jsonSchema("s", true, "{\"type\":\"object\"}")).build());
        int refused = 0;
        for (ModelInfo model : vendor().models()) {
            for (Map.Entry<Capability, ChatRequest> need : needs.entrySet()) {
                if (model.can(need.getKey())) {
                    continue;
                }
                JunctionException e = failure(chatModel(model.id()), need.getValue());
                assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind(), () -> model.id() + " without " + need.getKey());
                assertEquals(vendor().id(), e.provider());
                assertTrue(e.getMessage().contains(vendor().id() + " does not document"), e.getMessage());
                refused++;
            }
        }
        assertEquals(0, stub().requests().size(), "no refused request may reach the vendor");
        if (refused == 0) {
            // Every model has every capability: nothing to refuse, which the declaration says plainly.
            assertTrue(vendor().models().stream().allMatch(m -> m.can(Capability.TOOLS) && m.can(Capability.WEB_SEARCH)
                    && m.can(Capability.STRUCTURED_OUTPUT)));
        }
    }
}
