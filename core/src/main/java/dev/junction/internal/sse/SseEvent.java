package dev.junction.internal.sse;

/**
 * One dispatched Server-Sent Event.
 *
 * @param event the event type; {@code "message"} when the stream gave no (or an empty) {@code event:} field
 * @param data the data lines of the event joined with {@code "\n"}; never null, may be empty
 * @param id the last event id seen on the stream so far, or null if none was set (an empty {@code id:} resets it)
 */
public record SseEvent(String event, String data, String id) {
}
