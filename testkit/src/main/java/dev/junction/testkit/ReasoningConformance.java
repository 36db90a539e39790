package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.StreamPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Conformance for models that declare {@link Capability#REASONING_OUTPUT}: the reasoning a reply
 * carries in {@code reasoning_content} (the field every OpenAI-compatible reseller here documents)
 * reaches {@link ChatResponse#reasoning()}, and in a stream each {@link StreamPart.ReasoningDelta}.
 * The replies are the vendor's own documented ones with the thought added where the docs show
 * none, so that a dialect that drops reasoning fails even for a vendor whose examples are short.
 * Failures say {@code reasoning dropped: …}.
 */
public abstract class ReasoningConformance extends ConformanceBase {
    /** The thought the kit adds: Chinese, as the docs are, with a character outside the BMP. */
    static final String THOUGHT = "先想一想:用户问的是相对论 𝑬=𝒎𝒄²。";

    /** The vendor's documented streams; the first one carries the added thought. */
    protected abstract List<DocumentedStream> documentedStreams();

    @Test
    void readsTheReasoningOfAReply() {
        String model = reasoningModel();
        ObjectNode reply = Fixtures.parseObject(fixture(vendor().sampleReplyFixture()));
        ((ObjectNode) reply.path("choices").path(0).path("message")).put("reasoning_content", THOUGHT);
        replyWith(200, reply.toString(), VendorStub.JSON);

        ChatResponse response = call(chatModel(model), prompt(model, "用简单的语言解释相对论"));

        assertEquals(THOUGHT, response.reasoning(),
                () -> "reasoning dropped: message.reasoning_content of the documented reply did not reach ChatResponse.reasoning()");
    }

    @Test
    void streamsTheReasoningOfAChunk() {
        assumeTrue(!documentedStreams().isEmpty(), "no documented stream to add a thought to");
        DocumentedStream doc = documentedStreams().get(0);
        List<String> events = Fixtures.sseEvents(getClass(), doc.fixture());
        ObjectNode first = (ObjectNode) Fixtures.sseJson(getClass(), doc.fixture()).get(0);
        ((ObjectNode) first.path("choices").path(0).path("delta")).put("reasoning_content", THOUGHT);
        List<String> body = new ArrayList<>(events);
        body.set(0, "data: " + first);
        replyWith(200, String.join("\n\n", body) + "\n\n", VendorStub.SSE);

        StreamRecording recording = StreamRecording.of(chatModel(doc.model()).stream(prompt(doc.model(), "你好"))).await(CALL_WAIT);

        assertEquals(List.of(), recording.exceptions(), "the stream must not fail");
        List<String> deltas = recording.partsOf(StreamPart.ReasoningDelta.class).stream().map(StreamPart.ReasoningDelta::text).toList();
        assertEquals(THOUGHT, deltas.isEmpty() ? null : deltas.get(0),
                () -> "reasoning dropped: delta.reasoning_content of the first chunk did not become a ReasoningDelta: " + recording.types());
    }

    private String reasoningModel() {
        Optional<String> model = vendor().firstModelThatCan(Capability.REASONING_OUTPUT).map(ModelInfo::id);
        assumeTrue(model.isPresent(), () -> vendor().id() + " declares no model with REASONING_OUTPUT");
        return model.get();
    }
}
