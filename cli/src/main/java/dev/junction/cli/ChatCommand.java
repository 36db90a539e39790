package dev.junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.chat.ToolCall;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.quote.Quote;
import dev.junction.quote.QuoteOptions;
import dev.junction.quote.Quotes;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code junction chat}: sends one prompt to the provider a config string names and prints the answer. */
@Command(name = "chat",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Sends one prompt and prints the answer on stdout, then one 'tool call: NAME(ARGUMENTS)' line per"
                + " tool call; warnings and a usage/cost line go to stderr.",
                "The usage line also shows the cost a quote expected before sending (see 'junction compare')."},
        footer = {"", "Example:",
                "  junction chat -p acedata:gemini-2.5-pro \"What model are you?\"",
                "  junction chat --stream -p aivideoapi:gemini-2.5-pro \"用简单的语言解释量子计算\"",
                "  junction chat --stream --json -p acedata:gemini-2.5-pro \"Hello\" | jq -c 'select(.type==\"text\")'",
                "  junction chat --json -p aivideoapi:gemini-3-pro --attach beach.png \"描述这张图片\"",
                "  junction chat --json -p aivideoapi:gemini-3-pro --tool weather.json --tool-choice required \"东京天气?\"",
                "  junction chat --json -p aivideoapi:gemini-3-pro --schema scientists.json \"列出三位物理学家\" | jq .json",
                "  junction chat -p yisu:gemini-3-pro-image-preview --save-images out/ \"画一只猫\"",
                "  junction chat -p acedata:gemini-2.5-pro -p aivideoapi:gemini-2.5-pro \"你好\"   (falls back in order)",
                "  junction chat --route cheapest --max-price 0.01 --model gemini-2.5-pro \"你好\""})
public final class ChatCommand extends JunctionSubcommand {

    @Mixin
    private ChatProviders providers;

    @Mixin
    private PromptOptions prompt;

    @Option(names = "--reasoning", paramLabel = "EFFORT",
            description = "Reasoning effort: ${COMPLETION-CANDIDATES} (case-insensitive). Ignored with a warning where the vendor has no such control.")
    private ReasoningEffort reasoning;

    @Mixin
    private ToolOptions tools;

    @Option(names = "--save-images", paramLabel = "DIR",
            description = "Write every generated image to DIR (created if needed) as image-1.jpg, image-2.png…, each path"
                    + " printed on stderr. Not with --stream.")
    private String saveImages;

    @Mixin
    private PricesOption prices;

    @Mixin
    private JsonOption json;

    @Option(names = "--stream", description = {
        "Print the answer as it arrives. Reasoning goes to stderr, dimmed when there is a console and NO_COLOR is unset.",
        "With --json: one JSON object per line (NDJSON), each with a \"type\": start, quote, text, reasoning, image,"
                + " toolCallDelta, toolCall, usage, warning, finish or error; ignore types you do not know."})
    private boolean stream;

    @Mixin
    private VerboseOption verbose;

    /** What a call without --stream brought back: the answer, and the quote made before it (or null). */
    private record Answer(ChatResponse response, Quote quote) {
    }

    @Override
    int run(CliContext context) {
        ChatRequest request = request(context);
        if (stream) {
            return withJunction(context, junction -> stream(junction, request, context));
        }
        Path imageFolder = saveImages == null ? null : ImageFiles.folder("--save-images", saveImages);
        Answer answer = withJunction(context, junction -> {
            ChatModel chatModel = providers.chatModel(junction, prompt.model);
            if (providers.choosesPerCall()) {
                // A route or a fallback picks per call; the quote shown is the one of the provider that answered.
                ChatResponse response = chatModel.chatBlocking(request);
                return new Answer(response, quote(junction, response.provider(), chatModel.model(), request, context));
            }
            Quote quote = quote(junction, chatModel.provider(), chatModel.model(), request, context);
            return new Answer(chatModel.chatBlocking(request), quote);
        });
        return print(answer.response(), imageFolder, answer.quote(), context);
    }

    /** With --stream --json every error is an NDJSON line, even one before the stream began. */
    @Override
    int failed(JunctionException error, CliContext context) {
        return stream && json.enabled ? StreamNdjson.error(error, context) : super.failed(error, context);
    }

    @Override
    boolean json() {
        return json.enabled;
    }

    @Override
    PricesOption prices() {
        return prices;
    }

    @Override
    boolean verbose() {
        return verbose.enabled;
    }

    /** Streams the reply; it runs inside {@link #withJunction}, whose Vert.x carries the stream until it ends. */
    private int stream(Junction junction, ChatRequest request, CliContext context) {
        ChatModel chatModel = providers.chatModel(junction, prompt.model);
        Quote quote = providers.choosesPerCall() ? null : quote(junction, chatModel.provider(), chatModel.model(), request, context);
        StreamRun.Output output = json.enabled ? new StreamNdjson(context, quote) : new StreamPrinter(context, UsageLine.quoted(quote));
        return StreamRun.await(chatModel.stream(request), output);
    }

    /**
     * What the quote engine expected this call to cost at this provider, or {@code null} when no
     * quote could be made. A quote is only a comparison and must never stop the chat: an expected
     * refusal (a model no catalog knows) just leaves it out; anything else is a bug, reported as a
     * warning on stderr before the chat goes on.
     */
    private static Quote quote(Junction junction, String provider, String model, ChatRequest request, CliContext context) {
        try {
            ChatRequest priced = request.model() != null ? request : request.withModel(model);
            Quotes quotes = junction.quote(priced, QuoteOptions.defaults().withProviders(Set.of(provider)));
            return quotes.quotes().stream()
                    .filter(q -> q.provider().equals(provider))
                    .findFirst().orElse(null);
        } catch (JunctionException expected) {
            return null;
        } catch (RuntimeException bug) {
            context.err().println("warning: could not quote this request (" + bug.getClass().getSimpleName()
                    + "); please report it. Sending anyway.");
            return null;
        }
    }

    /** Builds the request; bad arguments and files fail here, before any provider is contacted. */
    private ChatRequest request(CliContext context) {
        if (stream && saveImages != null) {
            throw JunctionException.builder(ErrorKind.INVALID_REQUEST, "--save-images does not work with --stream yet")
                    .hint("drop --stream to save the images").build();
        }
        ChatRequest.Builder builder = prompt.builder(context);
        if (reasoning != null) {
            builder.reasoning(ReasoningSettings.effort(reasoning));
        }
        tools.applyTo(builder);
        return builder.build();
    }

    /** Prints the answer, then saves images; a --schema answer that is no JSON fails after the usage line. */
    private int print(ChatResponse response, Path imageFolder, Quote quote, CliContext context) {
        JunctionException notJson = null;
        ObjectNode document = json.enabled ? ChatJson.of(response) : null;
        if (document != null) {
            if (quote == null) {
                document.putNull("quote");
            } else {
                document.set("quote", QuoteJson.chatQuote(quote));
            }
        }
        if (tools.hasSchema()) {
            try {
                JsonNode parsed = StructuredAnswer.of(response);
                if (document != null) {
                    document.set("json", parsed);
                }
            } catch (JunctionException e) {
                notJson = e;
            }
        }
        if (document != null && notJson == null) {
            CliJson.print(context.out(), document);
        } else if (!json.enabled) {
            printText(response, context);
        }
        for (String warning : response.warnings()) {
            context.err().println("warning: " + warning);
        }
        if (imageFolder != null) {
            ImageFiles.saveAll("--save-images", imageFolder, response)
                    .forEach(path -> context.err().println("saved " + path));
        } else if (!json.enabled && !response.images().isEmpty()) {
            context.err().println("note: the answer holds " + response.images().size()
                    + " generated image(s); --save-images DIR writes them to files");
        }
        context.err().println(UsageLine.of(response) + UsageLine.quoted(quote));
        if (notJson != null) {
            throw notJson;
        }
        return 0;
    }

    /** The text, unless it is empty and there are tool calls, then one line per tool call. */
    private static void printText(ChatResponse response, CliContext context) {
        if (!response.text().isEmpty() || response.toolCalls().isEmpty()) {
            context.out().println(response.text());
        }
        for (ToolCall call : response.toolCalls()) {
            context.out().println("tool call: " + call.name() + "(" + call.argumentsJson() + ")");
        }
    }
}
