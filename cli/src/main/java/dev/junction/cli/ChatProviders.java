package dev.junction.cli;

import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code chat}'s {@code -p SPEC}, repeatable: one provider, or several to fall back across, tried in
 * the order given, each after its own retries.
 */
final class ChatProviders {

    @Option(names = {"-p", "--provider"}, required = true, paramLabel = "SPEC",
            description = "Config string: id[:model][?apiKey=…&baseUrl=…&timeout=30s&maxRetries=2],"
                    + " such as acedata:gemini-2.5-pro. The key may also come from <ID>_API_KEY."
                    + " Repeat to fall back to the next provider when one fails, in that order.")
    List<String> specs;

    /**
     * The chat model: on the one provider, or falling back across all of them.
     *
     * @throws dev.junction.error.JunctionException CONFIGURATION for any unusable config string or missing key
     */
    ChatModel chatModel(Junction junction) {
        if (specs.size() == 1) {
            return junction.chatModel(specs.get(0));
        }
        return junction.chatModel(specs.get(0), specs.subList(1, specs.size()).toArray(String[]::new));
    }
}
