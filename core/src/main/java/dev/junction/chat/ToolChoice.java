package dev.junction.chat;

import java.util.Objects;

/**
 * Whether and which tool the model must call.
 *
 * @param mode auto, none, required, or a named function
 * @param functionName the function the model must call, for {@link Mode#FUNCTION}; otherwise {@code null}
 */
public record ToolChoice(Mode mode, String functionName) {

    /** The model decides. */
    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
    /** The model must not call a tool. */
    public static final ToolChoice NONE = new ToolChoice(Mode.NONE, null);
    /** The model must call some tool. */
    public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, null);

    /** The kinds of choice. */
    public enum Mode {
        AUTO, NONE, REQUIRED, FUNCTION
    }

    /** Checks a function name comes with {@link Mode#FUNCTION} and only with it. */
    public ToolChoice {
        Objects.requireNonNull(mode, "mode");
        if ((mode == Mode.FUNCTION) != (functionName != null)) {
            throw new IllegalArgumentException("a function name goes with Mode.FUNCTION, and only with it");
        }
    }

    /** The model must call this function. */
    public static ToolChoice function(String name) {
        return new ToolChoice(Mode.FUNCTION, Objects.requireNonNull(name, "name"));
    }
}
