package dev.junction.cli;

import dev.junction.chat.ChatRequest;
import dev.junction.chat.Tool;
import dev.junction.chat.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code chat}'s options for tools and structured output. They only fill the request: whether the
 * model and vendor allow them (capabilities, and rules such as aivideoapi's "no tools with a
 * response format") is checked by core before anything is sent.
 */
final class ToolOptions {

    @Option(names = "--tool", paramLabel = "FILE",
            description = "A JSON file with one function definition {\"name\",\"description\",\"parameters\"} the model may"
                    + " call. Repeatable. The calls are printed as 'tool call: NAME(ARGUMENTS)', or in \"toolCalls\" with --json.")
    List<String> toolFiles = new ArrayList<>();

    @Option(names = "--tool-choice", paramLabel = "CHOICE",
            description = "auto, none, required, or the NAME of the function the model must call.")
    String toolChoice;

    @Option(names = "--search", description = "Let the model search the web (Google Search grounding).")
    boolean search;

    @Option(names = "--schema", paramLabel = "FILE",
            description = {"A JSON Schema file the answer must follow (strict). The schema is named after the file:"
                    + " its name without the last extension, other characters than A-Z a-z 0-9 _ - turned into _"
                    + " (scientists.schema.json is sent as scientists_schema).",
                "Without --stream an answer that is not JSON fails with PROTOCOL (exit 1); with --json the parsed"
                    + " answer is in \"json\"."})
    String schemaFile;

    /** Whether the answer must be JSON following a schema. */
    boolean hasSchema() {
        return schemaFile != null;
    }

    /**
     * Adds the tools, the tool choice and the response format to the request.
     *
     * @throws dev.junction.error.JunctionException INVALID_REQUEST for a file that cannot be read or holds no valid definition
     */
    void applyTo(ChatRequest.Builder builder) {
        for (String file : toolFiles) {
            builder.tool(JsonFiles.tool(file));
        }
        if (search) {
            builder.tool(Tool.webSearch());
        }
        if (toolChoice != null) {
            builder.toolChoice(choice(toolChoice));
        }
        if (schemaFile != null) {
            builder.responseFormat(JsonFiles.schema(schemaFile));
        }
    }

    /** The three keywords are matched exactly, lower case; anything else names a function. */
    static ToolChoice choice(String argument) {
        return switch (argument) {
            case "auto" -> ToolChoice.AUTO;
            case "none" -> ToolChoice.NONE;
            case "required" -> ToolChoice.REQUIRED;
            default -> ToolChoice.function(argument);
        };
    }
}
