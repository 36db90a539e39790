package dev.junction.chat;

/** How hard a thinking model should reason before it answers. */
public enum ReasoningEffort {
    LOW("low"),
    HIGH("high");

    private final String wireName;

    ReasoningEffort(String wireName) {
        this.wireName = wireName;
    }

    /** The value of OpenAI's {@code reasoning_effort} field. */
    public String wireName() {
        return wireName;
    }
}
