package dev.junction.gateway.openai;

import dev.junction.chat.ChatRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OpenAI Chat Completions request body, read into Junction's canonical form plus what the
 * canonical form does not hold.
 *
 * @param request the canonical request, its model the {@code model} field as given
 * @param model the {@code model} field as given, never blank
 * @param stream whether the client asked for server-sent events
 * @param includeUsage {@code stream_options.include_usage}: whether a stream ends with a usage chunk
 * @param options the {@code junction} object, {@link JunctionOptions#NONE} when absent
 * @param passThrough the OpenAI fields Junction does not model ({@code top_p}, {@code stop}, {@code seed}…),
 *     name to Jackson-decoded value (Map, List, String, Number, Boolean or {@code null}), in body order,
 *     for the server to hand to providers as provider options
 * @param warnings what the gateway dropped or changed while reading, for the client to be told
 */
public record InboundChat(
        ChatRequest request,
        String model,
        boolean stream,
        boolean includeUsage,
        JunctionOptions options,
        Map<String, Object> passThrough,
        List<String> warnings) {

    /** Copies the collections; a {@code null} JSON value in {@code passThrough} is kept. */
    public InboundChat {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(model, "model");
        options = options == null ? JunctionOptions.NONE : options;
        passThrough = passThrough == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(passThrough));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A request without warnings. */
    public InboundChat(ChatRequest request, String model, boolean stream, boolean includeUsage, JunctionOptions options,
            Map<String, Object> passThrough) {
        this(request, model, stream, includeUsage, options, passThrough, List.of());
    }
}
