package dev.junction.chat;

/**
 * Token counts as the vendor reported them. Every count is {@code null} when the vendor did not
 * report it, never a guessed zero.
 *
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens; for Gemini resellers this already includes reasoning tokens
 * @param reasoningTokens the part of {@code outputTokens} spent thinking
 * @param imageTokens the part of {@code outputTokens} spent on generated images
 * @param cachedTokens the part of {@code inputTokens} served from cache
 * @param audioInputTokens the part of {@code inputTokens} that was audio
 * @param totalTokens what the vendor gave as the total
 * @param rawJson the vendor's {@code usage} object verbatim, or {@code null} when absent
 */
public record Usage(
        Long inputTokens,
        Long outputTokens,
        Long reasoningTokens,
        Long imageTokens,
        Long cachedTokens,
        Long audioInputTokens,
        Long totalTokens,
        String rawJson) {

    /** Usage for a reply that reported none. */
    public static final Usage NONE = new Usage(null, null, null, null, null, null, null, null);

    /** Whether the vendor reported the counts that cost depends on. */
    public boolean isReported() {
        return inputTokens != null && outputTokens != null;
    }
}
