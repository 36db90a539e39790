package dev.junction.chat;

/**
 * Reasoning controls. Either field may be {@code null}, meaning "the vendor's default".
 * A vendor that ignores them adds a warning to the response instead of failing.
 *
 * @param effort how hard to think
 * @param includeThoughts whether the reply should carry the model's reasoning text
 */
public record ReasoningSettings(ReasoningEffort effort, Boolean includeThoughts) {

    /** Only the effort. */
    public static ReasoningSettings effort(ReasoningEffort effort) {
        return new ReasoningSettings(effort, null);
    }
}
