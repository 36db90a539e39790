package dev.junction.chat;

/** Who speaks a {@link Message}; the OpenAI role names, which all three vendors accept. */
public enum Role {
    SYSTEM("system"),
    DEVELOPER("developer"),
    USER("user"),
    ASSISTANT("assistant"),
    TOOL("tool");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The role's name in OpenAI-compatible JSON. */
    public String wireName() {
        return wireName;
    }
}
