package dev.junction.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.testing.Futures;
import dev.junction.testing.VendorServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records become strict JSON-schema response formats, and replies become records again. */
class StructuredOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scientist, as in aivideoapi's structured-output example. */
    record Scientist(String name, String field) {
    }

    /** The example's top-level object. */
    record Scientists(List<Scientist> list) {
    }

    /** Primitives, an enum and a boolean, to see their schema types. */
    record Reading(int count, double level, boolean ok, Unit unit) {
    }

    enum Unit { CELSIUS, KELVIN }

    /** A record that contains itself cannot be inlined. */
    record Node(String label, List<Node> children) {
    }

    /** The schema aivideoapi's docs send for "列出 3 位著名科学家", plus additionalProperties:false. */
    private static final String DOCUMENTED_SCHEMA = """
            {"type":"object",
             "properties":{"list":{"type":"array","items":{"type":"object",
                 "properties":{"name":{"type":"string"},"field":{"type":"string"}},
                 "required":["name","field"],"additionalProperties":false}}},
             "required":["list"],"additionalProperties":false}
            """;

    private static final StructuredOutput<Scientists> OUT = StructuredOutput.of(Scientists.class);

    private static ChatResponse reply(String text, FinishReason finish) {
        return new ChatResponse("c1", "testvendor", "m", "m", text, null, null, null, finish, null, null, null, null, List.of());
    }

    @Test
    void derivesTheDocumentedSchemaForNestedRecords() throws Exception {
        ResponseFormat.JsonSchema format = OUT.format();
        assertEquals("Scientists", format.name());
        assertEquals(Boolean.TRUE, format.strict());
        assertEquals(JSON.readTree(DOCUMENTED_SCHEMA), JSON.readTree(format.schemaJson()));
    }

    @Test
    void mapsPrimitivesAndEnumsToJsonTypes() throws Exception {
        JsonNode schema = JSON.readTree(StructuredOutput.of(Reading.class).format().schemaJson());
        JsonNode props = schema.get("properties");
        assertEquals("integer", props.get("count").get("type").asText());
        assertEquals("number", props.get("level").get("type").asText());
        assertEquals("boolean", props.get("ok").get("type").asText());
        assertEquals(JSON.readTree("[\"CELSIUS\",\"KELVIN\"]"), props.get("unit").get("enum"));
        assertEquals(JSON.readTree("[\"count\",\"level\",\"ok\",\"unit\"]"), schema.get("required"));
    }

    @Test
    void refusesARecordThatContainsItself() {
        assertThrows(IllegalArgumentException.class, () -> StructuredOutput.of(Node.class));
    }

    @Test
    void sendsTheSchemaAsAStrictJsonSchemaResponseFormat() throws Exception {
        try (VendorServer vendor = new VendorServer()) {
            ObjectNode body = (ObjectNode) JSON.readTree(VendorServer.okBody("x"));
            ((ObjectNode) body.get("choices").get(0).get("message")).put("content",
                    "{\"list\":[{\"name\":\"Marie Curie\",\"field\":\"physics\"}]}");
            vendor.reply(okJson(body.toString()));
            // A model outside the test catalog: sent as named, without capability checks.
            ChatResponse response = Futures.await(vendor.model("gemini-3-pro", "").chat(ChatRequest.builder()
                    .user("列出 3 位著名科学家").responseFormat(OUT.format()).build()));

            List<ServeEvent> events = vendor.wire().getAllServeEvents();
            assertEquals(1, events.size());
            JsonNode sent = JSON.readTree(events.get(0).getRequest().getBodyAsString());
            assertEquals(JSON.readTree("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"Scientists\",\"strict\":true,"
                    + "\"schema\":" + DOCUMENTED_SCHEMA + "}}"), sent.get("response_format"));
            assertEquals(new Scientists(List.of(new Scientist("Marie Curie", "physics"))), OUT.parse(response));
        }
    }

    @Test
    void parsesAReplyIntoTheRecordIgnoringUnknownFields() {
        Scientists parsed = OUT.parse(reply("""
                {"list":[{"name":"Isaac Newton","field":"physics","born":1643},
                         {"name":"Charles Darwin","field":"biology"}]}
                """, FinishReason.STOP));
        assertEquals(new Scientists(List.of(new Scientist("Isaac Newton", "physics"),
                new Scientist("Charles Darwin", "biology"))), parsed);
    }

    @Test
    void stripsOneSurroundingJsonFence() {
        String fenced = "```json\n{\"list\":[{\"name\":\"Ada Lovelace\",\"field\":\"mathematics\"}]}\n```\n";
        assertEquals(new Scientists(List.of(new Scientist("Ada Lovelace", "mathematics"))),
                OUT.parse(reply(fenced, FinishReason.STOP)));
        assertEquals(new Scientists(List.of()), OUT.parse("```\n{\"list\":[]}```"));
    }

    @Test
    void acceptsASchemaOfYourOwnForTheRecord() {
        ResponseFormat.JsonSchema mine = new ResponseFormat.JsonSchema("scientists", null, DOCUMENTED_SCHEMA);
        StructuredOutput<Scientists> custom = StructuredOutput.of(Scientists.class, mine);
        assertEquals(mine, custom.format());
        assertEquals(new Scientists(List.of()), custom.parse("```json {\"list\":[]} ```"));
    }

    @Test
    void failsWithProtocolKeepingTheRawTextWhenTheReplyDoesNotMatch() {
        String text = "Here are three scientists: Newton, Darwin, Curie.";
        JunctionException e = assertThrows(JunctionException.class, () -> OUT.parse(reply(text, FinishReason.STOP)));
        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertEquals("testvendor", e.provider());
        assertEquals(text, e.rawReply().orElseThrow());
        assertTrue(e.getMessage().startsWith("testvendor: the reply did not match Scientists"), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void failsWhenAComponentIsMissingOrTheJsonIsFollowedByProse() {
        String missing = "{\"list\":[{\"name\":\"Curie\"}]}";
        JunctionException e = assertThrows(JunctionException.class, () -> OUT.parse(missing));
        assertEquals(ErrorKind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("field"), e.getMessage());
        assertEquals(missing, e.rawReply().orElseThrow());

        String trailing = "{\"list\":[]} I hope this helps!";
        assertEquals(trailing, assertThrows(JunctionException.class, () -> OUT.parse(trailing)).rawReply().orElseThrow());
        assertEquals(ErrorKind.PROTOCOL, assertThrows(JunctionException.class, () -> OUT.parse("null")).kind());
    }

    @Test
    void quotesOnlyTheStartOfALongReplyButKeepsItWhole() {
        String text = "x".repeat(5000);
        JunctionException e = assertThrows(JunctionException.class, () -> OUT.parse(reply(text, FinishReason.STOP)));
        assertTrue(e.getMessage().length() < 1000, "message length " + e.getMessage().length());
        assertEquals(text, e.rawReply().orElseThrow());
    }

    @Test
    void hintsAtTheTokenLimitWhenTheReplyWasCutShort() {
        JunctionException e = assertThrows(JunctionException.class,
                () -> OUT.parse(reply("{\"list\":[{\"name\":\"Cur", FinishReason.LENGTH)));
        assertTrue(e.hint().orElseThrow().contains("maxOutputTokens"), e.hint().orElseThrow());
    }
}
