package dev.junction.chat;

import java.util.Locale;

/** Why the model stopped, unified across vendors; the vendor's own string is kept beside it. */
public enum FinishReason {
    STOP,
    LENGTH,
    TOOL_CALLS,
    CONTENT_FILTER,
    ERROR,
    OTHER;

    /**
     * Maps a vendor's raw finish reason. Known OpenAI and Gemini spellings are recognised;
     * anything else, {@code null} included, is {@link #OTHER}.
     */
    public static FinishReason fromRaw(String raw) {
        if (raw == null) {
            return OTHER;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "stop", "end_turn", "stop_sequence" -> STOP;
            case "length", "max_tokens" -> LENGTH;
            case "tool_calls", "function_call", "tool_use" -> TOOL_CALLS;
            case "content_filter", "safety", "recitation", "blocklist", "prohibited_content", "spii" -> CONTENT_FILTER;
            case "error" -> ERROR;
            default -> OTHER;
        };
    }
}
