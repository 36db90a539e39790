package dev.junction.cli;

import dev.junction.chat.ChatResponse;
import dev.junction.chat.StreamPart;
import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
import dev.junction.quote.Quote;
import java.util.ArrayList;
import java.util.List;

/** The one-line usage and cost summary printed on stderr after an answer. */
final class UsageLine {
    private UsageLine() {
    }

    /**
     * Such as {@code aivideoapi:gemini-3-pro · 12 input + 86 output tokens (98 total) · $0.0004224 (0.08448 credits)}.
     */
    static String of(ChatResponse response) {
        return of(response.provider(), response.model(), response.vendorModel(), response.usage(), response.cost());
    }

    /**
     * The same line for a streamed reply.
     *
     * @param report the stream's usage part, or {@code null} when the vendor reported none
     */
    static String of(StreamPart.Start start, StreamPart.UsageReport report) {
        return report == null
                ? of(start.provider(), start.model(), start.vendorModel(), Usage.NONE, null)
                : of(start.provider(), start.model(), start.vendorModel(), report.usage(), report.cost());
    }

    private static String of(String provider, String model, String vendorModel, Usage usage, Cost cost) {
        StringBuilder line = new StringBuilder(provider).append(':').append(model);
        if (vendorModel != null && !vendorModel.equals(model)) {
            line.append(" (").append(vendorModel).append(')');
        }
        line.append(" · ").append(tokens(usage == null ? Usage.NONE : usage)).append(" · ").append(cost(cost));
        return line.toString();
    }

    private static String tokens(Usage usage) {
        if (!usage.isReported()) {
            return "usage not reported";
        }
        List<String> details = new ArrayList<>();
        if (usage.reasoningTokens() != null && usage.reasoningTokens() > 0) {
            details.add(usage.reasoningTokens() + " reasoning");
        }
        if (usage.imageTokens() != null && usage.imageTokens() > 0) {
            details.add(usage.imageTokens() + " image");
        }
        if (usage.cachedTokens() != null && usage.cachedTokens() > 0) {
            details.add(usage.cachedTokens() + " cached");
        }
        if (usage.totalTokens() != null) {
            details.add(usage.totalTokens() + " total");
        }
        String text = usage.inputTokens() + " input + " + usage.outputTokens() + " output tokens";
        return details.isEmpty() ? text : text + " (" + String.join(", ", details) + ")";
    }

    /**
     * What a quote made before sending expected, to append to the line: {@code " · quoted $0.0051 expected"},
     * {@code " · quote: price unknown"}, or nothing when there is no quote.
     */
    static String quoted(Quote quote) {
        if (quote == null) {
            return "";
        }
        return quote.priceKnown() ? " · quoted " + Amounts.usd(quote.usd().expected()) + " expected" : " · quote: price unknown";
    }

    /** Such as {@code $0.0004224 (0.08448 credits)}, or {@code cost unknown}. */
    static String cost(Cost cost) {
        if (cost == null) {
            return "cost unknown";
        }
        String usd = Amounts.usd(cost.usd());
        return cost.credits() == null ? usd : usd + " (" + Amounts.plain(cost.credits()) + " credits)";
    }
}
