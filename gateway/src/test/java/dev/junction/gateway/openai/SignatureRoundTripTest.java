package dev.junction.gateway.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.FinishReason;
import dev.junction.chat.Message;
import dev.junction.chat.ThoughtSignature;
import dev.junction.chat.ToolCall;
import dev.junction.chat.Usage;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client that echoes the gateway's assistant message back gets the same tool calls, signatures and issuers included. */
class SignatureRoundTripTest {

    @Test
    void anEchoedAssistantMessageKeepsEachSignatureAndItsProvider() throws Exception {
        List<ToolCall> calls = List.of(
                new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}", new ThoughtSignature("aivideoapi", "CiQBjz1rX+/sig==")),
                new ToolCall("call_2", "get_time", "{}", null));
        ChatResponse reply = CompletionJsonTest.response("r", "", null, List.of(), calls, FinishReason.TOOL_CALLS, "tool_calls",
                Usage.NONE, null);
        ObjectNode completion = (ObjectNode) Fixtures.JSON.readTree(CompletionJson.render(reply, "gemini-3-pro", 1L).toString());

        ObjectNode request = Fixtures.JSON.createObjectNode().put("model", "gemini-3-pro");
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Weather and time in Paris?");
        messages.add(completion.at("/choices/0/message"));
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "18 C");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_2").put("content", "12:00");

        InboundChat chat = InboundChats.parse(Buffer.buffer(request.toString()));
        Message echoed = chat.request().messages().get(1);
        assertEquals(calls, echoed.toolCalls(), "the model name has no provider/ prefix: the issuer came from extra_content.junction");
        assertEquals(List.of(), echoed.parts());
        assertEquals(List.of(), chat.warnings());
    }
}
