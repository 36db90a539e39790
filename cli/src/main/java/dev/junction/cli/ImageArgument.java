package dev.junction.cli;

import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns one {@code --attach} (or {@code --image}) argument into a media part of any kind: http(s)
 * URLs by reference, anything else as a local file.
 */
final class ImageArgument {
    private ImageArgument() {
    }

    /**
     * Parses the argument.
     *
     * @param option the option it came with, such as {@code --attach}, for the error messages
     * @throws JunctionException INVALID_REQUEST for a malformed URL or a file that does not exist or cannot be read
     */
    static Part parse(String option, String argument) {
        String lower = argument.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                URI uri = new URI(argument);
                if (uri.getHost() == null) {
                    throw invalid(option + " '" + argument + "' is a URL without a host", "write it as https://host/path/image.png");
                }
                return Part.url(uri);
            } catch (URISyntaxException e) {
                throw invalid(option + " '" + argument + "' is not a valid URL: " + e.getReason(),
                        "percent-encode spaces and special characters in the URL");
            }
        }
        Path path;
        try {
            path = Path.of(argument);
        } catch (InvalidPathException e) {
            throw invalid(option + " '" + argument + "' is not a valid file path: " + e.getReason(),
                    "give an existing file or an http(s) URL");
        }
        if (!Files.exists(path)) {
            throw invalid(option + " " + argument + ": no such file", "give an existing file or an http(s) URL");
        }
        if (!Files.isRegularFile(path)) {
            throw invalid(option + " " + argument + ": not a regular file", "give a file, not a directory");
        }
        if (!Files.isReadable(path)) {
            throw invalid(option + " " + argument + ": the file cannot be read", "check the file's permissions");
        }
        return Part.file(path);
    }

    private static JunctionException invalid(String message, String hint) {
        return JunctionException.builder(ErrorKind.INVALID_REQUEST, message).hint(hint).build();
    }
}
