package dev.junction.testkit;

import static dev.junction.testkit.WireAssertions.assertChatCall;
import static dev.junction.testkit.WireAssertions.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.catalog.Capability;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.Message;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance: the request the vendor receives has the documented path, credential header, model
 * name, role names, stream flag and reasoning fields; documented request bodies are reproduced
 * exactly (WireMock {@code equalToJson}, strict). Media part shapes are {@link MediaPartConformance}'s.
 */
public abstract class WireRequestConformance extends ConformanceBase {
    /** Requests from the vendor's documents and the canonical requests that must produce them. */
    protected abstract List<DocumentedRequest> documentedRequests();

    @Test
    void sendsADeveloperInstructionUnderTheDeclaredRoleName() {
        JsonNode body = send(ChatRequest.builder().model(vendor().defaultModel())
                .message(Message.developer("只用繁體中文回答")).user("你是什麼模型?").build());
        JsonNode first = body.path("messages").path(0);
        assertEquals(vendor().developerRole(), first.path("role").asText(),
                () -> vendor().id() + " should receive a developer instruction as role " + vendor().developerRole()
                        + " (the profile's \"roles\" mapping): " + body);
        assertEquals("只用繁體中文回答", first.path("content").asText(), () -> "the instruction's text: " + body);
        assertEquals("user", body.path("messages").path(1).path("role").asText(), () -> "other roles keep their names: " + body);
    }

    @TestFactory
    Stream<DynamicTest> sendsEveryDocumentedRequestAsDocumented() {
        return documentedRequests().stream().map(doc -> dynamicTest(doc.name() + " (adjustment: " + doc.adjustment() + ")", () -> {
            stub().reset();
            replyWithFixture(vendor().sampleReplyFixture());

            call(chatModel(doc.request().model()), doc.request());

            var request = stub().onlyRequest();
            assertChatCall(vendor(), request, vendor().chatPath(), TEST_KEY);
            ObjectNode expected = doc.docToWire().apply(Fixtures.parseObject(fixture(doc.docFixture())));
            assertSameJson(expected.toString(), request.getBodyAsString(), "body sent for '" + doc.name() + "'");
        }));
    }

    @Test
    void declaresAtLeastOneDocumentedRequest() {
        assertFalse(documentedRequests().isEmpty(), "supply the request bodies the vendor's docs show");
    }

    @Test
    void sendsStreamFalseOnlyWhenTheVendorStreamsByDefault() {
        JsonNode body = send(prompt(vendor().defaultModel(), "你好"));
        if (vendor().streamsByDefault()) {
            assertTrue(body.path("stream").isBoolean() && !body.path("stream").asBoolean(),
                    () -> vendor().id() + " streams by default, so a plain call must send \"stream\": false: " + body);
        } else {
            assertFalse(body.has("stream"), () -> vendor().id() + " does not stream by default; send no stream field: " + body);
        }
    }

    @TestFactory
    Stream<DynamicTest> sendsTheVendorsModelNameForCanonicalAndVendorNames() {
        return vendor().models().stream().flatMap(model -> Stream.of(model.id(), model.vendorModel()).distinct()
                .map(asked -> dynamicTest(asked + " -> " + model.vendorModel(), () -> {
                    stub().reset();
                    replyWithFixture(vendor().sampleReplyFixture());

                    ChatResponse response = call(chatModel(asked), "你好");

                    var request = stub().onlyRequest();
                    assertChatCall(vendor(), request, vendor().pathFor(model.id()), TEST_KEY);
                    assertEquals(model.vendorModel(), Fixtures.parse(request.getBodyAsString()).path("model").asText(), "model on the wire");
                    assertEquals(model.id(), response.model(), "canonical model in the response");
                    assertEquals(model.vendorModel(), response.vendorModel(), "vendor model in the response");
                })));
    }

    @TestFactory
    Stream<DynamicTest> sendsReasoningControlsOnlyToModelsThatTakeThem() {
        return vendor().models().stream().map(model -> dynamicTest(model.id(), () -> {
            stub().reset();
            replyWithFixture(vendor().sampleReplyFixture());
            ChatRequest request = ChatRequest.builder().model(model.id()).user("2+2 等于几?")
                    .reasoning(new ReasoningSettings(ReasoningEffort.LOW, false)).build();

            ChatResponse response = call(chatModel(model.id()), request);

            JsonNode body = Fixtures.parse(stub().onlyRequest().getBodyAsString());
            boolean warned = response.warnings().stream().anyMatch(w -> w.contains("reasoning"));
            if (model.can(Capability.REASONING_CONTROL)) {
                assertEquals("low", body.path("reasoning_effort").asText(null), "reasoning_effort on the wire");
                assertFalse(warned, () -> "no reasoning warning expected: " + response.warnings());
            } else {
                assertFalse(body.has("reasoning_effort") || body.has("include_thoughts"),
                        () -> model.id() + " takes no reasoning controls; none may be sent: " + body);
                assertTrue(warned, () -> "expected a warning that reasoning settings were not sent: " + response.warnings());
            }
        }));
    }

    /** Sends a request to the stub (answering with the sample reply) and returns the body received. */
    protected JsonNode send(ChatRequest request) {
        replyWithFixture(vendor().sampleReplyFixture());
        call(chatModel(request.model()), request);
        var received = stub().onlyRequest();
        assertChatCall(vendor(), received, vendor().chatPath(), TEST_KEY);
        return Fixtures.parse(received.getBodyAsString());
    }
}
