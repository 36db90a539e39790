package dev.junction.spi;

import java.util.Objects;

/**
 * An API key that cannot leak by accident: {@link #toString()} prints a fixed mask, and the
 * value is reachable only through {@link #reveal()}, which only the transport should call.
 */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * Wraps a key.
     *
     * @throws IllegalArgumentException when the key is blank or holds a character that cannot
     *     travel in an HTTP header, such as a line break (the message does not echo the key)
     */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "api key");
        if (value.isBlank()) {
            throw new IllegalArgumentException("api key is blank");
        }
        String key = value.strip();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                // Checked here because the HTTP layer would reject it with the whole header, key included, in its message.
                throw new IllegalArgumentException("api key has a space, line break or non-ASCII character at position " + i);
            }
        }
        return new ApiKey(key);
    }

    /** The secret itself. Never log or print it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiKey[****]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey k && k.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
