package dev.junction.internal.openai.plan;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.chat.Role;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model served by the images endpoint (the profile's {@code endpoints.images}) cannot take,
 * checked with the other pre-send rules: media parts, tools, a tool choice, a response format, and
 * assistant or tool turns fail with UNSUPPORTED_FEATURE; temperature, the output cap and reasoning
 * settings are not sent, with a warning. Here rather than beside the endpoint's writer, so that
 * planning does not depend on the engine's reply side.
 */
public final class ImagesRequestChecks {
    private ImagesRequestChecks() {
    }

    /**
     * Throws for a request the images endpoint cannot take.
     *
     * @throws JunctionException UNSUPPORTED_FEATURE naming what to drop
     */
    public static void check(String provider, String model, ChatRequest request) {
        String why = null;
        if (!request.tools().isEmpty() || request.toolChoice() != null) {
            why = "tools";
        } else if (request.responseFormat() != null) {
            why = "a response format";
        }
        for (int m = 0; why == null && m < request.messages().size(); m++) {
            Message message = request.messages().get(m);
            if (message.role() == Role.ASSISTANT || message.role() == Role.TOOL) {
                why = "earlier turns (message " + m + " is " + message.role().wireName() + ")";
            } else if (message.parts().stream().anyMatch(p -> !(p instanceof Part.Text))) {
                why = "media parts (message " + m + ")";
            }
        }
        if (why != null) {
            throw JunctionException.builder(ErrorKind.UNSUPPORTED_FEATURE, provider + " generates " + model
                            + " images through its images endpoint, which takes a text prompt only, not " + why)
                    .provider(provider)
                    .hint("send the image's description as text alone; to edit or combine images in a chat, use a provider"
                            + " that returns images in chat replies")
                    .build();
        }
    }

    /** Warnings for the settings the endpoint has no field for. */
    public static List<String> unsentSettings(String provider, ChatRequest request) {
        List<String> unsent = new ArrayList<>();
        if (request.temperature() != null) {
            unsent.add("temperature");
        }
        if (request.maxOutputTokens() != null) {
            unsent.add("maxOutputTokens");
        }
        if (request.reasoning() != null) {
            unsent.add("reasoning settings");
        }
        return unsent.isEmpty() ? List.of() : List.of(provider + "'s images endpoint has no field for "
                + String.join(", ", unsent) + "; not sent");
    }

}
