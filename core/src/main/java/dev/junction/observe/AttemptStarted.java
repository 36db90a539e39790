package dev.junction.observe;

import dev.junction.quote.Quote;
import java.util.Objects;

/**
 * An attempt is about to be sent.
 *
 * @param call which call
 * @param provider the provider id it goes to
 * @param attempt its number within the call, from 1, across providers
 * @param providerAttempt its number at this provider, from 1 (2 is the first retry)
 * @param quote the quote the route made for this provider, or {@code null} when none was made
 * @param serverAddress the host the attempt goes to (the provider's base URL in use, without any
 *     user info or path), or {@code null} when unknown
 * @param serverPort that host's port, the scheme's default when the URL names none, or {@code null} when unknown
 */
public record AttemptStarted(Call call, String provider, int attempt, int providerAttempt, Quote quote, String serverAddress,
        Integer serverPort) {

    /** Checks the required fields. */
    public AttemptStarted {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(provider, "provider");
    }
}
