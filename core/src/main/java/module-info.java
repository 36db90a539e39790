/**
 * Junction core: the canonical chat contract, the provider SPI, config strings, the
 * OpenAI-compatible engine, transport, pricing and errors.
 */
module dev.junction.core {
    requires transitive io.vertx.core;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive com.fasterxml.jackson.core;
    requires org.slf4j;
    requires com.github.victools.jsonschema.generator;

    exports dev.junction;
    exports dev.junction.catalog;
    exports dev.junction.chat;
    exports dev.junction.cost;
    exports dev.junction.error;
    exports dev.junction.observe;
    exports dev.junction.quote;
    exports dev.junction.spi;
    exports dev.junction.spi.openai;
    exports dev.junction.spi.openai.factory;

    uses dev.junction.spi.ProviderFactory;
    uses dev.junction.observe.ChatListener;
}
