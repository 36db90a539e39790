package dev.junction.provider.acedata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.Json;
import dev.junction.spi.openai.VendorError;

/**
 * acedata's differences: its error envelope is {@code {"success":false,"error":{"code","message"},"trace_id"}},
 * and the trace id is worth keeping for its support. Reasoning arrives as {@code reasoning_content},
 * which the default reader handles. Its role names are data in {@code acedata.json}.
 */
final class AcedataDialect implements Dialect {

    @Override
    public boolean isErrorBody(JsonNode body) {
        return body.path("success").isBoolean() && !body.path("success").asBoolean()
                || Dialect.super.isErrorBody(body);
    }

    @Override
    public VendorError readError(JsonNode body) {
        VendorError plain = Dialect.super.readError(body);
        return new VendorError(plain.code(), plain.message(), plain.type(), Json.text(body, "trace_id"));
    }
}
