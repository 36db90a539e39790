package dev.junction.internal.prices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.junction.cost.Price;
import dev.junction.error.JunctionException;
import dev.junction.internal.json.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** Loads a user's price file. */
public final class PriceFiles {
    /** A price file is a few kilobytes; anything this large is the wrong file. */
    static final long MAX_BYTES = 4L * 1024 * 1024;
    /** Exact decimals even for prices written as JSON numbers, and nothing after the document. */
    private static final ObjectReader READER = JsonMappers.LENIENT.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PriceFiles() {
    }

    /**
     * Reads a user's price file, {@code {"prices":[…]}}. A row without {@code source} gets
     * "price file PATH" as its source, so every figure stays traceable.
     *
     * @param how how the file was named, for messages, such as {@code JUNCTION_PRICES}
     * @throws JunctionException CONFIGURATION naming the file (and the entry and field) for a
     *     missing or unreadable file, invalid JSON or an invalid row
     */
    public static List<Price> read(Path file, String how, PriceRows.Names names) {
        String origin = "price file " + file + " (" + how + ")";
        byte[] bytes;
        if (Files.isDirectory(file)) {
            throw JunctionException.configuration(null, origin + " is a directory, not a price file",
                    "point " + how + " at the JSON file itself, {\"prices\":[…]}");
        }
        // Read through a cap rather than trusting Files.size: pipes and devices (/dev/zero) report 0.
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw JunctionException.configuration(null, origin + " does not exist",
                    "check the path given to " + how + ", or create the file: {\"prices\":[…]}");
        } catch (IOException e) {
            throw JunctionException.configuration(null, origin + " could not be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), "check that the file exists and is readable");
        }
        if (bytes.length > MAX_BYTES) {
            throw JunctionException.configuration(null, origin + " is larger than " + MAX_BYTES / 1024 / 1024
                    + " MiB", "point " + how + " at the price file, {\"prices\":[…]}");
        }
        JsonNode root;
        try {
            root = READER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw JunctionException.configuration(null, origin + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")",
                    "the file must hold one JSON object, {\"prices\":[…]}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return document(root, new PriceRows(origin, null, "price file " + file, names));
    }

    private static List<Price> document(JsonNode root, PriceRows rows) {
        if (root == null || !root.isObject()) {
            throw rows.problem("the document", "must be a JSON object, {\"prices\":[…]}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("prices")) {
                throw rows.problem("the document", "unknown field \"" + field + "\"; the only field is \"prices\"");
            }
        }
        if (!root.has("prices")) {
            throw rows.problem("the document", "has no \"prices\" array");
        }
        return rows.read(root.get("prices"));
    }
}
