package dev.junction.opentelemetry;

import static dev.junction.opentelemetry.GenAiAttributes.ATTEMPT;
import static dev.junction.opentelemetry.GenAiAttributes.ATTEMPTS;
import static dev.junction.opentelemetry.GenAiAttributes.ATTEMPT_NEXT;
import static dev.junction.opentelemetry.GenAiAttributes.CACHE_READ_TOKENS;
import static dev.junction.opentelemetry.GenAiAttributes.COST_USD;
import static dev.junction.opentelemetry.GenAiAttributes.DURATION_BUCKETS;
import static dev.junction.opentelemetry.GenAiAttributes.ERROR_TYPE;
import static dev.junction.opentelemetry.GenAiAttributes.FINISH_REASONS;
import static dev.junction.opentelemetry.GenAiAttributes.HTTP_STATUS;
import static dev.junction.opentelemetry.GenAiAttributes.INPUT_MESSAGES;
import static dev.junction.opentelemetry.GenAiAttributes.INPUT_TOKENS;
import static dev.junction.opentelemetry.GenAiAttributes.OPERATION;
import static dev.junction.opentelemetry.GenAiAttributes.OUTPUT_MESSAGES;
import static dev.junction.opentelemetry.GenAiAttributes.OUTPUT_TOKENS;
import static dev.junction.opentelemetry.GenAiAttributes.PROVIDER;
import static dev.junction.opentelemetry.GenAiAttributes.QUOTE_USD;
import static dev.junction.opentelemetry.GenAiAttributes.REASONING_TOKENS;
import static dev.junction.opentelemetry.GenAiAttributes.REQUEST_MODEL;
import static dev.junction.opentelemetry.GenAiAttributes.REQUEST_STREAM;
import static dev.junction.opentelemetry.GenAiAttributes.RESPONSE_ID;
import static dev.junction.opentelemetry.GenAiAttributes.RESPONSE_MODEL;
import static dev.junction.opentelemetry.GenAiAttributes.ROUTE_POLICY;
import static dev.junction.opentelemetry.GenAiAttributes.SERVER_ADDRESS;
import static dev.junction.opentelemetry.GenAiAttributes.SERVER_PORT;
import static dev.junction.opentelemetry.GenAiAttributes.TOKEN_BUCKETS;
import static dev.junction.opentelemetry.GenAiAttributes.TOKEN_TYPE;
import static dev.junction.opentelemetry.GenAiAttributes.providerName;

import dev.junction.chat.Usage;
import dev.junction.error.ErrorKind;
import dev.junction.observe.AttemptEnded;
import dev.junction.observe.AttemptStarted;
import dev.junction.observe.Call;
import dev.junction.observe.CallFailed;
import dev.junction.observe.CallStarted;
import dev.junction.observe.CallSucceeded;
import dev.junction.observe.ChatListener;
import dev.junction.observe.FirstPart;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ChatListener} that reports Junction's chat calls to OpenTelemetry, following the
 * <a href="https://opentelemetry.io/docs/specs/semconv/gen-ai/">OpenTelemetry GenAI semantic
 * conventions</a>, version {@value #SEMCONV_VERSION} (status Development):
 * <a href="https://github.com/open-telemetry/semantic-conventions/blob/v1.41.0/docs/gen-ai/gen-ai-spans.md">spans</a> and
 * <a href="https://github.com/open-telemetry/semantic-conventions/blob/v1.41.0/docs/gen-ai/gen-ai-metrics.md">metrics</a>.
 *
 * <pre>{@code
 * Junction junction = Junction.builder()
 *         .listener(JunctionTelemetry.builder(openTelemetry).build())
 *         .build();
 * }</pre>
 *
 * <p><b>Spans.</b> One {@link SpanKind#CLIENT CLIENT} span per call, named {@code chat {gen_ai.request.model}},
 * started when the call is made (its parent is {@link Context#current()} at that moment) and ended
 * when it answers or fails. When a call took more than one attempt (a retry or a fallback), each
 * attempt becomes a child span named {@code chat {gen_ai.request.model} attempt N}, made when the call
 * ends with the attempt's own start and end times. Attributes of the call span:
 * {@code gen_ai.operation.name} ({@code chat}), {@code gen_ai.provider.name} (the Junction provider id,
 * {@code google} as {@code gcp.gemini}), {@code gen_ai.request.model}, {@code gen_ai.request.stream},
 * {@code gen_ai.response.model} (the vendor's model name), {@code gen_ai.response.id},
 * {@code gen_ai.response.finish_reasons} (the vendor's raw reason), {@code gen_ai.usage.input_tokens},
 * {@code gen_ai.usage.output_tokens}, {@code gen_ai.usage.reasoning.output_tokens},
 * {@code gen_ai.usage.cache_read.input_tokens}, {@code server.address} and {@code server.port} (of the
 * answering attempt, or the last one), {@code error.type} (the {@link ErrorKind} name, or
 * {@value #OTHER_ERROR}); and Junction's own {@code junction.cost.usd}, {@code junction.quote.usd}
 * (the quote's expected USD), {@code junction.route.policy} and {@code junction.attempts}. A failed
 * call has status {@link StatusCode#ERROR ERROR} with the error's message.
 *
 * <p><b>Metrics.</b> {@code gen_ai.client.token.usage} ({@code {token}}, by {@code gen_ai.token.type}
 * {@code input} or {@code output}), {@code gen_ai.client.operation.duration} ({@code s}),
 * {@code gen_ai.client.operation.time_to_first_chunk} ({@code s}, streams only), each with the
 * conventions' advised bucket boundaries and the low-cardinality attributes above; and
 * {@code junction.client.cost} ({@code USD}, a counter by provider and request model).
 *
 * <p><b>Content</b> ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}, as JSON strings in
 * the conventions' message schema) is recorded only when both
 * {@link Builder#captureMessageContent(boolean)} and Junction's {@code listenerContent(true)} are on.
 *
 * <p>The listener keeps per-call state until the call ends (removed before anything else is done, so a
 * failure cannot leak it) and never blocks. It catches nothing itself: should it throw, Junction logs
 * that once and goes on with the call (see {@link ChatListener}).
 */
public final class JunctionTelemetry implements ChatListener {
    /** The version of the OpenTelemetry semantic conventions this listener follows. */
    public static final String SEMCONV_VERSION = "1.41.0";
    /** The instrumentation scope name of the tracer and meter. */
    public static final String INSTRUMENTATION_NAME = "dev.junction.opentelemetry";
    /** The {@code error.type} of an error without a kind. */
    public static final String OTHER_ERROR = "_OTHER";

    private static final String CHAT = "chat";
    private static final String SCHEMA_URL = "https://opentelemetry.io/schemas/" + SEMCONV_VERSION;

    private final Tracer tracer;
    private final LongHistogram tokenUsage;
    private final DoubleHistogram operationDuration;
    private final DoubleHistogram timeToFirstChunk;
    private final DoubleCounter cost;
    private final boolean captureMessageContent;
    private final Map<String, CallState> calls = new ConcurrentHashMap<>();

    private JunctionTelemetry(Builder builder) {
        OpenTelemetry otel = builder.openTelemetry;
        this.tracer = otel.tracerBuilder(INSTRUMENTATION_NAME).setSchemaUrl(SCHEMA_URL).build();
        Meter meter = otel.meterBuilder(INSTRUMENTATION_NAME).setSchemaUrl(SCHEMA_URL).build();
        this.tokenUsage = meter.histogramBuilder("gen_ai.client.token.usage").ofLongs().setUnit("{token}")
                .setDescription("Number of input and output tokens used.")
                .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS).build();
        this.operationDuration = meter.histogramBuilder("gen_ai.client.operation.duration").setUnit("s")
                .setDescription("GenAI operation duration.")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
        this.timeToFirstChunk = meter.histogramBuilder("gen_ai.client.operation.time_to_first_chunk").setUnit("s")
                .setDescription("Time to receive the first chunk in a streaming operation.")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
        this.cost = meter.counterBuilder("junction.client.cost").ofDoubles().setUnit("USD")
                .setDescription("What Junction's chat calls cost, in US dollars, by provider and requested model.").build();
        this.captureMessageContent = builder.captureMessageContent;
    }

    /** A builder over the given OpenTelemetry instance (its tracer and meter providers). */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    /** Builds {@link JunctionTelemetry}. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean captureMessageContent;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        }

        /**
         * Whether to record prompts and answers ({@code gen_ai.input.messages},
         * {@code gen_ai.output.messages}); default {@code false}. Junction hands content to listeners only
         * with {@code Junction.builder().listenerContent(true)}, so both must be on.
         */
        public Builder captureMessageContent(boolean capture) {
            this.captureMessageContent = capture;
            return this;
        }

        /** The listener, to register with {@code Junction.builder().listener(…)}. */
        public JunctionTelemetry build() {
            return new JunctionTelemetry(this);
        }
    }

    /** How many calls are in flight (for tests: none is kept after it ended). */
    int callsInFlight() {
        return calls.size();
    }

    @Override
    public void onRequest(CallStarted event) {
        Call call = event.call();
        long startNanos = nowNanos();
        SpanBuilder builder = tracer.spanBuilder(spanName(call)).setSpanKind(SpanKind.CLIENT).setParent(Context.current())
                .setStartTimestamp(startNanos, TimeUnit.NANOSECONDS)
                .setAttribute(OPERATION, CHAT)
                .setAttribute(REQUEST_STREAM, call.streaming());
        if (call.model() != null) {
            builder.setAttribute(REQUEST_MODEL, call.model());
        }
        if (event.providers().size() == 1) {
            builder.setAttribute(PROVIDER, providerName(event.providers().get(0)));
        }
        if (call.route() != null) {
            builder.setAttribute(ROUTE_POLICY, call.route());
        }
        Span span = builder.startSpan();
        if (captureMessageContent && event.request() != null) {
            String input = MessageContent.inputMessages(event.request());
            if (input != null) {
                span.setAttribute(INPUT_MESSAGES, input);
            }
        }
        calls.put(call.id(), new CallState(call, span, Context.current(), startNanos));
    }

    @Override
    public void onAttemptStart(AttemptStarted event) {
        CallState state = calls.get(event.call().id());
        if (state != null) {
            synchronized (state) {
                state.attempts.add(new AttemptRecord(event, nowNanos()));
            }
        }
    }

    @Override
    public void onAttemptEnd(AttemptEnded event) {
        CallState state = calls.get(event.call().id());
        if (state != null) {
            synchronized (state) {
                for (int i = state.attempts.size() - 1; i >= 0; i--) {
                    AttemptRecord attempt = state.attempts.get(i);
                    if (attempt.started.attempt() == event.attempt() && attempt.ended == null) {
                        attempt.ended = event;
                        break;
                    }
                }
            }
        }
    }

    @Override
    public void onFirstPart(FirstPart event) {
        CallState state = calls.get(event.call().id());
        if (state != null) {
            synchronized (state) {
                if (state.firstPart == null) {
                    state.firstPart = event.sinceCallStart();
                }
            }
        }
    }

    @Override
    public void onResponse(CallSucceeded event) {
        CallState state = calls.remove(event.call().id());
        if (state == null) {
            return;
        }
        synchronized (state) {
            succeeded(state, event);
        }
    }

    @Override
    public void onError(CallFailed event) {
        CallState state = calls.remove(event.call().id());
        if (state == null) {
            return;
        }
        synchronized (state) {
            failed(state, event);
        }
    }

    private void succeeded(CallState state, CallSucceeded event) {
        Span span = state.span;
        String provider = providerName(event.provider());
        AttemptRecord answering = state.answering(event.provider());
        span.setAttribute(PROVIDER, provider);
        if (event.vendorModel() != null) {
            span.setAttribute(RESPONSE_MODEL, event.vendorModel());
        }
        if (event.responseId() != null) {
            span.setAttribute(RESPONSE_ID, event.responseId());
        }
        if (event.rawFinishReason() != null) {
            span.setAttribute(FINISH_REASONS, List.of(event.rawFinishReason()));
        }
        Usage usage = event.usage();
        setIfPresent(span, INPUT_TOKENS, usage.inputTokens());
        setIfPresent(span, OUTPUT_TOKENS, usage.outputTokens());
        setIfPresent(span, REASONING_TOKENS, usage.reasoningTokens());
        setIfPresent(span, CACHE_READ_TOKENS, usage.cachedTokens());
        setServer(span, answering);
        span.setAttribute(ATTEMPTS, (long) event.attempts());
        BigDecimal costUsd = event.cost() == null ? null : event.cost().usd();
        if (costUsd != null) {
            span.setAttribute(COST_USD, costUsd.doubleValue());
        }
        if (event.quote() != null && event.quote().usd() != null && event.quote().usd().expected() != null) {
            span.setAttribute(QUOTE_USD, event.quote().usd().expected().doubleValue());
        }
        if (captureMessageContent && event.text() != null) {
            span.setAttribute(OUTPUT_MESSAGES, MessageContent.outputMessages(event));
        }
        long endNanos = state.startNanos + event.duration().toNanos();
        attemptSpans(state, endNanos);
        span.end(endNanos, TimeUnit.NANOSECONDS);

        Attributes common = metricAttributes(state, provider, event.vendorModel(), answering, null);
        operationDuration.record(seconds(event.duration()), common, state.parent);
        if (state.call.streaming() && state.firstPart != null) {
            timeToFirstChunk.record(seconds(state.firstPart), common, state.parent);
        }
        if (usage.inputTokens() != null) {
            tokenUsage.record(usage.inputTokens(), common.toBuilder().put(TOKEN_TYPE, "input").build(), state.parent);
        }
        if (usage.outputTokens() != null) {
            tokenUsage.record(usage.outputTokens(), common.toBuilder().put(TOKEN_TYPE, "output").build(), state.parent);
        }
        if (costUsd != null) {
            AttributesBuilder costAttributes = Attributes.builder().put(PROVIDER, provider);
            if (state.call.model() != null) {
                costAttributes.put(REQUEST_MODEL, state.call.model());
            }
            cost.add(costUsd.doubleValue(), costAttributes.build(), state.parent);
        }
    }

    private void failed(CallState state, CallFailed event) {
        Span span = state.span;
        AttemptRecord last = state.attempts.isEmpty() ? null : state.attempts.get(state.attempts.size() - 1);
        String providerId = last != null ? last.started.provider() : event.error().provider();
        String provider = providerId == null ? null : providerName(providerId);
        String errorType = event.error().kind() == null ? OTHER_ERROR : event.error().kind().name();
        if (provider != null) {
            span.setAttribute(PROVIDER, provider);
        }
        setServer(span, last);
        span.setAttribute(ERROR_TYPE, errorType);
        span.setAttribute(ATTEMPTS, (long) event.attempts());
        String message = event.error().getMessage();
        span.setStatus(StatusCode.ERROR, message == null ? errorType : message);
        long endNanos = state.startNanos + event.duration().toNanos();
        attemptSpans(state, endNanos);
        span.end(endNanos, TimeUnit.NANOSECONDS);

        Attributes common = metricAttributes(state, provider, null, last, errorType);
        operationDuration.record(seconds(event.duration()), common, state.parent);
        if (state.call.streaming() && state.firstPart != null) {
            timeToFirstChunk.record(seconds(state.firstPart), common, state.parent);
        }
    }

    /** One child span per attempt, only when there was more than one, with the attempts' own times. */
    private void attemptSpans(CallState state, long callEndNanos) {
        if (state.attempts.size() < 2) {
            return;
        }
        Context parent = state.parent.with(state.span);
        for (AttemptRecord attempt : state.attempts) {
            AttemptStarted started = attempt.started;
            SpanBuilder builder = tracer.spanBuilder(spanName(state.call) + " attempt " + started.attempt())
                    .setSpanKind(SpanKind.CLIENT).setParent(parent)
                    .setStartTimestamp(attempt.startNanos, TimeUnit.NANOSECONDS)
                    .setAttribute(OPERATION, CHAT)
                    .setAttribute(PROVIDER, providerName(started.provider()))
                    .setAttribute(ATTEMPT, (long) started.attempt());
            if (state.call.model() != null) {
                builder.setAttribute(REQUEST_MODEL, state.call.model());
            }
            if (started.serverAddress() != null) {
                builder.setAttribute(SERVER_ADDRESS, started.serverAddress());
                if (started.serverPort() != null) {
                    builder.setAttribute(SERVER_PORT, started.serverPort().longValue());
                }
            }
            Span span = builder.startSpan();
            AttemptEnded ended = attempt.ended;
            long endNanos = callEndNanos;
            if (ended != null) {
                endNanos = attempt.startNanos + ended.duration().toNanos();
                span.setAttribute(ATTEMPT_NEXT, ended.next().name().toLowerCase(Locale.ROOT));
                if (!ended.succeeded()) {
                    span.setAttribute(ERROR_TYPE, ended.kind().name());
                    if (ended.httpStatus() != null) {
                        span.setAttribute(HTTP_STATUS, ended.httpStatus().longValue());
                    }
                    span.setStatus(StatusCode.ERROR, ended.httpStatus() == null ? ended.kind().name()
                            : ended.kind().name() + " (HTTP " + ended.httpStatus() + ")");
                }
            }
            span.end(endNanos, TimeUnit.NANOSECONDS);
        }
    }

    private static Attributes metricAttributes(CallState state, String provider, String responseModel, AttemptRecord attempt,
            String errorType) {
        AttributesBuilder b = Attributes.builder().put(OPERATION, CHAT);
        if (provider != null) {
            b.put(PROVIDER, provider);
        }
        if (state.call.model() != null) {
            b.put(REQUEST_MODEL, state.call.model());
        }
        if (responseModel != null) {
            b.put(RESPONSE_MODEL, responseModel);
        }
        if (attempt != null && attempt.started.serverAddress() != null) {
            b.put(SERVER_ADDRESS, attempt.started.serverAddress());
            if (attempt.started.serverPort() != null) {
                b.put(SERVER_PORT, attempt.started.serverPort().longValue());
            }
        }
        if (errorType != null) {
            b.put(ERROR_TYPE, errorType);
        }
        return b.build();
    }

    private static void setServer(Span span, AttemptRecord attempt) {
        if (attempt != null && attempt.started.serverAddress() != null) {
            span.setAttribute(SERVER_ADDRESS, attempt.started.serverAddress());
            if (attempt.started.serverPort() != null) {
                span.setAttribute(SERVER_PORT, attempt.started.serverPort().longValue());
            }
        }
    }

    private static void setIfPresent(Span span, AttributeKey<Long> key, Long value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }


    private static String spanName(Call call) {
        return call.model() == null ? CHAT : CHAT + " " + call.model();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1_000_000_000.0;
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    private static final class CallState {
        final Call call;
        final Span span;
        final Context parent;
        final long startNanos;
        final List<AttemptRecord> attempts = new ArrayList<>();
        Duration firstPart;

        CallState(Call call, Span span, Context parent, long startNanos) {
            this.call = call;
            this.span = span;
            this.parent = parent;
            this.startNanos = startNanos;
        }

        /** The last attempt at the answering provider, or the last attempt. */
        AttemptRecord answering(String provider) {
            for (int i = attempts.size() - 1; i >= 0; i--) {
                if (attempts.get(i).started.provider().equals(provider)) {
                    return attempts.get(i);
                }
            }
            return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        }
    }

    private static final class AttemptRecord {
        final AttemptStarted started;
        final long startNanos;
        AttemptEnded ended;

        AttemptRecord(AttemptStarted started, long startNanos) {
            this.started = started;
            this.startNanos = startNanos;
        }
    }
}
