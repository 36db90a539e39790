package dev.junction.cli;

import dev.junction.Junction;
import dev.junction.RoutePolicy;
import dev.junction.chat.ChatModel;
import dev.junction.error.JunctionException;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where {@code chat} sends: {@code -p SPEC}, repeatable (one provider, or several to fall back across,
 * in the order given, each after its own retries), or {@code --route POLICY} over every keyed
 * provider of {@code --model}, with an optional {@code --max-price}.
 */
final class ChatProviders {

    /** Either providers or a route, exactly one: picocli reports a missing or doubled choice as a usage error. */
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** The two ways to name where the prompt goes. */
    static final class Target {
        @Option(names = {"-p", "--provider"}, required = true, paramLabel = "SPEC",
            description = "Config string: id[:model][?apiKey=…&baseUrl=…&timeout=30s&maxRetries=2],"
                    + " such as acedata:gemini-2.5-pro. The key may also come from <ID>_API_KEY."
                    + " Repeat to fall back to the next provider when one fails, in that order.")
        List<String> specs;

        @Option(names = "--route", required = true, paramLabel = "POLICY",
                description = "Instead of -p: every installed provider of --model that has a key, ordered by ${COMPLETION-CANDIDATES}"
                        + " (case-insensitive): cheapest by this request's quote, fastest by recent answer times; tried in turn.")
        RoutePolicy route;
    }

    @Option(names = "--max-price", paramLabel = "USD",
            description = "With --route: skip providers whose quote for this request may exceed USD (the quote's high figure);"
                    + " with nothing left, nothing is sent.")
    BigDecimal maxPrice;

    /** Whether the provider that answers is known only afterwards: a route, or a fallback over several -p. */
    boolean choosesPerCall() {
        return target.route != null || target.specs.size() > 1;
    }

    /**
     * The chat model: a route, the one provider, or a fallback across all of them.
     *
     * @param model the --model given, required with --route
     * @throws dev.junction.error.JunctionException CONFIGURATION for bad option combinations, any unusable
     *     config string or missing key
     */
    ChatModel chatModel(Junction junction, String model) {
        if (target.route != null) {
            if (model == null) {
                throw JunctionException.configuration(null, "--route needs --model",
                        "write --route cheapest --model gemini-2.5-pro");
            }
            return junction.route(model, target.route, maxPrice);
        }
        List<String> specs = target.specs;
        if (maxPrice != null) {
            throw JunctionException.configuration(null, "--max-price works with --route", "add --route cheapest --model MODEL");
        }
        if (specs.size() == 1) {
            return junction.chatModel(specs.get(0));
        }
        return junction.chatModel(specs.get(0), specs.subList(1, specs.size()).toArray(String[]::new));
    }
}
