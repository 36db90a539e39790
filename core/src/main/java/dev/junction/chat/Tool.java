package dev.junction.chat;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tool the model may call: a function of yours, or a vendor's built-in web search. */
public sealed interface Tool {

    /**
     * A function the model may ask you to call.
     *
     * @param name the function's name: letters, digits, {@code _} or {@code -}, at most 64
     * @param description what it does, for the model; may be {@code null}
     * @param parametersJson a JSON Schema object describing its arguments, or {@code null} for none
     */
    record Function(String name, String description, String parametersJson) implements Tool {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

        /** Checks the name. The schema is checked when the request is written. */
        public Function {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("tool name '" + name
                        + "' must be 1 to 64 letters, digits, '_' or '-'");
            }
        }
    }

    /** The vendor's built-in web search (Google Search grounding for Gemini). */
    record WebSearch() implements Tool {
    }

    /** A function tool. */
    static Tool function(String name, String description, String parametersJson) {
        return new Function(name, description, parametersJson);
    }

    /** The built-in web search. */
    static Tool webSearch() {
        return new WebSearch();
    }
}
