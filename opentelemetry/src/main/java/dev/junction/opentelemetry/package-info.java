/**
 * A {@link dev.junction.observe.ChatListener} that reports every Junction chat call to the
 * OpenTelemetry API as the GenAI semantic conventions (v1.41.0, status Development) describe:
 * start with {@link dev.junction.opentelemetry.JunctionTelemetry#builder(io.opentelemetry.api.OpenTelemetry)}.
 */
package dev.junction.opentelemetry;
