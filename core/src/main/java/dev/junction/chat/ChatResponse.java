package dev.junction.chat;

import dev.junction.cost.Cost;
import dev.junction.cost.CostRange;
import dev.junction.error.Attempt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A completed chat call in canonical form.
 *
 * @param id the vendor's completion id, or {@code null} if it sent none
 * @param provider the provider id, such as {@code acedata}
 * @param model the canonical model id
 * @param vendorModel the model name sent on the wire
 * @param text the answer text; empty, never {@code null}, when the model only produced images
 * @param reasoning the model's reasoning text, or {@code null} when the vendor returned none
 * @param images images the model generated, decoded
 * @param toolCalls function calls the model asked for, in order
 * @param finishReason why the model stopped, unified
 * @param rawFinishReason the vendor's own finish reason string, or {@code null}
 * @param usage token counts, each {@code null} when not reported
 * @param cost what the call cost, or {@code null} when the price or the usage is unknown (a warning says which)
 * @param warnings things the caller should know that did not make the call fail
 * @param failedAttempts the attempts that failed before the one that served this response, in
 *     order (retries, and providers fallen back from); empty when the first attempt served it
 * @param quotedUsd what the quote made before sending expected at the provider that answered (low,
 *     expected, high, in USD), next to {@code cost}; {@code null} when no quote was made (only a route
 *     that ranks by price or holds a ceiling quotes) or its price was unknown
 */
public record ChatResponse(
        String id,
        String provider,
        String model,
        String vendorModel,
        String text,
        String reasoning,
        List<GeneratedImage> images,
        List<ToolCall> toolCalls,
        FinishReason finishReason,
        String rawFinishReason,
        Usage usage,
        Cost cost,
        List<String> warnings,
        List<Attempt> failedAttempts,
        CostRange quotedUsd) {

    /** Copies the lists and replaces missing values by their empty forms. */
    public ChatResponse {
        Objects.requireNonNull(provider, "provider");
        text = text == null ? "" : text;
        images = images == null ? List.of() : List.copyOf(images);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        finishReason = finishReason == null ? FinishReason.OTHER : finishReason;
        usage = usage == null ? Usage.NONE : usage;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        failedAttempts = failedAttempts == null ? List.of() : List.copyOf(failedAttempts);
    }

    /** A response with no quote before it. */
    public ChatResponse(String id, String provider, String model, String vendorModel, String text, String reasoning,
            List<GeneratedImage> images, List<ToolCall> toolCalls, FinishReason finishReason, String rawFinishReason, Usage usage,
            Cost cost, List<String> warnings, List<Attempt> failedAttempts) {
        this(id, provider, model, vendorModel, text, reasoning, images, toolCalls, finishReason, rawFinishReason, usage, cost, warnings,
                failedAttempts, null);
    }

    /** This response with the quote that preceded it ({@code null} for none). */
    public ChatResponse withQuotedUsd(CostRange quoted) {
        return new ChatResponse(id, provider, model, vendorModel, text, reasoning, images, toolCalls, finishReason, rawFinishReason,
                usage, cost, warnings, failedAttempts, quoted);
    }

    /** This response with more warnings after its own. */
    public ChatResponse withWarnings(List<String> more) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new ChatResponse(id, provider, model, vendorModel, text, reasoning, images, toolCalls, finishReason, rawFinishReason,
                usage, cost, all, failedAttempts, quotedUsd);
    }

    /** This response with the attempts that failed before it. */
    public ChatResponse withFailedAttempts(List<Attempt> attempts) {
        return new ChatResponse(id, provider, model, vendorModel, text, reasoning, images, toolCalls, finishReason, rawFinishReason,
                usage, cost, warnings, attempts, quotedUsd);
    }

    /**
     * Writes every generated image into {@code dir} as {@code image-1.jpg}, {@code image-2.png}…
     * (numbered in order, extension from the media type), creating the directory and replacing
     * files of the same name.
     *
     * @return the files written, in order; empty when the model produced no image
     * @throws IOException when the directory cannot be created or a file cannot be written
     */
    public List<Path> saveImages(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            GeneratedImage image = images.get(i);
            written.add(image.saveTo(dir.resolve("image-" + (i + 1) + "." + image.fileExtension())));
        }
        return written;
    }

    /**
     * This reply as an assistant message, to continue the conversation: its text and tool calls,
     * each with its {@link ThoughtSignature}, which the next request sends back to this provider.
     * Reasoning and generated images are not carried over.
     */
    public Message toMessage() {
        return Message.assistant(text, toolCalls);
    }
}
