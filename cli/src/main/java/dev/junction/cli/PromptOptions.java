package dev.junction.cli;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.Part;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code chat}, {@code image} and {@code compare} share: the model, the system
 * instruction, the attachments and the prompt, which together make the user's turn. The provider
 * is not here: see {@link ProviderOption}.
 */
final class PromptOptions {

    /** One attachment argument and the option it came with, kept in command-line order. */
    private record Attachment(String option, String value) {
    }

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "The model, canonical id or vendor name; overrides the one in SPEC.")
    String model;

    @Option(names = "--system", paramLabel = "TEXT", description = "A system instruction sent before the prompt.")
    String system;

    @Parameters(arity = "1..*", paramLabel = "PROMPT", description = "The prompt; several words are joined with spaces.")
    List<String> prompt;

    private final List<Attachment> attachments = new ArrayList<>();

    @Option(names = "--attach", paramLabel = "PATH_OR_URL",
            description = "Media of any kind (image, video, audio, PDF) to send with the prompt: an http(s) URL the vendor"
                    + " fetches, or a local file. Repeatable; kept in order.")
    void attach(List<String> values) {
        added("--attach", values);
    }

    @Option(names = "--image", paramLabel = "PATH_OR_URL", description = "The same as --attach, under its older name.")
    void image(List<String> values) {
        added("--image", values);
    }

    /**
     * picocli hands a multi-value setter the whole list so far, each time one more value arrives
     * (and an empty list first); so the new value is the last. Two setters instead of one shared
     * field keep the option's own name for error messages and the order across both options.
     */
    private void added(String option, List<String> values) {
        if (values != null && !values.isEmpty()) {
            attachments.add(new Attachment(option, values.get(values.size() - 1)));
        }
    }

    /**
     * A builder holding the model, the system instruction and the user's turn.
     *
     * @throws dev.junction.error.JunctionException INVALID_REQUEST for an attachment that is neither
     *     a valid http(s) URL nor a readable file; nothing has been sent then
     */
    ChatRequest.Builder builder() {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.text(String.join(" ", prompt)));
        for (Attachment attachment : attachments) {
            parts.add(ImageArgument.parse(attachment.option(), attachment.value()));
        }
        ChatRequest.Builder builder = ChatRequest.builder().model(model);
        if (system != null) {
            builder.system(system);
        }
        return builder.user(parts.toArray(Part[]::new));
    }
}
