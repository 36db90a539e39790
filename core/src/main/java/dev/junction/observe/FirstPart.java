package dev.junction.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * A stream's first part after its start (text, reasoning, a tool call, an image, or its end)
 * reached the caller; told once per stream.
 *
 * @param call which call
 * @param provider the provider that is answering
 * @param sinceCallStart from the call's start, retries and fallbacks included: the time to first token
 */
public record FirstPart(Call call, String provider, Duration sinceCallStart) {

    /** Checks the required fields. */
    public FirstPart {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sinceCallStart, "sinceCallStart");
    }
}
