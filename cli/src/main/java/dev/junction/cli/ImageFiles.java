package dev.junction.cli;

import dev.junction.chat.ChatResponse;
import dev.junction.chat.GeneratedImage;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes generated images to files for {@code chat --save-images} and {@code image -o}. Folders
 * are created before the call is made, so a path that cannot be written fails before any money is
 * spent. Failures are INVALID_REQUEST (exit 2) naming the option and the path.
 */
final class ImageFiles {
    private ImageFiles() {
    }

    /** Creates the folder (and its parents) if needed and returns it. */
    static Path folder(String option, String folder) {
        Path path = path(option, folder);
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw cannotWrite(option, path, e);
        }
    }

    /** Creates the parent folders of a file to be written and returns the file's path. */
    static Path parentsOf(String option, String file) {
        Path path = path(option, file);
        Path parent = path.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw cannotWrite(option, parent, e);
        }
        if (Files.isDirectory(path)) {
            throw JunctionException.builder(ErrorKind.INVALID_REQUEST, option + " " + file + ": is a folder")
                    .hint("give a file name such as " + path.resolve("image.png")).build();
        }
        return path;
    }

    /** Writes every image of the reply into the folder with the library's naming ({@link ChatResponse#saveImages}). */
    static List<Path> saveAll(String option, Path folder, ChatResponse response) {
        try {
            return response.saveImages(folder);
        } catch (IOException e) {
            throw cannotWrite(option, folder, e);
        }
    }

    /** Writes one image to the file, replacing it. */
    static Path save(String option, Path file, GeneratedImage image) {
        try {
            return image.saveTo(file);
        } catch (IOException e) {
            throw cannotWrite(option, file, e);
        }
    }

    private static Path path(String option, String argument) {
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            throw JunctionException.builder(ErrorKind.INVALID_REQUEST,
                    option + " '" + argument + "' is not a valid path: " + e.getReason()).build();
        }
    }

    private static JunctionException cannotWrite(String option, Path path, IOException e) {
        return JunctionException.builder(ErrorKind.INVALID_REQUEST,
                        option + ": cannot write " + path + " (" + e.getClass().getSimpleName() + ")")
                .hint("check that the folder exists or can be created, and that you may write there").build();
    }
}
