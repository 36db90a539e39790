package dev.junction.observe;

import java.util.Objects;

/**
 * Which call an event belongs to.
 *
 * @param id unique per call, the same on all of its events
 * @param model the canonical model asked for, or {@code null} when the request named none and the chat model has no default
 * @param streaming whether it is a stream
 * @param route the route's policy ({@code cheapest}, {@code fastest}, {@code ordered}) when the call went through a route, else {@code null}
 */
public record Call(String id, String model, boolean streaming, String route) {

    /** Checks the id is present. */
    public Call {
        Objects.requireNonNull(id, "id");
    }
}
