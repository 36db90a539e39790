package dev.junction.quote;

import java.util.Set;

/**
 * The assumptions a quote is made under. Output cannot be known before the model answers, so it
 * is assumed: the request's {@code maxOutputTokens} when set, else {@code outputTokens}; plus
 * {@code reasoningAllowance} when the model will think hard (effort HIGH, or no effort set on a
 * model that reasons by default), carved out of {@code maxOutputTokens} when one is set, since
 * Gemini counts thinking inside that cap.
 *
 * @param outputTokens output tokens assumed when the request sets no maximum; 1 to {@link #MAX_TOKENS}
 * @param reasoningAllowance output tokens assumed for reasoning when the model thinks hard; not negative
 * @param providers the providers to quote, or empty for every provider offering the model
 */
public record QuoteOptions(long outputTokens, long reasoningAllowance, Set<String> providers) {
    /** Output tokens assumed by default: a long paragraph. */
    public static final long DEFAULT_OUTPUT_TOKENS = 1_000;
    /** Reasoning tokens assumed by default when the model thinks hard. */
    public static final long DEFAULT_REASONING_ALLOWANCE = 2_000;

    /** The most tokens either figure may be: Gemini writes at most 65,536 at once, so more is a typo. */
    public static final long MAX_TOKENS = 10_000_000;

    /** Checks the figures (1 to {@link #MAX_TOKENS} output tokens, 0 to {@link #MAX_TOKENS} reasoning) and copies the set. */
    public QuoteOptions {
        if (outputTokens <= 0 || outputTokens > MAX_TOKENS) {
            throw new IllegalArgumentException("outputTokens must be between 1 and " + MAX_TOKENS + ", got " + outputTokens);
        }
        if (reasoningAllowance < 0 || reasoningAllowance > MAX_TOKENS) {
            throw new IllegalArgumentException("reasoningAllowance must be between 0 and " + MAX_TOKENS + ", got " + reasoningAllowance);
        }
        providers = providers == null ? Set.of() : Set.copyOf(providers);
    }

    /** 1,000 output tokens, 2,000 more when the model thinks hard, every provider. */
    public static QuoteOptions defaults() {
        return new QuoteOptions(DEFAULT_OUTPUT_TOKENS, DEFAULT_REASONING_ALLOWANCE, Set.of());
    }

    /** These options assuming {@code tokens} output tokens when the request sets no maximum. */
    public QuoteOptions withOutputTokens(long tokens) {
        return new QuoteOptions(tokens, reasoningAllowance, providers);
    }

    /** These options with another reasoning allowance. */
    public QuoteOptions withReasoningAllowance(long tokens) {
        return new QuoteOptions(outputTokens, tokens, providers);
    }

    /** These options quoting only the given provider ids. */
    public QuoteOptions withProviders(Set<String> ids) {
        return new QuoteOptions(outputTokens, reasoningAllowance, ids);
    }
}
