/** Runnable examples of the Junction API. */
module dev.junction.examples {
    requires dev.junction.core;
}
