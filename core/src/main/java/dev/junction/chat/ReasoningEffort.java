package dev.junction.chat;

/**
 * How hard a thinking model should reason before it answers, from least to most. A vendor that
 * documents only some of these values gets the nearest one it documents, with a warning on the
 * response (see {@link #nearest}).
 */
public enum ReasoningEffort {
    MINIMAL("minimal"),
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String wireName;

    ReasoningEffort(String wireName) {
        this.wireName = wireName;
    }

    /** The value of OpenAI's {@code reasoning_effort} field. */
    public String wireName() {
        return wireName;
    }

    /**
     * The effort whose {@link #wireName} is {@code name}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static ReasoningEffort fromWireName(String name) {
        for (ReasoningEffort effort : values()) {
            if (effort.wireName.equals(name)) {
                return effort;
            }
        }
        throw new IllegalArgumentException("unknown reasoning effort '" + name + "' (known: minimal, low, medium, high)");
    }

    /**
     * The supported effort nearest to this one: itself when supported, else the closest by
     * position in MINIMAL, LOW, MEDIUM, HIGH. A tie goes to the higher effort (MEDIUM between low
     * and high becomes HIGH), since thinking hard is what Gemini does by default and a vendor's
     * default is the safer guess than less thought.
     *
     * @param supported the efforts a vendor documents; an empty set returns this effort unchanged
     */
    public ReasoningEffort nearest(java.util.Set<ReasoningEffort> supported) {
        if (supported.isEmpty() || supported.contains(this)) {
            return this;
        }
        ReasoningEffort best = null;
        for (ReasoningEffort candidate : supported) {
            int distance = Math.abs(candidate.ordinal() - ordinal());
            if (best == null || distance < Math.abs(best.ordinal() - ordinal())
                    || distance == Math.abs(best.ordinal() - ordinal()) && candidate.ordinal() > best.ordinal()) {
                best = candidate;
            }
        }
        return best;
    }
}
