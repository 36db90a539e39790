package dev.junction.cli;

import dev.junction.Junction;
import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.chat.ChatModel;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.GeneratedImage;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code junction image}: asks an image model for a picture and writes the first one it returns to a file. */
@Command(name = "image",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Sends the prompt (and any attachments, such as an image to edit) and writes the first generated"
                + " image to OUT. Prints 'OUT (N bytes, TYPE) · COST' on stdout, COST from the built-in prices or"
                + " --prices FILE; warnings go to stderr."},
        footer = {"",
                "A model the catalog lists without IMAGE_OUTPUT is refused before sending: UNSUPPORTED_FEATURE, exit 2.",
                "A reply without an image fails with PROTOCOL, exit 1; the message quotes the model's text, which"
                        + " usually says why.",
                "", "Example:",
                "  junction image -p yisu:gemini-3-pro-image-preview -o out/city.jpg \"生成未来城市夜景\"",
                "  junction image -p yisu:gemini-3-pro-image-preview --attach cat.png -o cat-hat.png \"给猫戴上帽子\"",
                "  junction image -p yisu:gemini-3-pro-image-preview --prices my-prices.json -o cat.png \"画一只猫\""})
public final class ImageCommand extends JunctionSubcommand {

    @Mixin
    private ProviderOption provider;

    @Mixin
    private PromptOptions prompt;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "The file to write; its folders are created. An existing file is replaced.")
    private String output;

    @Mixin
    private PricesOption prices;

    @Mixin
    private VerboseOption verbose;

    @Override
    int run(CliContext context) {
        ChatRequest request = prompt.builder(context).build();
        Path out = ImageFiles.parentsOf("--output", output);
        ChatResponse response = withJunction(context, junction -> {
            ChatModel chatModel = junction.chatModel(provider.spec);
            refuseModelsWithoutImages(junction, chatModel);
            return chatModel.chatBlocking(request);
        });
        return write(response, out, context);
    }

    @Override
    boolean verbose() {
        return verbose.enabled;
    }

    @Override
    PricesOption prices() {
        return prices;
    }

    /** A model the catalog knows but lists without IMAGE_OUTPUT would only cost money; unknown models are tried. */
    private void refuseModelsWithoutImages(Junction junction, ChatModel chatModel) {
        String name = prompt.model != null ? prompt.model : chatModel.model();
        if (name == null) {
            return;
        }
        Optional<ModelInfo> model = junction.provider(provider.spec).models().find(name);
        if (model.isPresent() && !model.get().can(Capability.IMAGE_OUTPUT)) {
            throw JunctionException.builder(ErrorKind.UNSUPPORTED_FEATURE,
                            chatModel.provider() + ": " + model.get().id() + " does not generate images")
                    .provider(chatModel.provider())
                    .hint("'junction providers --json' lists each model's capabilities; pick one that has IMAGE_OUTPUT")
                    .build();
        }
    }

    /** Writes the first image; a reply without one fails with PROTOCOL, after its warnings and usage line. */
    private int write(ChatResponse response, Path out, CliContext context) {
        if (response.images().isEmpty()) {
            response.warnings().forEach(warning -> context.err().println("warning: " + warning));
            context.err().println(UsageLine.of(response));
            throw JunctionException.builder(ErrorKind.PROTOCOL, response.provider()
                            + ": the reply had no image; the model answered " + StructuredAnswer.quote(response.text()))
                    .provider(response.provider())
                    .rawReply(response.text())
                    .hint("ask for the picture explicitly, or rephrase a prompt the model may have refused")
                    .build();
        }
        GeneratedImage image = response.images().get(0);
        ImageFiles.save("--output", out, image);
        context.out().println(out + " (" + image.bytes().length + " bytes, " + image.mediaType() + ") · "
                + UsageLine.cost(response.cost()));
        response.warnings().forEach(warning -> context.err().println("warning: " + warning));
        if (response.images().size() > 1) {
            context.err().println("note: the answer holds " + response.images().size()
                    + " images; only the first was written ('chat --save-images DIR' writes them all)");
        }
        return 0;
    }
}
