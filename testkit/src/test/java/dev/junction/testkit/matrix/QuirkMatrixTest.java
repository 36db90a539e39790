package dev.junction.testkit.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.MediaSource;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.InlineMedia;
import dev.junction.spi.openai.MediaPartContext;
import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matrix reports what the hooks do, not what a profile claims: two dialects, two answers. */
class QuirkMatrixTest {
    private static final String PROFILE = """
            {"id": "%s", "baseUrl": "https://api.example.test/v1", "chatPath": "/chat/completions",
             "streamsByDefault": %s,
             "models": [{"id": "gemini-2.5-pro", "capabilities": ["TOOLS", "REASONING_CONTROL"]}],
             "prices": [], "pricesNote": "no prices"}
            """;

    /** A dialect that differs from plain OpenAI in the media part and the reasoning field. */
    private static final class Different implements Dialect {
        @Override
        public void writeMediaPart(JsonGenerator json, MediaSource source, MediaPartContext context) throws IOException {
            json.writeStartObject();
            json.writeStringField("type", "image");
            json.writeFieldName("image");
            InlineMedia.writeDataUri(json, source, context);
            json.writeEndObject();
        }

        @Override
        public String readReasoning(JsonNode message) {
            return message.path("thinking").asText(null);
        }
    }

    private static OpenAiCompatibleFactory factory(String id, boolean streams, Dialect dialect) {
        String json = PROFILE.formatted(id, streams);
        VendorProfile profile = VendorProfile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), id + ".json");
        return new OpenAiCompatibleFactory(profile, dialect) {
        };
    }

    @Test
    void reportsEachDialectsOwnWireShapes() {
        String page = QuirkMatrix.render(List.of(factory("plain", false, Dialect.OPENAI), factory("odd", true, new Different())));
        assertTrue(page.contains("| `odd` | https://api.example.test/v1 | `image` | refused | streams; `\"stream\": false` sent |"), page);
        assertTrue(page.contains("| `plain` | https://api.example.test/v1 | `image_url` | yes | no stream unless asked |"), page);
        assertTrue(page.contains("| inline image part | `{\"type\":\"image\",\"image\":\"data:image/png;base64,…\"}` |"), page);
        assertTrue(page.contains("| reasoning read from | `reasoning_content`, `reasoning` |"), page);
        assertTrue(page.contains("| reasoning read from | — |"), page);
        assertTrue(page.indexOf("## odd") < page.indexOf("## plain"), "providers are sorted by id");
    }

    @Test
    void isTheSameTextOnEveryRun() {
        List<OpenAiCompatibleFactory> factories = List.of(factory("plain", false, Dialect.OPENAI));
        assertEquals(QuirkMatrix.render(factories), QuirkMatrix.render(factories));
    }
}
