package dev.junction.internal.openai.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.chat.FinishReason;
import dev.junction.chat.GeneratedImage;
import dev.junction.chat.StreamPart;
import dev.junction.chat.ToolCall;
import dev.junction.chat.Usage;
import dev.junction.cost.Cost;
import dev.junction.cost.Price;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.json.JsonMappers;
import dev.junction.internal.openai.errors.ErrorReplies;
import dev.junction.internal.openai.plan.CallPlan;
import dev.junction.internal.openai.reply.ReplyReader;
import dev.junction.internal.openai.reply.TaggedReasoning;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.Json;
import dev.junction.spi.openai.VendorProfile;
import io.vertx.core.MultiMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the {@code data} of each server-sent event of an OpenAI-compatible stream into canonical
 * {@link StreamPart}s, asking the {@link Dialect} where vendors differ. One instance per call;
 * not thread-safe.
 */
public final class ChunkMapper {
    private static final String DONE = "[DONE]";
    private static final byte[] DONE_BYTES = DONE.getBytes(StandardCharsets.US_ASCII);
    /** More parallel tool calls than this in one reply is taken for a broken stream, not allocated. */
    private static final int MAX_TOOL_CALLS = 128;

    private final Dialect dialect;
    private final CallPlan plan;
    private final Price price;
    private final ErrorReplies errors;
    private final MultiMap headers;
    private final List<ToolCallBuilder> toolCalls = new ArrayList<>();
    private boolean started;
    private String rawFinish;
    private boolean sawFinish;
    private Usage usage;
    /** Moves tagged reasoning out of the streamed content; {@code null} when the vendor sends none there. */
    private final TaggedReasoning tagged;

    public ChunkMapper(Dialect dialect, CallPlan plan, Price price, ErrorReplies errors, MultiMap headers) {
        this(dialect, plan, price, errors, headers, null);
    }

    /** A mapper that also moves reasoning wrapped in these tags out of {@code content}; {@code null} for none. */
    public ChunkMapper(Dialect dialect, CallPlan plan, Price price, ErrorReplies errors, MultiMap headers,
            VendorProfile.ReasoningTags reasoningTags) {
        this.tagged = reasoningTags == null ? null : new TaggedReasoning(reasoningTags);
        this.dialect = dialect;
        this.plan = plan;
        this.price = price;
        this.errors = errors;
        this.headers = headers;
    }

    /**
     * Maps one event's data.
     *
     * @return {@code true} when the event is the {@code [DONE]} sentinel
     * @throws JunctionException for an error object in the stream (mapped by the dialect) or invalid JSON
     */
    public boolean onData(String data, Consumer<StreamPart> out) {
        if (DONE.equals(data.strip())) {
            return true;
        }
        StandardChunk standard = dialect.standardChunksNeedNoHooks() ? StandardChunk.parse(data) : null;
        if (standard != null) {
            standard(standard, out);
            return false;
        }
        general(data, out);
        return false;
    }

    /**
     * As {@link #onData(String, Consumer)}, from the event's data as UTF-8 bytes (the SSE parser's,
     * valid only during the call). A standard text chunk is read from the bytes; only other events
     * are decoded to a String, so a plain text delta costs one String, its text.
     */
    public boolean onData(byte[] data, int offset, int length, Consumer<StreamPart> out) {
        if (isDone(data, offset, length)) {
            return true;
        }
        StandardChunk standard = dialect.standardChunksNeedNoHooks() ? StandardChunk.parse(data, offset, length) : null;
        if (standard != null) {
            standard(standard, out);
            return false;
        }
        String text = new String(data, offset, length, StandardCharsets.UTF_8);
        if (DONE.equals(text.strip())) {
            return true; // [DONE] amid whitespace that isDone does not know (String.strip's Unicode spaces)
        }
        general(text, out);
        return false;
    }

    /** {@code [DONE]} amid ASCII whitespace as {@link String#strip()} knows it; other cases are left to the String check. */
    private static boolean isDone(byte[] data, int offset, int length) {
        int from = offset;
        int to = offset + length;
        while (from < to && data[from] >= 0 && Character.isWhitespace(data[from])) {
            from++;
        }
        while (to > from && data[to - 1] >= 0 && Character.isWhitespace(data[to - 1])) {
            to--;
        }
        return Arrays.equals(data, from, to, DONE_BYTES, 0, DONE_BYTES.length);
    }

    private void standard(StandardChunk standard, Consumer<StreamPart> out) {
        start(standard.id, standard.model, out);
        if (standard.content != null && !standard.content.isEmpty()) {
            text(standard.content, out);
        }
        if (standard.finishReason != null) {
            rawFinish = standard.finishReason;
            sawFinish = true;
        }
    }

    /** Reads an event through the dialect's hooks. */
    private void general(String data, Consumer<StreamPart> out) {
        JsonNode chunk;
        try {
            chunk = JsonMappers.LENIENT.readTree(data);
        } catch (IOException e) {
            throw protocol("an event that is not JSON: " + shorten(data));
        }
        if (chunk == null || !chunk.isObject()) {
            throw protocol("an event that is not a JSON object: " + shorten(data));
        }
        if (dialect.isErrorBody(chunk)) {
            throw errors.fromEnvelope(200, chunk, headers);
        }
        start(Json.text(chunk, "id"), Json.text(chunk, "model"), out);
        JsonNode choice = chunk.path("choices").path(0);
        if (choice.isObject()) {
            JsonNode delta = choice.has("delta") ? choice.path("delta") : choice.path("message");
            String text = ReplyReader.contentText(delta.get("content"));
            if (!text.isEmpty()) {
                text(text, out);
            }
            String reasoning = dialect.readReasoning(delta);
            if (reasoning != null) {
                out.accept(new StreamPart.ReasoningDelta(reasoning));
            }
            List<String> warnings = new ArrayList<>();
            for (GeneratedImage image : dialect.readImages(delta, warnings)) {
                out.accept(new StreamPart.ImageOutput(image));
            }
            warnings.forEach(w -> out.accept(new StreamPart.Warning(w)));
            for (JsonNode call : delta.path("tool_calls")) {
                out.accept(accumulate(call));
            }
            String finish = Json.text(choice, "finish_reason");
            if (finish != null) {
                rawFinish = finish;
                sawFinish = true;
            }
        }
        if (chunk.path("usage").isObject()) {
            usage = ReplyReader.readUsage(chunk.path("usage"));
            if (chunk.path("choices").isArray() && chunk.path("choices").isEmpty()) {
                // The closing usage chunk (aivideoapi, acedata): the reply is complete even when
                // no finish reason came, so a close without [DONE] after it is a normal end.
                sawFinish = true;
            }
        }
    }

    /** Whether a finish reason or the closing usage chunk has arrived, so that a stream closing now is complete. */
    boolean sawFinish() {
        return sawFinish;
    }

    /** Emits the closing parts: each tool call whole, the usage with its cost, and the finish. */
    public void finish(Consumer<StreamPart> out) {
        start(null, null, out);
        if (tagged != null) {
            tagged.finish((reasoning, run) -> out.accept(part(reasoning, run)));
        }
        for (int i = 0; i < toolCalls.size(); i++) {
            ToolCallBuilder b = toolCalls.get(i);
            if (b.name == null) {
                out.accept(new StreamPart.Warning("tool call " + i + " arrived without a function name and was dropped"));
            } else {
                out.accept(new StreamPart.ToolCallDone(new ToolCall(b.id, b.name, b.arguments.toString(),
                        ReplyReader.signature(b.signature, plan.provider()))));
            }
        }
        List<String> warnings = new ArrayList<>();
        Usage reported = usage == null ? Usage.NONE : usage;
        Cost cost = ReplyReader.cost(reported, price, plan, warnings);
        warnings.forEach(w -> out.accept(new StreamPart.Warning(w)));
        if (usage != null) {
            out.accept(new StreamPart.UsageReport(usage, cost));
        }
        // A clean [DONE] without any finish reason (yisu's documented stream) is a normal stop.
        out.accept(new StreamPart.Finish(rawFinish == null ? FinishReason.STOP : FinishReason.fromRaw(rawFinish), rawFinish));
    }

    /** Content text, split from its tagged reasoning when the vendor wraps reasoning in it. */
    private void text(String text, Consumer<StreamPart> out) {
        if (tagged == null) {
            out.accept(new StreamPart.TextDelta(text));
        } else {
            tagged.feed(text, (reasoning, run) -> out.accept(part(reasoning, run)));
        }
    }

    private static StreamPart part(boolean reasoning, String run) {
        return reasoning ? new StreamPart.ReasoningDelta(run) : new StreamPart.TextDelta(run);
    }

    private void start(String id, String model, Consumer<StreamPart> out) {
        if (started) {
            return;
        }
        started = true;
        out.accept(new StreamPart.Start(id, plan.provider(), plan.model(), plan.vendorModel(), List.of()));
        List<String> warnings = new ArrayList<>(plan.warnings());
        ReplyReader.checkModel(model, plan, warnings);
        warnings.forEach(w -> out.accept(new StreamPart.Warning(w)));
    }

    /**
     * Adds a tool-call fragment. Fragments are matched by {@code index}; when the vendor omits it
     * (Gemini does), a fragment with a new {@code id} starts a new call and one without continues the last.
     */
    private StreamPart accumulate(JsonNode call) {
        String id = Json.text(call, "id");
        if (id != null && id.isEmpty()) {
            id = null;
        }
        JsonNode function = call.path("function");
        ToolCallBuilder b;
        if (call.path("index").isIntegralNumber()) {
            long index = call.path("index").asLong();
            if (index < 0 || index >= MAX_TOOL_CALLS) {
                throw protocol("a tool call with index " + index + " (expected 0 to " + (MAX_TOOL_CALLS - 1) + ")");
            }
            while (toolCalls.size() <= index) {
                toolCalls.add(new ToolCallBuilder());
            }
            b = toolCalls.get((int) index);
        } else if (toolCalls.isEmpty() || id != null && !id.equals(toolCalls.get(toolCalls.size() - 1).id)) {
            if (toolCalls.size() >= MAX_TOOL_CALLS) {
                throw protocol("more than " + MAX_TOOL_CALLS + " tool calls");
            }
            b = new ToolCallBuilder();
            toolCalls.add(b);
        } else {
            b = toolCalls.get(toolCalls.size() - 1);
        }
        if (b.id == null) {
            b.id = id;
        }
        String name = Json.text(function, "name");
        if (b.name == null) {
            b.name = name;
        }
        if (b.signature == null) {
            // Gemini sends it on the call's first (often only) fragment; a later one is taken too,
            // for servers that send it apart, but the first signature of a call wins.
            b.signature = dialect.readThoughtSignature(call);
        }
        String arguments = ReplyReader.argumentsText(function.get("arguments"));
        if (arguments != null) {
            b.arguments.append(arguments);
        }
        return new StreamPart.ToolCallDelta(toolCalls.indexOf(b), id, name, arguments == null ? "" : arguments);
    }

    private JunctionException protocol(String what) {
        return JunctionException.builder(ErrorKind.PROTOCOL, plan.provider() + " streamed " + what)
                .provider(plan.provider())
                .hint("the vendor's stream did not follow its documented format; retry, and report it if it persists")
                .build();
    }

    private static String shorten(String data) {
        return data.length() > 200 ? data.substring(0, 200) + "…" : data;
    }

    /** One tool call being assembled. */
    private static final class ToolCallBuilder {
        private String id;
        private String name;
        private String signature;
        private final StringBuilder arguments = new StringBuilder();
    }
}
