package dev.junction.provider.aivideoapi;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.junction.chat.ReasoningSettings;
import dev.junction.spi.openai.Dialect;
import java.io.IOException;

/**
 * aivideoapi's differences from plain OpenAI: besides {@code reasoning_effort} it takes
 * {@code include_thoughts}, and Google Search is a function tool named {@code googleSearch}.
 * Its streaming default and its tool rules live in the profile.
 */
final class AivideoapiDialect implements Dialect {

    /** As the docs show: {@code {"type":"function","function":{"name":"googleSearch"}}}. */
    @Override
    public void writeWebSearchTool(JsonGenerator json, String provider) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "function");
        json.writeObjectFieldStart("function");
        json.writeStringField("name", "googleSearch");
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void writeReasoning(JsonGenerator json, ReasoningSettings settings) throws IOException {
        if (settings.effort() != null) {
            json.writeStringField("reasoning_effort", settings.effort().wireName());
        }
        if (settings.includeThoughts() != null) {
            json.writeBooleanField("include_thoughts", settings.includeThoughts());
        }
    }
}
