package dev.junction.gateway.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.junction.chat.StreamPart;
import dev.junction.chat.ToolCall;
import dev.junction.error.JunctionException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns one stream's {@link StreamPart}s into OpenAI {@code chat.completion.chunk} server-sent
 * events. One writer per stream; not thread-safe (use it from the stream's handler).
 *
 * <p>The first event carries {@code delta {"role":"assistant","content":""}}; then text goes to
 * {@code delta.content}, reasoning to {@code delta.reasoning_content}, tool-call fragments to
 * {@code delta.tool_calls} (id and {@code "type":"function"} on a call's first fragment, a
 * generated id when the vendor sent none), a call's thought signature to
 * {@code delta.tool_calls[{index, extra_content}]} once the call is complete, images to
 * {@code delta.images}, and the finish to an empty delta with {@code finish_reason}. Usage is held
 * until {@link #done()}, which writes it as a chunk with {@code "choices":[]} when the client asked
 * for it. After {@link #done()} or {@link #error} the writer writes nothing more.
 */
public final class ChunkWriter {
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final String id;
    private final String model;
    private final long created;
    private final boolean includeUsage;
    /** Tool calls by their index in this reply, which is also their index on the wire. */
    private final TreeMap<Integer, Call> calls = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();
    private StreamPart.Start start;
    private StreamPart.UsageReport usage;
    private boolean roleSent;
    private boolean closed;

    /**
     * Creates the writer for one stream.
     *
     * @param id the {@code id} of every chunk, such as {@link CompletionJson#newId()}
     * @param requestedModel the model as the client named it, echoed in {@code model}
     * @param created the {@code created} time of every chunk, in epoch seconds
     * @param includeUsage {@code stream_options.include_usage}: whether {@link #done()} writes the usage chunk
     */
    public ChunkWriter(String id, String requestedModel, long created, boolean includeUsage) {
        this.id = id;
        this.model = requestedModel;
        this.created = created;
        this.includeUsage = includeUsage;
    }

    /** The stream's {@link StreamPart.Start}, or {@code null} before it arrived. */
    public StreamPart.Start start() {
        return start;
    }

    /** The stream's warnings so far, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The usage report, or {@code null} when none arrived (yet). */
    public StreamPart.UsageReport usage() {
        return usage;
    }

    /**
     * The events for one part: {@code data: {json}\n\n}, possibly several, or {@code null} when the
     * part produces none (Start, Warning, UsageReport, empty text, or after the stream ended). A
     * {@link StreamPart.Failure} gives {@link #error}'s event.
     */
    public Buffer write(StreamPart part) {
        if (closed) {
            return null;
        }
        if (part instanceof StreamPart.Start s) {
            start = s;
            return null;
        }
        if (part instanceof StreamPart.Warning w) {
            warnings.add(w.message());
            return null;
        }
        if (part instanceof StreamPart.UsageReport u) {
            usage = u;
            return null;
        }
        if (part instanceof StreamPart.Failure f) {
            return error(f.error());
        }
        if (part instanceof StreamPart.TextDelta t) {
            return t.text().isEmpty() ? null : delta(json -> json.writeStringField("content", t.text()), null);
        }
        if (part instanceof StreamPart.ReasoningDelta r) {
            return r.text().isEmpty() ? null : delta(json -> json.writeStringField("reasoning_content", r.text()), null);
        }
        if (part instanceof StreamPart.ToolCallDelta d) {
            return toolCallDelta(d);
        }
        if (part instanceof StreamPart.ToolCallDone d) {
            return toolCallDone(d.call());
        }
        if (part instanceof StreamPart.ImageOutput i) {
            return delta(json -> {
                json.writeArrayFieldStart("images");
                OutboundJson.writeImage(json, i.image());
                json.writeEndArray();
            }, null);
        }
        if (part instanceof StreamPart.Finish f) {
            return delta(json -> { }, OutboundJson.finishReason(f.reason(), f.rawReason()));
        }
        throw new IllegalStateException("a stream part the writer does not know: " + part);
    }

    /**
     * Ends the stream: the usage chunk, when the client asked for it and the vendor reported usage,
     * then {@code data: [DONE]}. {@code null} when the stream already ended.
     */
    public Buffer done() {
        if (closed) {
            return null;
        }
        closed = true;
        Buffer out = Buffer.buffer();
        if (includeUsage && usage != null && usage.usage().isReported()) {
            event(out, json -> {
                head(json);
                json.writeArrayFieldStart("choices");
                json.writeEndArray();
                OutboundJson.writeUsage(json, usage.usage(), usage.cost());
                json.writeEndObject();
            });
        }
        return out.appendBytes(DONE);
    }

    /**
     * Ends the stream with a failure after it started: {@code data: {"error":{…}}\n\n}, the envelope
     * of {@link ErrorJson#of(JunctionException)}, and no {@code [DONE]}. {@code null} when the stream
     * already ended.
     */
    public Buffer error(JunctionException e) {
        if (closed) {
            return null;
        }
        closed = true;
        Buffer out = Buffer.buffer();
        event(out, json -> {
            json.writeStartObject();
            ErrorJson.writeException(json, e);
            json.writeEndObject();
        });
        return out;
    }

    private Buffer toolCallDelta(StreamPart.ToolCallDelta d) {
        Call call = calls.computeIfAbsent(d.index(), Call::new);
        if (call.vendorId == null && d.id() != null && !d.id().isEmpty()) {
            call.vendorId = d.id();
        }
        boolean announce = call.wireId == null;
        if (announce) {
            call.wireId = call.vendorId != null ? call.vendorId : OutboundJson.randomId("call_");
        }
        String name = call.nameSent || d.name() == null || d.name().isEmpty() ? null : d.name();
        call.nameSent |= name != null;
        String arguments = d.argumentsDelta() == null ? "" : d.argumentsDelta();
        if (!announce && name == null && arguments.isEmpty()) {
            return null;
        }
        return delta(json -> {
            json.writeArrayFieldStart("tool_calls");
            json.writeStartObject();
            json.writeNumberField("index", call.index);
            if (announce) {
                json.writeStringField("id", call.wireId);
                json.writeStringField("type", "function");
            }
            json.writeObjectFieldStart("function");
            if (name != null) {
                json.writeStringField("name", name);
            }
            json.writeStringField("arguments", arguments);
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndArray();
        }, null);
    }

    /**
     * A complete call: its signature for a call streamed in fragments, matched by id, else by the
     * first unfinished call of that name; or the whole call when no fragment of it was streamed
     * (a vendor that answered a stream request with one whole reply).
     */
    private Buffer toolCallDone(ToolCall done) {
        Call call = null;
        for (Call c : calls.values()) {
            if (!c.done && done.id() != null && (done.id().equals(c.vendorId) || done.id().equals(c.wireId))) {
                call = c;
                break;
            }
        }
        if (call == null) {
            for (Call c : calls.values()) {
                if (!c.done && (c.vendorId == null || done.id() == null)) {
                    call = c;
                    break;
                }
            }
        }
        if (call != null) {
            call.done = true;
            if (done.signature() == null) {
                return null;
            }
            Call matched = call;
            return delta(json -> {
                json.writeArrayFieldStart("tool_calls");
                json.writeStartObject();
                json.writeNumberField("index", matched.index);
                OutboundJson.writeSignature(json, done.signature());
                json.writeEndObject();
                json.writeEndArray();
            }, null);
        }
        Call whole = new Call(calls.isEmpty() ? 0 : calls.lastKey() + 1);
        whole.done = true;
        whole.wireId = done.id() != null && !done.id().isBlank() ? done.id() : OutboundJson.randomId("call_");
        calls.put(whole.index, whole);
        return delta(json -> {
            json.writeArrayFieldStart("tool_calls");
            json.writeStartObject();
            json.writeNumberField("index", whole.index);
            json.writeStringField("id", whole.wireId);
            json.writeStringField("type", "function");
            json.writeObjectFieldStart("function");
            json.writeStringField("name", done.name());
            json.writeStringField("arguments", done.argumentsJson());
            json.writeEndObject();
            if (done.signature() != null) {
                OutboundJson.writeSignature(json, done.signature());
            }
            json.writeEndObject();
            json.writeEndArray();
        }, null);
    }

    /** One chunk with the given delta fields and finish reason, after the role chunk if none was sent yet. */
    private Buffer delta(WireJson.Writer fields, String finishReason) {
        Buffer out = Buffer.buffer();
        if (!roleSent) {
            roleSent = true;
            event(out, json -> choice(json, d -> {
                d.writeStringField("role", "assistant");
                d.writeStringField("content", "");
            }, null));
        }
        event(out, json -> choice(json, fields, finishReason));
        return out;
    }

    private void choice(JsonGenerator json, WireJson.Writer fields, String finishReason) throws IOException {
        head(json);
        json.writeArrayFieldStart("choices");
        json.writeStartObject();
        json.writeNumberField("index", 0);
        json.writeObjectFieldStart("delta");
        fields.write(json);
        json.writeEndObject();
        json.writeNullField("logprobs");
        json.writeStringField("finish_reason", finishReason);
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private void head(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", id);
        json.writeStringField("object", "chat.completion.chunk");
        json.writeNumberField("created", created);
        json.writeStringField("model", model);
    }

    private static void event(Buffer out, WireJson.Writer writer) {
        out.appendBytes(DATA);
        WireJson.append(out, writer);
        out.appendBytes(END);
    }

    /** What the writer knows of one tool call. */
    private static final class Call {
        private final int index;
        private String vendorId;
        private String wireId;
        private boolean nameSent;
        private boolean done;

        Call(int index) {
            this.index = index;
        }
    }
}
