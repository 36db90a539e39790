package dev.junction.examples;

import dev.junction.Junction;
import dev.junction.chat.ChatStream;
import dev.junction.chat.StreamPart;
import dev.junction.error.JunctionException;
import java.util.concurrent.CompletableFuture;

/**
 * Streams a reply: text to stdout as it arrives, reasoning to stderr, then the usage and cost
 * ({@link dev.junction.chat.ChatStreams#collect} folds a stream into one response instead).
 * Run with a config string and a prompt, for example
 * {@code StreamChat "acedata:gemini-2.5-pro" "你好"} with {@code ACEDATA_API_KEY} set.
 */
public final class StreamChat {
    private StreamChat() {
    }

    /** Entry point: {@code args[0]} is the config string, the rest the prompt. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: StreamChat CONFIG_STRING PROMPT…");
            System.exit(2);
        }
        String prompt = String.join(" ", java.util.Arrays.copyOfRange(args, 1, args.length));
        try (Junction junction = Junction.create()) {
            ChatStream stream = junction.chatModel(args[0]).stream(prompt);
            CompletableFuture<Void> done = new CompletableFuture<>();
            stream.exceptionHandler(done::completeExceptionally)
                    .endHandler(v -> done.complete(null))
                    .handler(part -> {
                        if (part instanceof StreamPart.TextDelta text) {
                            System.out.print(text.text());
                            System.out.flush();
                        } else if (part instanceof StreamPart.ReasoningDelta reasoning) {
                            System.err.print(reasoning.text());
                        } else if (part instanceof StreamPart.UsageReport usage) {
                            System.err.println("\ntokens: " + usage.usage().inputTokens() + " in, "
                                    + usage.usage().outputTokens() + " out; cost: "
                                    + (usage.cost() == null ? "unknown" : "$" + usage.cost().usd().toPlainString()));
                        }
                    });
            done.join();
            System.out.println();
            // To get the whole reply as one object instead, fold the stream:
            // ChatResponse whole = ChatStreams.collect(model.stream(prompt)).toCompletionStage().toCompletableFuture().join();
        } catch (JunctionException e) {
            System.err.println("error: " + e.kind() + ": " + e.getMessage());
            System.exit(e.kind().isCallersFault() ? 2 : 1);
        } catch (java.util.concurrent.CompletionException e) {
            System.err.println("error: " + e.getCause().getMessage());
            System.exit(1);
        }
    }
}
