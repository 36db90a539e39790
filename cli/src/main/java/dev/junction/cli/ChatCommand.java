package dev.junction.cli;

import dev.junction.Junction;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.Part;
import dev.junction.chat.ReasoningEffort;
import dev.junction.chat.ReasoningSettings;
import dev.junction.error.JunctionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code junction chat}: sends one prompt to the provider a config string names and prints the answer. */
@Command(name = "chat",
        mixinStandardHelpOptions = true,
        description = {"Sends one prompt and prints the answer on stdout; warnings and a usage/cost line go to stderr."},
        footer = {"", "Example:",
                "  junction chat -p acedata:gemini-2.5-pro \"What model are you?\"",
                "  junction chat --stream -p aivideoapi:gemini-2.5-pro \"用简单的语言解释量子计算\"",
                "  junction chat --stream --json -p acedata:gemini-2.5-pro \"Hello\" | jq -c 'select(.type==\"text\")'",
                "  junction chat --json -p aivideoapi:gemini-3-pro --image beach.png \"描述这张图片\""})
public final class ChatCommand implements Callable<Integer> {

    @ParentCommand
    private JunctionCommand parent;

    @Option(names = {"-p", "--provider"}, required = true, paramLabel = "SPEC",
            description = "Config string: id[:model][?apiKey=…&baseUrl=…&timeout=30s&maxRetries=2],"
                    + " such as acedata:gemini-2.5-pro. The key may also come from <ID>_API_KEY.")
    private String providerSpec;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "The model, canonical id or vendor name; overrides the one in SPEC.")
    private String model;

    @Option(names = "--system", paramLabel = "TEXT", description = "A system instruction sent before the prompt.")
    private String system;

    @Option(names = "--image", paramLabel = "PATH_OR_URL",
            description = "An image (or other media) to attach: an http(s) URL the vendor fetches, or a local file. Repeatable.")
    private List<String> images = new ArrayList<>();

    @Option(names = "--reasoning", paramLabel = "EFFORT",
            description = "Reasoning effort: ${COMPLETION-CANDIDATES} (case-insensitive). Ignored with a warning where the vendor has no such control.")
    private ReasoningEffort reasoning;

    @Option(names = "--json", description = "Print one JSON object (the answer, or {\"error\":…}) on stdout instead of the text.")
    private boolean json;

    @Option(names = "--stream", description = {
        "Print the answer as it arrives. Reasoning goes to stderr, dimmed when there is a console and NO_COLOR is unset.",
        "With --json: one JSON object per line (NDJSON), each with a \"type\": start, text, reasoning, image,"
                + " toolCallDelta, toolCall, usage, warning, finish or error; ignore types you do not know."})
    private boolean stream;

    @Parameters(arity = "1..*", paramLabel = "PROMPT", description = "The prompt; several words are joined with spaces.")
    private List<String> prompt;

    @Override
    public Integer call() {
        CliContext context = parent.context();
        try {
            ChatRequest request = request();
            if (stream) {
                return stream(request, context);
            }
            ChatResponse response;
            try (Junction junction = context.junction()) {
                ChatModel chatModel = junction.chatModel(providerSpec);
                response = chatModel.chatBlocking(request);
            }
            print(response, context);
            return 0;
        } catch (JunctionException e) {
            return stream && json ? StreamNdjson.error(e, context) : ErrorReport.print(e, json, context);
        }
    }

    /** Streams the reply; Junction stays open until the stream ends, since its Vert.x carries the stream. */
    private int stream(ChatRequest request, CliContext context) {
        try (Junction junction = context.junction()) {
            ChatModel chatModel = junction.chatModel(providerSpec);
            StreamRun.Output output = json ? new StreamNdjson(context) : new StreamPrinter(context);
            return StreamRun.await(chatModel.stream(request), output);
        }
    }

    /** Builds the request; bad --image arguments fail here, before any provider is contacted. */
    private ChatRequest request() {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.text(String.join(" ", prompt)));
        for (String image : images) {
            parts.add(ImageArgument.parse(image));
        }
        ChatRequest.Builder builder = ChatRequest.builder().model(model);
        if (system != null) {
            builder.system(system);
        }
        builder.user(parts.toArray(Part[]::new));
        if (reasoning != null) {
            builder.reasoning(ReasoningSettings.effort(reasoning));
        }
        return builder.build();
    }

    private void print(ChatResponse response, CliContext context) {
        if (json) {
            CliJson.print(context.out(), ChatJson.of(response));
        } else {
            context.out().println(response.text());
        }
        for (String warning : response.warnings()) {
            context.err().println("warning: " + warning);
        }
        if (!json && !response.images().isEmpty()) {
            context.err().println("note: the answer holds " + response.images().size()
                    + " generated image(s), which this command does not save; --json describes them");
        }
        context.err().println(UsageLine.of(response));
    }
}
