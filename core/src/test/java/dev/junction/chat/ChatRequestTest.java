package dev.junction.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical request and message records check their shape and copy what they are given. */
class ChatRequestTest {

    @Test
    void rejectsARequestWithoutMessages() {
        assertThrows(IllegalArgumentException.class, () -> ChatRequest.builder().build());
    }

    @Test
    void rejectsAMessageWithoutParts() {
        assertThrows(IllegalArgumentException.class, () -> new Message(Role.USER, List.of(), null, null));
    }

    @Test
    void rejectsAToolMessageWithoutItsCallId() {
        assertThrows(IllegalArgumentException.class, () -> new Message(Role.TOOL, List.of(Part.text("r")), " ", null));
    }

    @Test
    void copiesMessagesAndProviderOptions() {
        List<Message> messages = new ArrayList<>(List.of(Message.user("a")));
        Map<String, Object> options = new HashMap<>(Map.of("top_k", 1));
        ChatRequest request = new ChatRequest(null, messages, null, null, null, Map.of("v", options), null, null, null);
        messages.add(Message.user("b"));
        options.put("top_p", 0.5);
        assertEquals(1, request.messages().size());
        assertEquals(Map.of("top_k", 1), request.providerOptions().get("v"));
    }

    @Test
    void derivesAChangedCopy() {
        ChatRequest request = ChatRequest.builder().system("s").user("u").temperature(0.5).maxOutputTokens(10)
                .providerOptions("v", Map.of("k", "x")).build();
        ChatRequest copy = request.toBuilder().model("m").build();
        assertEquals(request.withModel("m"), copy);
        assertEquals("m", copy.model());
    }

    @Test
    void concatenatesTextPartsIgnoringMedia() {
        Message m = Message.user(Part.text("看"), Part.bytes(new byte[] {1}, "image/png"), Part.text("图"));
        assertEquals("看图", m.text());
    }

    @Test
    void fillsEmptyFormsInAResponse() {
        ChatResponse r = new ChatResponse(null, "v", "m", "m", null, null, null, null, null, null, null, null, null, List.of());
        assertEquals("", r.text());
        assertEquals(FinishReason.OTHER, r.finishReason());
        assertEquals(Usage.NONE, r.usage());
        assertEquals(List.of(), r.images());
        assertEquals(List.of(), r.warnings());
    }
}
