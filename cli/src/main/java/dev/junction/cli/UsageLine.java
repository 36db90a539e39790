package dev.junction.cli;

import dev.junction.chat.ChatResponse;
import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
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
        StringBuilder line = new StringBuilder(response.provider()).append(':').append(response.model());
        if (response.vendorModel() != null && !response.vendorModel().equals(response.model())) {
            line.append(" (").append(response.vendorModel()).append(')');
        }
        line.append(" · ").append(tokens(response.usage())).append(" · ").append(cost(response.cost()));
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

    private static String cost(Cost cost) {
        if (cost == null) {
            return "cost unknown";
        }
        String usd = "$" + CliJson.decimal(cost.usd()).toPlainString();
        return cost.credits() == null ? usd : usd + " (" + CliJson.decimal(cost.credits()).toPlainString() + " credits)";
    }
}
