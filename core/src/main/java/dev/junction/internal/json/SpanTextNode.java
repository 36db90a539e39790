package dev.junction.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A JSON string node whose text stays in the reply body's bytes until something asks for it. The
 * engine puts it in place of a huge string (a generated image's ≈28M-character data URI), then
 * decodes the base64 straight from the bytes ({@link #decodeBase64(int)}), so the string is never
 * built. Everything else behaves as a {@link TextNode}: {@code isTextual()}, {@code asText()},
 * {@code textValue()}, serialization and equality read the text, built once on first use with the
 * engine's Jackson parser, so a dialect that reads the string itself gets exactly what it got before
 * (at the old cost). Holds the body's buffer, so it lives no longer than the reply's tree.
 */
public final class SpanTextNode extends ValueNode {
    private static final long serialVersionUID = 1L;

    private final transient BufferBytes bytes;
    private final int quote;
    private final int close;
    private transient volatile TextNode text;

    /** The string whose quotes are at {@code quote} and {@code close}; {@link JsonStringSpan#close} accepted it. */
    SpanTextNode(BufferBytes bytes, int quote, int close) {
        this.bytes = bytes;
        this.quote = quote;
        this.close = close;
    }

    /** How many bytes the string takes in the body between its quotes: at least its length in characters. */
    public int byteLength() {
        return close - quote - 1;
    }

    /**
     * The first characters of the text, escapes resolved, without building the rest.
     *
     * @param limit at most this many characters
     * @return the whole text when it is shorter than {@code limit}
     */
    public String head(int limit) {
        StringBuilder head = new StringBuilder(Math.min(limit, byteLength()));
        JsonStringSpan chars = new JsonStringSpan(new BufferBytes(bytes), quote + 1, close);
        for (int c = chars.next(); c >= 0 && head.length() < limit; c = chars.next()) {
            head.append((char) c);
        }
        return head.toString();
    }

    /**
     * Decodes the text after its first {@code skip} characters as base64, with the rules of
     * {@code Base64.getDecoder().decode} once {@code \r} and {@code \n} are removed.
     *
     * @return the decoded bytes, or {@code null} when that part of the text is not valid base64
     */
    public byte[] decodeBase64(int skip) {
        BufferBytes reader = new BufferBytes(bytes);
        JsonStringSpan chars = new JsonStringSpan(reader, quote + 1, close);
        for (int i = 0; i < skip; i++) {
            if (chars.next() < 0) {
                return new byte[0];
            }
        }
        // Without escapes the JDK's decoder does it block by block; with them (or when it refuses), character by character.
        byte[] plain = JsonStringSpan.decodePlain(reader, chars.position(), close);
        return plain != null ? plain : chars.decodeBase64();
    }

    /** The text as Jackson reads it, built on first use and kept. */
    private TextNode text() {
        TextNode built = text;
        if (built == null) {
            try (JsonParser parser = JsonMappers.LENIENT.getFactory().createParser(bytes.stream(quote, close + 1))) {
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    throw new IllegalStateException("the span at " + quote + " is not a JSON string");
                }
                built = new TextNode(parser.getText());
            } catch (IOException e) {
                throw new UncheckedIOException("could not re-read a string the reply's parser already accepted", e);
            }
            text = built;
        }
        return built;
    }

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.STRING;
    }

    @Override
    public JsonToken asToken() {
        return JsonToken.VALUE_STRING;
    }

    @Override
    public String textValue() {
        return text().textValue();
    }

    @Override
    public String asText() {
        return text().asText();
    }

    @Override
    public String asText(String defaultValue) {
        return text().asText(defaultValue);
    }

    @Override
    public boolean asBoolean(boolean defaultValue) {
        return text().asBoolean(defaultValue);
    }

    @Override
    public int asInt(int defaultValue) {
        return text().asInt(defaultValue);
    }

    @Override
    public long asLong(long defaultValue) {
        return text().asLong(defaultValue);
    }

    @Override
    public double asDouble(double defaultValue) {
        return text().asDouble(defaultValue);
    }

    @Override
    public byte[] binaryValue() throws IOException {
        return text().binaryValue();
    }

    @Override
    public void serialize(JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeString(text().textValue());
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (other instanceof SpanTextNode span) {
            return text().equals(span.text());
        }
        return other instanceof TextNode node && text().equals(node);
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }
}
