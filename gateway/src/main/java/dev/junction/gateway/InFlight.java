package dev.junction.gateway;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests a gateway is serving, so that a shutdown can say how many it waits for and turn
 * away those that arrive on connections still open once it has begun.
 */
final class InFlight {
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean refusing;

    /** Counts a request in; {@code false} when the gateway is shutting down and it must be refused. */
    boolean enter() {
        if (refusing) {
            return false;
        }
        count.incrementAndGet();
        return true;
    }

    void exit() {
        count.decrementAndGet();
    }

    int count() {
        return count.get();
    }

    void refuseNew() {
        refusing = true;
    }
}
