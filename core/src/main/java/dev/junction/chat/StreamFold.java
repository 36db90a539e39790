package dev.junction.chat;

import dev.junction.cost.Cost;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/** Folds stream parts into a {@link ChatResponse}; one instance per stream. */
final class StreamFold {
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final List<GeneratedImage> images = new ArrayList<>();
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private StreamPart.Start start;
    private Usage usage;
    private Cost cost;
    private FinishReason finishReason;
    private String rawFinishReason;

    /** Consumes the stream into a response. */
    static Future<ChatResponse> collect(ChatStream stream) {
        StreamFold fold = new StreamFold();
        Promise<ChatResponse> result = Promise.promise();
        stream.exceptionHandler(result::tryFail);
        stream.endHandler(end -> result.tryComplete(fold.response()));
        stream.handler(fold::accept);
        return result.future();
    }

    /** Adds one part. */
    public void accept(StreamPart part) {
        if (part instanceof StreamPart.Start s) {
            start = s;
        } else if (part instanceof StreamPart.TextDelta t) {
            text.append(t.text());
        } else if (part instanceof StreamPart.ReasoningDelta r) {
            reasoning.append(r.text());
        } else if (part instanceof StreamPart.ImageOutput i) {
            images.add(i.image());
        } else if (part instanceof StreamPart.ToolCallDone c) {
            toolCalls.add(c.call());
        } else if (part instanceof StreamPart.UsageReport u) {
            usage = u.usage();
            cost = u.cost();
        } else if (part instanceof StreamPart.Warning w) {
            warnings.add(w.message());
        } else if (part instanceof StreamPart.Finish f) {
            finishReason = f.reason();
            rawFinishReason = f.rawReason();
        }
    }

    /** The response so far; complete once the {@link StreamPart.Finish} part was accepted. */
    public ChatResponse response() {
        if (start == null) {
            throw new IllegalStateException("the stream ended without a start part");
        }
        return new ChatResponse(start.id(), start.provider(), start.model(), start.vendorModel(), text.toString(),
                reasoning.length() == 0 ? null : reasoning.toString(), images, toolCalls, finishReason, rawFinishReason,
                usage, cost, warnings, start.failedAttempts(), start.quotedUsd());
    }
}
