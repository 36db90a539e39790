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
     * @throws IllegalArgumentException when the key is blank (the message does not echo it)
     */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "api key");
        if (value.isBlank()) {
            throw new IllegalArgumentException("api key is blank");
        }
        return new ApiKey(value.strip());
    }

    /** The secret itself. Never log or print it. */
    public String reveal() {
        return value;
    }

    /** Whether the key starts with the given prefix, without revealing it. */
    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
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
