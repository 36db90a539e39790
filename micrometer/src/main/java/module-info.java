/**
 * Junction on Micrometer: a chat listener that reports each call as an Observation and as the
 * OpenTelemetry GenAI client metrics, with cost.
 */
module dev.junction.micrometer {
    requires transitive dev.junction.core;
    requires transitive micrometer.observation;
    requires transitive micrometer.core;
    requires micrometer.commons;

    exports dev.junction.micrometer;
}
