package dev.junction.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The attribute keys and advised bucket boundaries of the OpenTelemetry GenAI semantic conventions
 * ({@value JunctionTelemetry#SEMCONV_VERSION}) that {@link JunctionTelemetry} records, and Junction's
 * own {@code junction.*} keys beside them.
 */
final class GenAiAttributes {
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<Boolean> REQUEST_STREAM = AttributeKey.booleanKey("gen_ai.request.stream");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    static final AttributeKey<List<String>> FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<Long> REASONING_TOKENS = AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens");
    static final AttributeKey<Long> CACHE_READ_TOKENS = AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
    static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<Double> COST_USD = AttributeKey.doubleKey("junction.cost.usd");
    static final AttributeKey<Double> QUOTE_USD = AttributeKey.doubleKey("junction.quote.usd");
    static final AttributeKey<String> ROUTE_POLICY = AttributeKey.stringKey("junction.route.policy");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("junction.attempts");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("junction.attempt");
    static final AttributeKey<String> ATTEMPT_NEXT = AttributeKey.stringKey("junction.attempt.next");

    static final List<Long> TOKEN_BUCKETS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L,
            4194304L, 16777216L, 67108864L);
    static final List<Double> DURATION_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24,
            20.48, 40.96, 81.92);

    private GenAiAttributes() {
    }

    /** The conventions' provider name for a Junction provider id: its id, except {@code google}, which is {@code gcp.gemini}. */
    static String providerName(String providerId) {
        return "google".equals(providerId) ? "gcp.gemini" : providerId;
    }
}
