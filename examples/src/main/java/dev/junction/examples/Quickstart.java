package dev.junction.examples;

import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatResponse;
import dev.junction.error.JunctionException;

/**
 * The README's quickstart: one question to one provider, with the answer, the reasoning and the
 * cost. Run with a config string and a prompt, for example
 * {@code Quickstart "acedata:gemini-2.5-pro" "你好"} and {@code ACEDATA_API_KEY} set.
 */
public final class Quickstart {
    private Quickstart() {
    }

    /** Entry point: {@code args[0]} is the config string, the rest the prompt. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: Quickstart CONFIG_STRING PROMPT…   e.g. Quickstart acedata:gemini-2.5-pro 你好");
            System.exit(2);
        }
        String prompt = String.join(" ", java.util.Arrays.copyOfRange(args, 1, args.length));
        try (Junction junction = Junction.create()) {
            ChatModel model = junction.chatModel(args[0]);
            ChatResponse reply = model.chatBlocking(prompt);
            System.out.println(reply.text());
            if (reply.reasoning() != null) {
                System.err.println("reasoning: " + reply.reasoning());
            }
            System.err.println("tokens in/out: " + reply.usage().inputTokens() + "/" + reply.usage().outputTokens()
                    + ", cost: " + (reply.cost() == null ? "unknown" : "$" + reply.cost().usd().toPlainString()));
            reply.warnings().forEach(w -> System.err.println("warning: " + w));
        } catch (JunctionException e) {
            System.err.println("error: " + e.kind() + ": " + e.getMessage());
            e.hint().ifPresent(h -> System.err.println("hint: " + h));
            System.exit(e.kind().isCallersFault() ? 2 : 1);
        }
    }
}
