/**
 * One exception, {@link dev.junction.error.JunctionException}, for every failure, with a canonical
 * {@link dev.junction.error.ErrorKind}, the provider, the HTTP status, the vendor's own code and
 * trace id, whether a retry may help and how long to wait, and a hint saying what to do next.
 * Messages never carry an API key.
 */
package dev.junction.error;
