package dev.junction.testkit.matrix;

import dev.junction.spi.openai.Dialect;

/** Whether a dialect carries Gemini thought signatures on tool calls, found by calling its hooks. */
final class SignatureProbe {
    private SignatureProbe() {
    }

    static String summary(Dialect dialect) {
        return "—";
    }

    static String details(Dialect dialect) {
        return "—";
    }
}
