package dev.junction.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dev/junction/gateway/config.schema.json}, the schema editors check the file against, run
 * at load time too, so a rule the schema states and the reader forgot still stops the file.
 */
final class SchemaCheck {
    /** Where the schema is, in this module. */
    static final String RESOURCE = "/dev/junction/gateway/config.schema.json";

    private static final class Holder {
        static final Schema SCHEMA = load();
    }

    private SchemaCheck() {
    }

    private static Schema load() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the gateway's jar");
            }
            JsonNode node = new ObjectMapper().readTree(in);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The schema's complaints, each at a field path in the reader's form ({@code keys[1].hash}). A
     * message quoting the field's value has it replaced by {@code …}, since it may be a secret.
     */
    static List<ConfigException.Problem> check(JsonNode tree) {
        List<ConfigException.Problem> out = new ArrayList<>();
        for (Error error : Holder.SCHEMA.validate(tree)) {
            String path = path(error.getInstanceLocation());
            String property = error.getProperty();
            if (property != null && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
                path = Fields.child(path, property);
            }
            out.add(new ConfigException.Problem(path, scrub(error)));
        }
        return out;
    }

    private static String path(NodePath location) {
        String path = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? Fields.index(path, index) : Fields.child(path, String.valueOf(element));
        }
        return path;
    }

    private static String scrub(Error error) {
        String message = error.getMessage();
        // The location starts the message ("$.keys[0].hash: does not match ..."): the path is given apart.
        int colon = message.indexOf(": ");
        if (message.startsWith("$") && colon > 0) {
            message = message.substring(colon + 2);
        }
        JsonNode value = error.getInstanceNode();
        if (value != null && value.isTextual() && value.asText().length() >= 4) {
            message = message.replace(value.asText(), "…");
        }
        return "does not match the schema: " + message;
    }
}
