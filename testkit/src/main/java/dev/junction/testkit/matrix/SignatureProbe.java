package dev.junction.testkit.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.catalog.ModelInfo;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.VendorProfile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Whether a dialect carries Gemini thought signatures on tool calls, found by calling its hooks. */
final class SignatureProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNATURE = "probe-signature";
    private static final String GOOGLE_SHAPE = "{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"},"
            + "\"extra_content\":{\"google\":{\"thought_signature\":\"" + SIGNATURE + "\"}}}";

    private final Dialect dialect;
    private final VendorProfile profile;

    SignatureProbe(Dialect dialect, VendorProfile profile) {
        this.dialect = dialect;
        this.profile = profile;
    }

    /** A short cell: read and written back, or not. */
    String summary() {
        if (profile.models().models().stream().noneMatch(m -> m.can(dev.junction.catalog.Capability.TOOLS))) {
            return "— (no tool calls)";
        }
        boolean reads = SIGNATURE.equals(dialect.readThoughtSignature(parse(GOOGLE_SHAPE)));
        String written = written();
        if (!reads && written.isEmpty()) {
            return "—";
        }
        return (reads ? "read" : "not read") + " / " + (written.isEmpty() ? "not sent back" : "sent back")
                + (dummyModels().isEmpty() ? "" : "; dummy for " + String.join(", ", dummyModels()));
    }

    /** The wire shape written back on a tool call, and where the dummy applies. */
    String details() {
        boolean reads = SIGNATURE.equals(dialect.readThoughtSignature(parse(GOOGLE_SHAPE)));
        String written = written();
        StringBuilder out = new StringBuilder();
        out.append(reads ? "read from `tool_calls[i].extra_content.google.thought_signature`" : "not read from `extra_content.google`");
        out.append("; sent back as ").append(written.isEmpty() ? "—" : "`" + written + "`");
        List<String> dummies = new ArrayList<>();
        for (ModelInfo model : profile.models().models()) {
            String dummy = profile.thoughtSignatureWhenMissing(model.id());
            if (dummy != null) {
                dummies.add(model.id() + ": `" + dummy + "`");
            }
        }
        out.append("; dummy when missing: ").append(dummies.isEmpty() ? "—" : String.join(", ", dummies));
        return out.toString();
    }

    private List<String> dummyModels() {
        List<String> ids = new ArrayList<>();
        for (ModelInfo model : profile.models().models()) {
            if (profile.thoughtSignatureWhenMissing(model.id()) != null) {
                ids.add(model.id());
            }
        }
        return ids;
    }

    /** The fields the dialect writes into a tool-call object for a signature, or empty. */
    private String written() {
        StringWriter out = new StringWriter();
        try (var g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            dialect.writeThoughtSignature(g, SIGNATURE);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String json = out.toString();
        return json.equals("{}") ? "" : json.replace(SIGNATURE, "…");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
