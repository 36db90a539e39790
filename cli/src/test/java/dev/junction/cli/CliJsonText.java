package dev.junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A document as the command line writes it, so tests read back exactly what users would see. */
final class CliJsonText {
    private CliJsonText() {
    }

    static String of(JsonNode document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            CliJson.print(out, document);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
