package dev.junction.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.ChatRequest;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A request body from a vendor's documents and the canonical request that must produce it.
 * Where Junction's body rightly differs from the doc's example (a documented default sent
 * explicitly or left out, an elided base64 payload completed), {@code docToWire} makes exactly
 * that change and {@code adjustment} says why; everything else must match the doc.
 *
 * @param name what the docs call the example
 * @param request the canonical request, model set
 * @param docFixture the doc's request body, byte for byte
 * @param adjustment why the wire body differs from the doc, or {@code "none"}
 * @param docToWire turns the doc's body into the exact expected wire body
 */
public record DocumentedRequest(
        String name, ChatRequest request, String docFixture, String adjustment, UnaryOperator<ObjectNode> docToWire) {

    /** Checks every field is present and the request names a model. */
    public DocumentedRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(request.model(), "request.model");
        Objects.requireNonNull(docFixture, "docFixture");
        Objects.requireNonNull(adjustment, "adjustment");
        Objects.requireNonNull(docToWire, "docToWire");
    }

    /** A request Junction must send exactly as the doc shows it. */
    public static DocumentedRequest exact(String name, ChatRequest request, String docFixture) {
        return new DocumentedRequest(name, request, docFixture, "none", UnaryOperator.identity());
    }

    /** A request whose wire body differs from the doc's by a stated change. */
    public static DocumentedRequest adjusted(String name, ChatRequest request, String docFixture, String adjustment,
            UnaryOperator<ObjectNode> docToWire) {
        return new DocumentedRequest(name, request, docFixture, adjustment, docToWire);
    }
}
