package dev.junction.provider.aivideoapi;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.junction.chat.ReasoningSettings;
import dev.junction.spi.openai.Dialect;
import java.io.IOException;

/**
 * aivideoapi's differences from plain OpenAI: besides {@code reasoning_effort} it takes
 * {@code include_thoughts}. Its streaming default lives in the profile ({@code streamsByDefault}).
 */
final class AivideoapiDialect implements Dialect {

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
