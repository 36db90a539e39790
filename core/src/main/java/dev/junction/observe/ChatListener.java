package dev.junction.observe;

/**
 * Receives the events of every chat call a Junction makes; every method does nothing by default.
 *
 * <p>Register one with {@code Junction.builder().listener(…)}, or install it as a service
 * ({@code META-INF/services/dev.junction.observe.ChatListener}, or {@code provides} in a module).
 * Methods are called on the thread where the event happened, often a Vert.x event loop: return
 * quickly and never block. The events of one call arrive one after another, in order; those of
 * different calls may arrive at once on several threads. An exception thrown here is logged (once
 * per listener class) and ignored: it never reaches the call.
 */
public interface ChatListener {

    /** A call was made: before any attempt, after a route chose its order. */
    default void onRequest(CallStarted event) {
    }

    /** An attempt is about to be sent to a provider. */
    default void onAttemptStart(AttemptStarted event) {
    }

    /** An attempt ended: answered, or failed with what follows (a retry, a fallback, nothing). */
    default void onAttemptEnd(AttemptEnded event) {
    }

    /** A stream's first part after its start reached the caller: the time to first token. */
    default void onFirstPart(FirstPart event) {
    }

    /** The call succeeded; for a stream, when its last part arrived. */
    default void onResponse(CallSucceeded event) {
    }

    /** The call failed, after every retry and fallback, or a stream broke after it began. */
    default void onError(CallFailed event) {
    }
}
