package dev.junction.gateway.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A dotenv file: {@code KEY=VALUE} lines, blank lines and {@code #} comments, an optional
 * {@code export } before the name, and a value optionally in single or double quotes. Problems name
 * the file and the line number, never a line's content: it holds secrets.
 */
final class SecretsFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SecretsFile() {
    }

    /**
     * The file's variables, in order; the last of a repeated name wins.
     *
     * @throws ConfigException (field {@code secrets_file}) when the file is missing, unreadable or malformed
     */
    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw problem(file + " does not exist: create it or fix the path");
        } catch (MalformedInputException e) {
            throw problem(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw problem(file + " cannot be read (" + e.getClass().getSimpleName() + "): check it exists and its permissions");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<ConfigException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? "" : line.substring(0, eq).strip();
            if (eq < 0 || !NAME.matcher(name).matches()) {
                problems.add(new ConfigException.Problem("secrets_file", file + " line " + (i + 1)
                        + " is not NAME=VALUE (NAME: letters, digits and _)"));
                continue;
            }
            String value = unquote(line.substring(eq + 1).strip());
            if (value == null) {
                problems.add(new ConfigException.Problem("secrets_file", file + " line " + (i + 1)
                        + " opens a quote it does not close"));
                continue;
            }
            values.put(name, value);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(null, problems);
        }
        return Collections.unmodifiableMap(values);
    }

    /** The value without its surrounding quotes or trailing comment; {@code null} for an unclosed quote. */
    private static String unquote(String value) {
        if (value.startsWith("\"") || value.startsWith("'")) {
            char quote = value.charAt(0);
            int end = value.indexOf(quote, 1);
            return end < 0 ? null : value.substring(1, end);
        }
        int comment = value.indexOf(" #");
        return comment < 0 ? value : value.substring(0, comment).strip();
    }

    private static ConfigException problem(String message) {
        return new ConfigException("secrets_file", message);
    }
}
