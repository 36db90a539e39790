/**
 * Junction's gateway: an OpenAI-compatible HTTP server over the engine, with its configuration.
 * A named module so the {@code junction} command (itself a module) can read its configuration and
 * start it; it requires everything its pom brings, so the server's code needs no new clause here.
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

    exports dev.junction.gateway.config;
}
