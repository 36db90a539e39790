package com.example.junction.nimbus;

import dev.junction.spi.ApiKey;
import dev.junction.spi.openai.Dialect;
import io.vertx.core.MultiMap;

/** Nimbus's one wire difference: the key travels in {@code X-Api-Key}, not {@code Authorization}. */
final class NimbusDialect implements Dialect {

    @Override
    public void authenticate(MultiMap headers, ApiKey key) {
        headers.set("X-Api-Key", key.reveal());
    }
}
