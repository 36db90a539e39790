package dev.junction;

/** How a route orders the providers that offer its model. */
public enum RoutePolicy {
    /** The order given (or, with none given, the providers' ids in order). */
    ORDERED,
    /** Cheapest first, by this request's quote (expected cost); unknown prices last. */
    CHEAPEST,
    /** Fastest first, by each provider's recent median time to answer; a provider not yet measured goes first, to be measured. */
    FASTEST
}
