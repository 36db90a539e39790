package dev.junction.internal.openai.plan;

import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolChoice;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.media.MediaKind;
import dev.junction.internal.media.MediaTypes;
import dev.junction.spi.openai.VendorRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks made before anything is sent: value ranges, tools, media kinds and features against the
 * model's declared capabilities, and the vendor's documented rules.
 */
final class RequestChecks {
    private RequestChecks() {
    }

    /**
     * Throws for a request that would fail at the vendor.
     *
     * @param model the catalog entry, or {@code null} for a model the catalog does not know (its media
     *     kinds are not checked then, only that inline media has a type)
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
        checkTools(provider, request);
        checkMedia(provider, request.messages(), model);
        if (model != null) {
            checkCapabilities(provider, request, model);
        }
    }

    /** Tool names unique, and a tool choice that names a tool that is there. */
    private static void checkTools(String provider, ChatRequest request) {
        Set<String> names = new HashSet<>();
        for (Tool tool : request.tools()) {
            if (tool instanceof Tool.Function f && !names.add(f.name())) {
                throw fail(ErrorKind.INVALID_REQUEST, provider, "two tools are named '" + f.name() + "'", "give each tool its own name");
            }
        }
        ToolChoice choice = request.toolChoice();
        if (choice != null && choice.mode() != ToolChoice.Mode.NONE && request.tools().isEmpty()) {
            throw fail(ErrorKind.INVALID_REQUEST, provider, "a tool choice was given but no tools", "add the tools, or drop the tool choice");
        }
        if (choice != null && choice.functionName() != null && !names.contains(choice.functionName())) {
            throw fail(ErrorKind.INVALID_REQUEST, provider, "the tool choice names '" + choice.functionName()
                    + "', which is not among the tools " + names, "name one of the request's function tools");
        }
    }

    /** Function tools, web search and a response format need the model to declare them. */
    private static void checkCapabilities(String provider, ChatRequest request, ModelInfo model) {
        boolean functions = request.tools().stream().anyMatch(t -> t instanceof Tool.Function);
        boolean search = request.tools().stream().anyMatch(t -> t instanceof Tool.WebSearch);
        require(provider, model, functions, Capability.TOOLS, "function tools");
        require(provider, model, search, Capability.WEB_SEARCH, "web search");
        require(provider, model, request.responseFormat() != null, Capability.STRUCTURED_OUTPUT, "a JSON-schema response format");
    }

    private static void require(String provider, ModelInfo model, boolean used, Capability capability, String what) {
        if (used && !model.can(capability)) {
            throw fail(ErrorKind.UNSUPPORTED_FEATURE, provider, provider + " does not document " + what + " for " + model.id(),
                    "'junction providers --json' lists each model's capabilities; pick one that has " + capability);
        }
    }

    /** Throws for the first documented vendor rule the request breaks. */
    static void checkRules(String provider, ChatRequest request, List<VendorRule> rules) {
        for (VendorRule rule : rules) {
            if (rule.isBrokenBy(request)) {
                throw fail(ErrorKind.UNSUPPORTED_FEATURE, provider, provider + "'s rule: " + rule.rule(), rule.hint());
            }
        }
    }

    /** Every inline part has a media type; with a known model, each media kind is one it takes. */
    private static void checkMedia(String provider, List<Message> messages, ModelInfo model) {
        for (int m = 0; m < messages.size(); m++) {
            List<Part> parts = messages.get(m).parts();
            for (int p = 0; p < parts.size(); p++) {
                if (!(parts.get(p) instanceof Part.Media media)) {
                    continue;
                }
                String type = MediaTypes.of(media.source());
                if (type == null && !(media.source() instanceof MediaSource.Url)) {
                    // Inline data travels as a data URI, which needs a type; a URL leaves the vendor to judge.
                    throw fail(ErrorKind.INVALID_REQUEST, provider, "message " + m + ", part " + p
                                    + ": cannot tell the media type of " + MediaTypes.describe(media.source()),
                            "attach an image, video, audio or PDF file, or give the type: Part.bytes(data, \"image/png\")");
                }
                Capability needed = capabilityFor(type);
                if (model != null && needed != null && !model.can(needed)) {
                    throw fail(ErrorKind.UNSUPPORTED_FEATURE, provider, "message " + m + ", part " + p + ": " + model.id()
                                    + " at " + provider + " does not take " + type,
                            "'junction providers --json' lists each model's capabilities; pick one that has " + needed);
                }
            }
        }
    }

    /** The input capability a media type needs; {@code null} when the type is unknown, leaving the vendor to judge. */
    private static Capability capabilityFor(String mediaType) {
        MediaKind kind = MediaKind.of(mediaType);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case IMAGE -> Capability.IMAGE_INPUT;
            case VIDEO -> Capability.VIDEO_INPUT;
            case AUDIO -> Capability.AUDIO_INPUT;
            case PDF -> Capability.PDF_INPUT;
        };
    }

    private static JunctionException fail(ErrorKind kind, String provider, String problem, String hint) {
        return JunctionException.builder(kind, provider + ": " + problem).provider(provider).hint(hint).build();
    }
}
