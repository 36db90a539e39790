package dev.junction.cli;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads {@code --prompt-file FILE} ({@code -} for standard input) as UTF-8 text, for prompts too
 * long or too awkward to quote on a command line.
 */
final class PromptFile {
    /**
     * Far above any model's context window (16 MiB is some four million tokens), yet small enough
     * that {@code --prompt-file /dev/zero} or a mistaken video fails fast instead of filling memory.
     */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private PromptFile() {
    }

    /**
     * The file's text, a leading byte order mark dropped.
     *
     * @param stdin where {@code -} reads from
     * @throws JunctionException INVALID_REQUEST naming the file when it cannot be read, is larger
     *     than {@link #MAX_BYTES} or is not UTF-8 text
     */
    static String read(String name, InputStream stdin) {
        byte[] bytes;
        if (name.equals("-")) {
            bytes = capped(name, stdin);
        } else {
            Path path = path(name);
            if (Files.isDirectory(path)) {
                throw problem(name, "is a directory", "give a text file, or - to read standard input");
            }
            // Read through a stream, not Files.size(): a pipe or a device reports no useful size.
            try (InputStream in = Files.newInputStream(path)) {
                bytes = capped(name, in);
            } catch (NoSuchFileException e) {
                throw problem(name, "does not exist", "check the path, or give - to read standard input");
            } catch (AccessDeniedException e) {
                throw problem(name, "cannot be read: permission denied", "check the file's permissions");
            } catch (IOException e) {
                throw problem(name, "cannot be read (" + describe(e) + ")", "check the path and its permissions");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw problem(name, "is not UTF-8 text", "convert it, such as with iconv -t UTF-8, or attach binary media with --attach");
        }
    }

    private static Path path(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw problem(name, "is not a valid file path: " + e.getReason(), "give the path of a text file, or - for standard input");
        }
    }

    /** At most {@link #MAX_BYTES}; one byte more proves the input too large without reading all of it. */
    private static byte[] capped(String name, InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw problem(name, "cannot be read (" + describe(e) + ")", "check the path and its permissions");
        }
        if (bytes.length > MAX_BYTES) {
            throw problem(name, "is larger than " + MAX_BYTES / (1024 * 1024) + " MiB",
                    "give a shorter text; media such as a PDF or a video goes with --attach instead");
        }
        return bytes;
    }

    private static String describe(IOException e) {
        // File system exceptions often carry only the path as their message; the class says what went wrong.
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    private static JunctionException problem(String name, String what, String hint) {
        String which = name.equals("-") ? "--prompt-file - (standard input)" : "--prompt-file " + name;
        return JunctionException.builder(ErrorKind.INVALID_REQUEST, which + " " + what).hint(hint).build();
    }
}
