/**
 * Junction's OpenTelemetry listener: spans and metrics after the OpenTelemetry GenAI semantic
 * conventions (v1.41.0), with Junction's cost and quote.
 */
module dev.junction.opentelemetry {
    requires transitive dev.junction.core;
    requires transitive io.opentelemetry.api;
    requires io.opentelemetry.context;

    exports dev.junction.opentelemetry;
}
