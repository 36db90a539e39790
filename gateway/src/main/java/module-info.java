/**
 * Junction's gateway: an OpenAI-compatible HTTP server over the engine, with virtual keys,
 * budgets, rate limits, and shared state in Redis.
 */
module dev.junction.gateway {
    requires transitive dev.junction.core;
    requires dev.junction.micrometer;
    requires io.vertx.web;
    requires io.vertx.redis.client;
    requires micrometer.registry.prometheus;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.networknt.schema;
    requires org.slf4j;

    exports dev.junction.gateway;
    exports dev.junction.gateway.config;
    exports dev.junction.gateway.media;
    exports dev.junction.gateway.openai;
    exports dev.junction.gateway.state;
}
