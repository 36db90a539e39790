package dev.junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ResponseFormat;
import dev.junction.chat.Tool;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the JSON files of {@code --tool} and {@code --schema} into request parts. Every failure is
 * an INVALID_REQUEST naming the option and the file, raised before anything is sent.
 */
final class JsonFiles {
    private static final int MAX_NAME = 64;

    private JsonFiles() {
    }

    /**
     * A function tool from a file holding {@code {"name","description","parameters"}}; the OpenAI
     * wrapper {@code {"type":"function","function":{…}}} is accepted too, so a definition copied
     * from a request body works as is.
     */
    static Tool tool(String file) {
        ObjectNode json = object("--tool", file);
        if (json.get("function") instanceof ObjectNode inner && "function".equals(json.path("type").asText(null))) {
            json = inner;
        }
        JsonNode name = json.get("name");
        if (name == null || !name.isTextual()) {
            throw invalid("--tool " + file + ": the function has no \"name\" string",
                    "write {\"name\":\"get_weather\",\"description\":\"…\",\"parameters\":{\"type\":\"object\",…}}");
        }
        JsonNode description = json.get("description");
        if (description != null && !description.isNull() && !description.isTextual()) {
            throw invalid("--tool " + file + ": \"description\" must be a string", "describe the function in words");
        }
        JsonNode parameters = json.get("parameters");
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            throw invalid("--tool " + file + ": \"parameters\" must be a JSON Schema object",
                    "write \"parameters\":{\"type\":\"object\",\"properties\":{…}}");
        }
        try {
            return Tool.function(name.asText(),
                    description == null || description.isNull() ? null : description.asText(),
                    parameters == null || parameters.isNull() ? null : CliJson.text(parameters));
        } catch (IllegalArgumentException e) {
            throw invalid("--tool " + file + ": " + e.getMessage(), "rename the function, such as get_weather");
        }
    }

    /** A strict JSON-schema response format named after the file (see {@link #schemaName}). */
    static ResponseFormat schema(String file) {
        ObjectNode json = object("--schema", file);
        return ResponseFormat.jsonSchema(schemaName(file), true, CliJson.text(json));
    }

    /**
     * The schema's name: the file name without its last extension, every character other than
     * {@code A-Z a-z 0-9 _ -} replaced by {@code _}, cut to 64 characters; {@code schema} when
     * nothing is left. So {@code scientists.schema.json} becomes {@code scientists_schema}.
     */
    static String schemaName(String file) {
        // String work, not Path.of: under a non-UTF-8 locale a CJK file name is not a valid Path.
        String trimmed = file.replaceAll("[/\\\\]+$", "");
        String base = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String name = base.replaceAll("[^A-Za-z0-9_-]", "_");
        name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        return name.isEmpty() ? "schema" : name;
    }

    /** The file's content as a JSON object. */
    private static ObjectNode object(String option, String file) {
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (InvalidPathException e) {
            throw invalid(option + " " + file + ": not a valid file path: " + e.getReason(), "give an existing JSON file");
        } catch (NoSuchFileException e) {
            throw invalid(option + " " + file + ": no such file", "give an existing JSON file");
        } catch (MalformedInputException e) {
            throw invalid(option + " " + file + ": the file is not UTF-8 text", "save it as UTF-8 JSON");
        } catch (IOException e) {
            throw invalid(option + " " + file + ": the file cannot be read (" + e.getClass().getSimpleName() + ")",
                    "give an existing, readable JSON file");
        }
        return CliJson.parseObject(text).orElseThrow(() -> invalid(option + " " + file + ": not a JSON object",
                "the file must hold exactly one JSON object {…}; check it with 'jq . " + file + "'"));
    }

    private static JunctionException invalid(String message, String hint) {
        return JunctionException.builder(ErrorKind.INVALID_REQUEST, message).hint(hint).build();
    }
}
