package dev.junction.chat;

import java.util.Objects;

/**
 * The thought signature a reasoning model attached to a tool call: an opaque token that carries the
 * model's reasoning state to the next request. Gemini 3 refuses (HTTP 400) a follow-up request whose
 * function calls of the current turn come back without theirs, so Junction keeps it on the
 * {@link ToolCall} and writes it back, byte for byte, when the call is sent again in the history.
 *
 * <p>Opaque: do not edit, decode or build one; only the provider that issued it can verify it, so
 * Junction sends it back only to that provider (see the README, "Thought signatures").
 *
 * @param provider the id of the provider whose reply carried it, such as {@code aivideoapi}
 * @param value the signature exactly as received; never empty
 */
public record ThoughtSignature(String provider, String value) {

    /** Checks both are present. */
    public ThoughtSignature {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an empty thought signature is no signature: use null instead");
        }
    }

    /** Whether {@code provider} issued this signature, and so may be sent it back. */
    public boolean issuedBy(String provider) {
        return this.provider.equals(provider);
    }

    /** The provider and the value's length: signatures run to kilobytes, too long for a log line. */
    @Override
    public String toString() {
        return "ThoughtSignature[provider=" + provider + ", " + value.length() + " chars]";
    }
}
