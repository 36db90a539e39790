package dev.junction.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import java.util.Locale;

/**
 * The one lenient Jackson configuration core reads with, shared by the engine
 * ({@code spi.openai.Json}) and the canonical contract (tool-call arguments, structured output).
 * This package is not exported, so user code cannot reach the mapper and reconfigure it.
 */
public final class JsonMappers {

    /**
     * Ignores unknown fields. Its string-length limit is lifted on purpose: replies carry generated
     * images as base64 strings far above Jackson's 20M-character default, and the transport
     * already caps the whole body.
     */
    public static final ObjectMapper LENIENT = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * {@link #LENIENT}, but the text must be one JSON value and nothing after it: model-written
     * JSON followed by prose is not what was asked for. Immutable, so safe to share.
     */
    public static final ObjectReader WHOLE_TEXT = LENIENT.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** How much of a model's text an error message quotes; the whole text stays in {@code rawReply()}. */
    static final int QUOTED_CHARS = 200;

    private JsonMappers() {
    }

    /**
     * Parses model-written text that must be a JSON object.
     *
     * @param text the model's text; {@code null} reads as empty
     * @param problem the message's opening, such as {@code "tool call 'f': the arguments are not a JSON object"}
     * @return the object, never {@code null}
     * @throws JunctionException of kind PROTOCOL, keeping the text in {@code rawReply()}, when the
     *     text is not one JSON object
     */
    public static JsonNode readObject(String text, String problem) {
        String raw = text == null ? "" : text;
        String reason;
        Throwable cause = null;
        try {
            JsonNode node = WHOLE_TEXT.readTree(raw);
            if (node != null && node.isObject()) {
                return node;
            }
            reason = node == null || node.isMissingNode() ? "it is empty"
                    : "it is a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        } catch (JsonProcessingException e) {
            reason = e.getOriginalMessage();
            cause = e;
        }
        throw notMatching(problem, reason, raw).cause(cause).build();
    }

    /**
     * Starts a PROTOCOL error for model-written text that is not what was asked for: the text is
     * quoted (cut short) in the message and kept whole in {@code rawReply()}. Retryable, because
     * asking the model again may well give a conforming answer.
     */
    public static JunctionException.Builder notMatching(String problem, String reason, String raw) {
        String quoted = raw.length() <= QUOTED_CHARS ? raw : raw.substring(0, QUOTED_CHARS) + "…";
        return JunctionException.builder(ErrorKind.PROTOCOL, problem + " (" + reason + "): " + quoted)
                .rawReply(raw)
                .retryable(true)
                .hint("the model's whole text is in rawReply(); asking again often helps, and so does describing the"
                        + " expected answer in the prompt");
    }
}
