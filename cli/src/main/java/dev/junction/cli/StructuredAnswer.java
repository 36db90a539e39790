package dev.junction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.ChatResponse;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;

/**
 * The answer to a {@code chat --schema} call, read as JSON. An answer that is not JSON breaks what
 * the request asked for, so it fails as PROTOCOL (exit 1); the exception keeps the whole text as
 * its raw reply and its message quotes the start.
 */
final class StructuredAnswer {
    /** How much of a non-JSON answer the message quotes. */
    static final int QUOTED = 200;

    private StructuredAnswer() {
    }

    /**
     * The answer text as one JSON value, numbers exact.
     *
     * @throws JunctionException PROTOCOL when the text is not exactly one JSON value
     */
    static JsonNode of(ChatResponse response) {
        String text = response.text();
        // The same leniency as the library's StructuredOutput: one surrounding code fence is fine.
        return CliJson.parse(dev.junction.chat.StructuredOutput.unfence(text)).orElseThrow(() -> JunctionException.builder(ErrorKind.PROTOCOL,
                        response.provider() + ": the answer is not the JSON the schema asks for: " + quote(text))
                .provider(response.provider())
                .rawReply(text)
                .hint("retry, or simplify the schema; --json shows the whole answer as \"rawReply\"")
                .build());
    }

    /** The text in quotes, cut to {@value #QUOTED} characters with an ellipsis. */
    static String quote(String text) {
        if (text.isEmpty()) {
            return "(an empty answer)";
        }
        int end = Character.isHighSurrogate(text.charAt(Math.min(text.length(), QUOTED) - 1)) ? QUOTED - 1 : QUOTED;
        String shown = text.length() > QUOTED ? text.substring(0, end) + "…" : text;
        return "\"" + shown + "\"";
    }
}
