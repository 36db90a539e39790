package dev.junction.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.chat.StreamPart;
import dev.junction.error.JunctionException;
import dev.junction.quote.Quote;

/**
 * {@code chat --stream --json}: one JSON object per part on stdout (NDJSON), each line flushed as
 * it is written, and each with a {@code "type"}. Readers must ignore types they do not know. As
 * without {@code --stream}, stderr still gets the warnings, the usage line and the error lines
 * for people.
 */
final class StreamNdjson implements StreamRun.Output {
    private final CliContext context;
    private StreamPart.Start start;
    private StreamPart.UsageReport usage;

    /** The quote made before sending, or {@code null} when none could be made. */
    private final Quote quote;

    StreamNdjson(CliContext context) {
        this(context, null);
    }

    StreamNdjson(CliContext context, Quote quote) {
        this.context = context;
        this.quote = quote;
    }

    @Override
    public void accept(StreamPart part) {
        ObjectNode line = line(part);
        if (line != null) {
            print(context, line);
        }
        if (part instanceof StreamPart.Start s) {
            start = s;
            if (quote != null) {
                // Right after start, so a reader knows the expected cost before the answer arrives.
                ObjectNode quoted = typed("quote");
                quoted.setAll(QuoteJson.chatQuote(quote));
                print(context, quoted);
            }
        } else if (part instanceof StreamPart.UsageReport u) {
            usage = u;
        } else if (part instanceof StreamPart.Warning w) {
            context.err().println("warning: " + w.message());
            context.err().flush();
        }
    }

    /** The part's line, or {@code null} for a failure, which {@link #fail} reports. */
    static ObjectNode line(StreamPart part) {
        if (part instanceof StreamPart.Start s) {
            ObjectNode line = typed("start").put("id", s.id()).put("provider", s.provider())
                    .put("model", s.model()).put("vendorModel", s.vendorModel());
            line.set("attempts", ChatJson.attempts(s.failedAttempts()));
            return line;
        } else if (part instanceof StreamPart.TextDelta t) {
            return typed("text").put("text", t.text());
        } else if (part instanceof StreamPart.ReasoningDelta r) {
            return typed("reasoning").put("text", r.text());
        } else if (part instanceof StreamPart.ImageOutput i) {
            return typed("image").put("mediaType", i.image().mediaType()).put("bytes", i.image().bytes().length);
        } else if (part instanceof StreamPart.ToolCallDelta d) {
            return typed("toolCallDelta").put("index", d.index()).put("id", d.id()).put("name", d.name())
                    .put("arguments", d.argumentsDelta());
        } else if (part instanceof StreamPart.ToolCallDone c) {
            return ChatJson.toolCall(typed("toolCall"), c.call());
        } else if (part instanceof StreamPart.UsageReport u) {
            ObjectNode line = typed("usage");
            line.set("usage", ChatJson.usage(u.usage()));
            line.set("cost", ChatJson.cost(u.cost()));
            return line;
        } else if (part instanceof StreamPart.Warning w) {
            return typed("warning").put("message", w.message());
        } else if (part instanceof StreamPart.Finish f) {
            return typed("finish").put("finishReason", f.reason().name()).put("rawFinishReason", f.rawReason());
        }
        return null;
    }

    @Override
    public int end() {
        if (start == null) {
            throw new IllegalStateException("the stream finished without a start part");
        }
        context.err().println(UsageLine.of(start, usage) + UsageLine.quoted(quote));
        context.err().flush();
        return 0;
    }

    @Override
    public int fail(JunctionException error) {
        return error(error, context);
    }

    /**
     * Reports an error, in the stream or before it began: {@code {"type":"error","error":{…}}} on
     * stdout, the same error object as {@code chat --json}, and the lines for people on stderr.
     *
     * @return the exit code: 2 when the caller is at fault, else 1
     */
    static int error(JunctionException error, CliContext context) {
        ObjectNode line = typed("error");
        line.set("error", ErrorReport.toJson(error).get("error"));
        print(context, line);
        int code = ErrorReport.print(error, false, context);
        context.err().flush();
        return code;
    }

    private static ObjectNode typed(String type) {
        ObjectNode line = CliJson.object();
        line.put("type", type);
        return line;
    }

    private static void print(CliContext context, ObjectNode line) {
        CliJson.print(context.out(), line);
        context.out().flush();
    }
}
