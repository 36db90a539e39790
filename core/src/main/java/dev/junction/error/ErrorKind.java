package dev.junction.error;

/**
 * The canonical category of every Junction failure, the same whichever vendor produced it.
 *
 * <p>Each kind knows whether repeating the same call may succeed ({@link #retryableByDefault()})
 * and which CLI exit code it maps to ({@link #isCallersFault()}).
 */
public enum ErrorKind {
    /** The request itself is malformed or breaks a vendor rule. */
    INVALID_REQUEST(false, true),
    /** The API key is missing at the vendor, wrong, disabled or deleted. */
    AUTHENTICATION(false, false),
    /** The key is valid but not allowed to do this (for example an IP allow-list). */
    PERMISSION_DENIED(false, false),
    /** The account has no credits left. */
    INSUFFICIENT_CREDITS(false, false),
    /** The key reached a spend limit the account owner set; a billing matter, never retried. */
    SPEND_LIMIT_EXCEEDED(false, false),
    /** The vendor does not know the model. */
    MODEL_NOT_FOUND(false, false),
    /** Too many requests; retry after the delay the vendor asked for. */
    RATE_LIMITED(true, false),
    /** The vendor's own upstream (Google) failed; the vendor usually refunds. */
    UPSTREAM_ERROR(true, false),
    /** The vendor's server failed, or a proxy in front of it answered with an error page. */
    SERVER_ERROR(true, false),
    /** The call did not finish in the configured time. */
    TIMEOUT(true, false),
    /** The connection could not be made or broke. */
    NETWORK(true, false),
    /** The vendor answered with something that does not follow its protocol. */
    PROTOCOL(false, false),
    /** The vendor or model cannot do what the request asks. */
    UNSUPPORTED_FEATURE(false, true),
    /** Junction is set up wrongly: a bad config string, a missing key, an unknown provider. */
    CONFIGURATION(false, true),
    /**
     * The caller cancelled the call (a stream's {@code cancel()}, or the cancellation future given to
     * {@code ChatModel.chat}); never retried, never a fallback, and no mark against the provider's
     * health. Junction's own: no vendor error code maps to it.
     */
    CANCELLED(false, true);

    private final boolean retryableByDefault;
    private final boolean callersFault;

    ErrorKind(boolean retryableByDefault, boolean callersFault) {
        this.retryableByDefault = retryableByDefault;
        this.callersFault = callersFault;
    }

    /** Whether repeating the identical call may succeed, unless the vendor said otherwise. */
    public boolean retryableByDefault() {
        return retryableByDefault;
    }

    /** Whether the caller's input or setup is at fault rather than the provider or the network. */
    public boolean isCallersFault() {
        return callersFault;
    }
}
