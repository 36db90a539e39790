package dev.junction.internal.openai.declarative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.MediaSource;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.ApiKey;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.DialectFields;
import dev.junction.spi.openai.MediaPartContext;
import dev.junction.spi.openai.VendorError;
import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import io.vertx.core.MultiMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each dialect field changes its own hook, and a profile declaring none behaves exactly as plain OpenAI. */
class DeclarativeDialectTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MINIMAL = """
            {"id":"v","baseUrl":"https://v.example","chatPath":"/chat","models":[{"id":"m"}]%s}
            """;

    private static VendorProfile profile(String fields) {
        return VendorProfile.read(new ByteArrayInputStream(MINIMAL.formatted(fields).getBytes(StandardCharsets.UTF_8)), "v.json");
    }

    private static Dialect dialect(String fields) {
        return OpenAiCompatibleFactory.declaredDialect(profile(fields));
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private static String mediaPart(Dialect dialect, MediaSource source, String mediaType) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            dialect.writeMediaPart(json, source, new MediaPartContext("v", 0, 1, mediaType));
        }
        return out.toString();
    }

    @Test
    void declaresNothingWhenAProfileUsesNoDialectField() {
        assertEquals(DialectFields.OPENAI, profile("").dialectFields());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"type\":\"t\"}}",
        "{\"error\":\"plain text\"}",
        "{\"error\":null,\"choices\":[]}",
        "{\"error\":{\"message\":\"m\"},\"choices\":[]}",
        "{\"success\":false,\"error\":{\"code\":7}}",
        "{\"choices\":[{\"message\":{\"reasoning_content\":\"\",\"reasoning\":\"r\"}}]}"
    })
    void behavesAsPlainOpenAiWithoutDialectFields(String body) throws IOException {
        Dialect declared = dialect("");
        JsonNode node = json(body);
        assertEquals(Dialect.OPENAI.isErrorBody(node), declared.isErrorBody(node));
        assertEquals(Dialect.OPENAI.readError(node), declared.readError(node));
        JsonNode message = node.path("choices").path(0).path("message");
        assertEquals(Dialect.OPENAI.readReasoning(message), declared.readReasoning(message));
        assertEquals(Dialect.OPENAI.standardChunksNeedNoHooks(), declared.standardChunksNeedNoHooks());
    }

    @Test
    void writesTheSameMediaPartAndHeaderAsPlainOpenAiByDefault() throws IOException {
        MediaSource url = new MediaSource.Url(URI.create("https://example.com/a.png"), "image/png");
        assertEquals(mediaPart(Dialect.OPENAI, url, "image/png"), mediaPart(dialect(""), url, "image/png"));
        MultiMap plain = MultiMap.caseInsensitiveMultiMap();
        MultiMap declared = MultiMap.caseInsensitiveMultiMap();
        Dialect.OPENAI.authenticate(plain, ApiKey.of("sk-1"));
        dialect("").authenticate(declared, ApiKey.of("sk-1"));
        assertEquals(plain.entries().toString(), declared.entries().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"scheme\":\"raw\",\"header\":\"x-api-key\"} | x-api-key | sk-1",
        "{\"scheme\":\"raw\"} | Authorization | sk-1",
        "{\"header\":\"X-Token\"} | X-Token | Bearer sk-1"
    })
    void sendsTheKeyAsDeclared(String auth, String header, String value) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        dialect(",\"auth\":" + auth).authenticate(headers, ApiKey.of("sk-1"));
        assertEquals(List.of(java.util.Map.entry(header, value)), headers.entries().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue())).toList());
    }

    @Test
    void writesImageStylePartsInlineAndRejectsUrls() throws IOException {
        Dialect image = dialect(",\"mediaPart\":\"image\"");
        assertEquals("{\"type\":\"image\",\"image\":\"data:image/png;base64,AQID\"}",
                mediaPart(image, new MediaSource.Bytes(new byte[] {1, 2, 3}, "image/png"), "image/png"));
        JunctionException e = assertThrows(JunctionException.class,
                () -> mediaPart(image, new MediaSource.Url(URI.create("https://example.com/a.png"), "image/png"), "image/png"));
        assertEquals(ErrorKind.UNSUPPORTED_FEATURE, e.kind());
        assertTrue(e.getMessage().startsWith("v: message 0, part 1: this vendor needs media inline"), e.getMessage());
    }

    @Test
    void readsReasoningAndImagesFromTheDeclaredFields() throws IOException {
        Dialect d = dialect(",\"reply\":{\"reasoningFields\":[\"thinking\",\"thought\"],\"imagesField\":\"pictures\"}");
        JsonNode message = json("{\"reasoning_content\":\"ignored\",\"thinking\":\"\",\"thought\":\"因为…\","
                + "\"pictures\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AQID\"}}],"
                + "\"images\":[{\"image_url\":{\"url\":\"data:image/png;base64,BAUG\"}}]}");
        assertEquals("因为…", d.readReasoning(message));
        List<String> warnings = new ArrayList<>();
        List<GeneratedImage> images = d.readImages(message, warnings);
        assertEquals(1, images.size());
        assertEquals("image/png", images.get(0).mediaType());
        assertEquals(List.of(), warnings);
        assertNull(d.readReasoning(json("{\"reasoning_content\":\"not declared\"}")));
    }

    @Test
    void readsAnEnvelopeFromItsPointersAndRecognisesItByPresence() throws IOException {
        Dialect d = dialect(",\"errorEnvelope\":{\"when\":[{\"pointer\":\"/err\",\"present\":true},"
                + "{\"pointer\":\"/status\",\"equals\":\"fail\"}],\"code\":\"/err/no\",\"message\":\"/err/text\",\"type\":\"/err/kind\","
                + "\"traceId\":\"/meta/trace\"}");
        JsonNode body = json("{\"err\":{\"no\":1003,\"text\":\"余额不足\",\"kind\":\"billing\"},\"meta\":{\"trace\":\"t-1\"}}");
        assertTrue(d.isErrorBody(body));
        assertEquals(new VendorError("1003", "余额不足", "billing", "t-1"), d.readError(body));
        assertTrue(d.isErrorBody(json("{\"status\":\"fail\"}")));
        assertFalse(d.isErrorBody(json("{\"status\":\"ok\",\"err\":null,\"choices\":[]}")));
        assertEquals(new VendorError(null, "busy", null, null), d.readError(json("{\"err\":\"busy\"}")),
                "the object that should hold the message may be the message");
    }

    @Test
    void leavesTheFastPathOnlyWhenADeclaredFieldIsOneItReads() {
        assertTrue(dialect(",\"errorEnvelope\":{\"when\":[{\"pointer\":\"/success\",\"equals\":false}]}").standardChunksNeedNoHooks());
        assertFalse(dialect(",\"errorEnvelope\":{\"when\":[{\"pointer\":\"/object\",\"equals\":\"error\"}]}")
                .standardChunksNeedNoHooks(), "an error recognised by a standard field must not be read as text");
        assertFalse(dialect(",\"reply\":{\"reasoningFields\":[\"content\"]}").standardChunksNeedNoHooks());
    }
}
