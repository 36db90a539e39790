package dev.junction.spi.openai;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.Capability;
import dev.junction.spi.ModelInfo;
import java.util.List;

/** Checks made before anything is sent: value ranges, and media kinds against the model's declared capabilities. */
final class RequestChecks {
    private RequestChecks() {
    }

    /**
     * Throws for a request that would fail at the vendor.
     *
     * @param model the catalog entry, or {@code null} for a model the catalog does not know (its media are not checked)
     */
    static void check(String provider, ChatRequest request, ModelInfo model) {
        Double t = request.temperature();
        if (t != null && (t.isNaN() || t < 0 || t > 2)) {
            throw fail(ErrorKind.INVALID_REQUEST, provider, "temperature must be between 0 and 2, got " + t, "use a value such as 0.7");
        }
        Integer max = request.maxOutputTokens();
        if (max != null && max <= 0) {
            throw fail(ErrorKind.INVALID_REQUEST, provider, "maxOutputTokens must be positive, got " + max,
                    "omit it to use the vendor's default");
        }
        if (model != null) {
            checkMedia(provider, request.messages(), model);
        }
    }

    private static void checkMedia(String provider, List<Message> messages, ModelInfo model) {
        for (int m = 0; m < messages.size(); m++) {
            List<Part> parts = messages.get(m).parts();
            for (int p = 0; p < parts.size(); p++) {
                if (!(parts.get(p) instanceof Part.Media media)) {
                    continue;
                }
                String type = InlineMedia.mediaTypeOf(media.source());
                Capability needed = capabilityFor(type);
                if (needed != null && !model.can(needed)) {
                    throw fail(ErrorKind.UNSUPPORTED_FEATURE, provider, "message " + m + ", part " + p + ": " + model.id()
                                    + " at " + provider + " does not take " + type,
                            "'junction providers --json' lists each model's capabilities; pick one that has " + needed);
                }
            }
        }
    }

    /** The input capability a media type needs; {@code null} when the type is unknown, leaving the vendor to judge. */
    private static Capability capabilityFor(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        if (mediaType.startsWith("image/")) {
            return Capability.IMAGE_INPUT;
        }
        if (mediaType.startsWith("video/")) {
            return Capability.VIDEO_INPUT;
        }
        if (mediaType.startsWith("audio/")) {
            return Capability.AUDIO_INPUT;
        }
        return mediaType.equals("application/pdf") ? Capability.PDF_INPUT : null;
    }

    private static JunctionException fail(ErrorKind kind, String provider, String problem, String hint) {
        return JunctionException.builder(kind, provider + ": " + problem).provider(provider).hint(hint).build();
    }
}
