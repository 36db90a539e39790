package dev.junction.chat;

import dev.junction.cost.Cost;
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
        List<String> warnings) {

    /** Copies the lists and replaces missing values by their empty forms. */
    public ChatResponse {
        Objects.requireNonNull(provider, "provider");
        text = text == null ? "" : text;
        images = images == null ? List.of() : List.copyOf(images);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        finishReason = finishReason == null ? FinishReason.OTHER : finishReason;
        usage = usage == null ? Usage.NONE : usage;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
