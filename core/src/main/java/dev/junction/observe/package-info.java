/**
 * Listeners: what a chat call did, told as it happens. A {@link dev.junction.observe.ChatListener}
 * registered on {@code Junction.builder().listener(…)}, or found through {@link java.util.ServiceLoader},
 * receives an event when a call starts, when each of its attempts starts and ends, when a stream's
 * first part arrives, and when the call succeeds or fails.
 *
 * <p>Safety: events never hold an API key or a provider's settings; the prompt and the answer reach
 * them only when {@code Junction.builder().listenerContent(true)} opts in; a listener that throws
 * is logged and never breaks the call. With no listener, no event is built.
 */
package dev.junction.observe;
