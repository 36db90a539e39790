package dev.junction.gateway.state;

/**
 * The shared state store (Redis) could not be reached, and the operation cannot go on without it:
 * a budget reservation when budgets fail closed. The message names where Redis is, never its
 * password.
 */
public final class StateUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its message and the failure that caused it. */
    public StateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
