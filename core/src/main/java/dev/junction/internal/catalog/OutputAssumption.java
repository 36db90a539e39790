package dev.junction.internal.catalog;

import dev.junction.catalog.CanonicalModel;
import dev.junction.catalog.Capability;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ReasoningEffort;
import dev.junction.quote.QuoteOptions;
import java.util.Locale;

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
            return new OutputAssumption(max, reasoning, String.format(Locale.ROOT, "%,d (the request's maxOutputTokens%s)", max,
                    reasoning > 0 ? String.format(Locale.ROOT, ", of which %,d reasoning: %s", reasoning, why) : ""));
        }
        return new OutputAssumption(options.outputTokens() + allowance, allowance,
                String.format(Locale.ROOT, "%,d (assumed: the request sets no maxOutputTokens)", options.outputTokens())
                        + (allowance > 0 ? String.format(Locale.ROOT, " + %,d reasoning allowance (%s)", allowance, why) : ""));
    }
}
