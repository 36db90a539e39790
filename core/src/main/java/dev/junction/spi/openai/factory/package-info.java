/**
 * The base class of an OpenAI-compatible vendor module's factory:
 * {@link dev.junction.spi.openai.factory.OpenAiCompatibleFactory} binds the module's
 * {@link dev.junction.spi.openai.VendorProfile} and {@link dev.junction.spi.openai.Dialect} to core's
 * engine. It sits in a package of its own because it is the one SPI type that reaches the engine:
 * the engine depends on {@code dev.junction.spi.openai}, so this class cannot live there without a
 * package cycle.
 */
package dev.junction.spi.openai.factory;
