package dev.junction.cli;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @Parameters(arity = "0..*", paramLabel = "PROMPT",
            description = "The prompt; several words are joined with spaces. Required unless --prompt-file is given.")
    List<String> prompt = new ArrayList<>();

    @Option(names = "--prompt-file", paramLabel = "FILE",
            description = "Read (more of) the prompt from FILE as UTF-8 text, - for standard input; it follows the PROMPT"
                    + " words, after a blank line. At most 16 MiB.")
    String promptFile;

    /** The command this mixin is part of, to report a missing PROMPT the way picocli does. */
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

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
     * @param context where {@code --prompt-file -} reads from
     * @throws ParameterException when neither PROMPT nor --prompt-file is given (picocli's usage error, exit 2)
     * @throws JunctionException INVALID_REQUEST for an empty prompt without attachments, a prompt file
     *     that cannot be read, or an attachment that is neither a valid http(s) URL nor a readable
     *     file; nothing has been sent then
     */
    ChatRequest.Builder builder(CliContext context) {
        String text = text(context);
        List<Part> parts = new ArrayList<>();
        if (!text.isBlank()) {
            parts.add(Part.text(text));
        } else if (attachments.isEmpty()) {
            throw JunctionException.builder(ErrorKind.INVALID_REQUEST, "the prompt is empty")
                    .hint("give the prompt as words after the options, with --prompt-file FILE, or attach media with --attach")
                    .build();
        }
        // A blank prompt next to attachments is left out: the media is the question, and an empty text part is noise to vendors.
        for (Attachment attachment : attachments) {
            parts.add(ImageArgument.parse(attachment.option(), attachment.value()));
        }
        ChatRequest.Builder builder = ChatRequest.builder().model(model);
        if (system != null) {
            builder.system(system);
        }
        return builder.user(parts.toArray(Part[]::new));
    }

    /** The PROMPT words, then the prompt file's text after a blank line; either may be absent, not both. */
    private String text(CliContext context) {
        if (prompt.isEmpty() && promptFile == null) {
            // The message picocli gives for a missing required parameter, which PROMPT was until --prompt-file.
            throw new ParameterException(command.commandLine(), "Missing required parameter: 'PROMPT'"
                    + " (or --prompt-file FILE)");
        }
        String words = String.join(" ", prompt);
        if (promptFile == null) {
            return words;
        }
        String file = PromptFile.read(promptFile, context.in());
        return words.isEmpty() ? file : words + "\n\n" + file;
    }
}
