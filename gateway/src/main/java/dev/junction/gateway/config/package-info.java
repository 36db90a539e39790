/**
 * The gateway's configuration: one YAML or JSON file checked against
 * {@code dev/junction/gateway/config.schema.json} and read into immutable records by
 * {@link dev.junction.gateway.config.ConfigLoader}, and the virtual keys' hashes
 * ({@link dev.junction.gateway.config.KeyHashes}). Vendor keys are named by environment variable,
 * never written in the file.
 */
package dev.junction.gateway.config;
