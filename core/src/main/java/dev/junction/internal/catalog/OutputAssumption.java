package dev.junction.internal.catalog;

import dev.junction.catalog.CanonicalModel;
import dev.junction.catalog.Capability;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ReasoningEffort;
import dev.junction.quote.QuoteOptions;

/**
 * The output tokens a quote assumes, since output cannot be known before the model answers.
 *
 * <p>Visible output is the request's {@code maxOutputTokens}, else the options' default. A
 * reasoning allowance is added when the model will think hard: effort HIGH or MEDIUM, or no effort set on a
 * model that reasons by default (Gemini 2.5 Pro always thinks; aivideoapi's default effort is
 * high). A {@code maxOutputTokens} is a cap that includes thinking at Gemini, so with one set the
 * allowance is carved out of it instead of added to it.
 *
 * @param tokens all output tokens assumed
 * @param reasoningTokens the part of {@code tokens} assumed to be reasoning, priced at the reasoning rate
 * @param description how the figure was arrived at, in words
 */
record OutputAssumption(long tokens, long reasoningTokens, String description) {

    static OutputAssumption of(ChatRequest request, CanonicalModel model, QuoteOptions options) {
        ReasoningEffort effort = request.reasoning() == null ? null : request.reasoning().effort();
        boolean reasonsByDefault = model.offers().stream().anyMatch(o -> o.capabilities().contains(Capability.REASONING_OUTPUT));
        // MEDIUM thinks hard enough to count: a vendor documenting only low and high sends it as high.
        boolean thinksHard = effort == ReasoningEffort.HIGH || effort == ReasoningEffort.MEDIUM || (effort == null && reasonsByDefault);
        long allowance = thinksHard ? options.reasoningAllowance() : 0;
        String why = effort != null ? effort.wireName() + " effort" : "the model reasons by default; minimal or low effort drops it";
        Integer max = request.maxOutputTokens();
        if (max != null) {
            long reasoning = Math.min(allowance, max);
            return new OutputAssumption(max, reasoning, grouped(max) + " (the request's maxOutputTokens"
                    + (reasoning > 0 ? ", of which " + grouped(reasoning) + " reasoning: " + why : "") + ")");
        }
        return new OutputAssumption(options.outputTokens() + allowance, allowance,
                grouped(options.outputTokens()) + " (assumed: the request sets no maxOutputTokens)"
                        + (allowance > 0 ? " + " + grouped(allowance) + " reasoning allowance (" + why + ")" : ""));
    }

    /**
     * {@code String.format(Locale.ROOT, "%,d", n)}: digits grouped by three with commas. Written
     * out because every quote makes this description, and the formatter cost more than the rest of
     * the quote's arithmetic.
     */
    static String grouped(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int length = digits.length() - sign;
        if (length <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + length / 3);
        int first = sign + (length % 3 == 0 ? 3 : length % 3);
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }
}
