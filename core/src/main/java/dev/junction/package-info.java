/**
 * The entry point. {@link dev.junction.Junction} discovers the installed provider modules through
 * {@link java.util.ServiceLoader}, parses config strings such as {@code example:gemini-2.5-pro?timeout=30s}
 * ({@link dev.junction.ProviderSpec}), hands out chat models, prices a request at every provider
 * before it is sent, and lists what the providers offer.
 *
 * <p>Users import this package with {@code chat}, {@code cost}, {@code quote}, {@code catalog} and
 * {@code error}; never {@code spi}, which is for vendor modules.
 */
package dev.junction;
