package dev.junction.internal.openai.request;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.MediaSource;
import dev.junction.chat.Message;
import dev.junction.chat.Part;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.internal.json.JsonMappers;
import dev.junction.internal.media.MediaTypes;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.MediaPartContext;
import dev.junction.spi.openai.VendorProfile;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes a canonical request as OpenAI-compatible JSON with Jackson's streaming generator,
 * straight into the outgoing buffer, asking the {@link Dialect} at every point vendors differ.
 */
public final class RequestWriter {
    private final VendorProfile profile;
    private final Dialect dialect;
    /** Downloaded media that stand in for URL parts the dialect cannot send (inlineRemoteMedia=true). */
    private final Map<MediaSource.Url, MediaSource> inlined;

    public RequestWriter(VendorProfile profile, Dialect dialect) {
        this(profile, dialect, Map.of());
    }

    private RequestWriter(VendorProfile profile, Dialect dialect, Map<MediaSource.Url, MediaSource> inlined) {
        this.profile = profile;
        this.dialect = dialect;
        this.inlined = inlined;
    }

    /** A writer for one call that writes the downloaded media in place of their URL sources. */
    public RequestWriter inlining(Map<MediaSource.Url, MediaSource> downloads) {
        return downloads.isEmpty() ? this : new RequestWriter(profile, dialect, Map.copyOf(downloads));
    }

    /**
     * Writes the body.
     *
     * @param vendorModel the model name to send
     * @param sendReasoning whether the model honours reasoning controls
     * @param streaming whether to ask for a server-sent-event stream
     */
    public Buffer write(ChatRequest request, String vendorModel, boolean sendReasoning, boolean streaming) throws IOException {
        return write(request, vendorModel, sendReasoning ? request.reasoning() : null, streaming);
    }

    /**
     * Writes the body.
     *
     * @param vendorModel the model name to send
     * @param reasoning the reasoning settings to send (the effort already mapped to one the vendor
     *     documents), or {@code null} to send none
     * @param streaming whether to ask for a server-sent-event stream
     */
    public Buffer write(ChatRequest request, String vendorModel, dev.junction.chat.ReasoningSettings reasoning, boolean streaming)
            throws IOException {
        Buffer buffer = Buffer.buffer(initialCapacity(request));
        Map<String, Object> options = request.providerOptions().get(profile.id());
        try (JsonGenerator json = JsonMappers.LENIENT.getFactory().createGenerator(new BufferOutputStream(buffer))) {
            if (options != null && !options.isEmpty()) {
                // Catches a provider option that repeats a field Junction writes, instead of sending both.
                // Only then: the check keeps a set of every field name written, on every call.
                json.enable(JsonGenerator.Feature.STRICT_DUPLICATE_DETECTION);
            }
            json.writeStartObject();
            json.writeStringField("model", vendorModel);
            json.writeFieldName("messages");
            writeMessages(json, request.messages(), profile.thoughtSignatureWhenMissing(request.model()));
            if (request.temperature() != null) {
                json.writeNumberField("temperature", request.temperature());
            }
            if (request.maxOutputTokens() != null) {
                json.writeNumberField(profile.maxOutputTokensField(), request.maxOutputTokens());
            }
            if (reasoning != null) {
                dialect.writeReasoning(json, reasoning, vendorModel);
            }
            if (streaming) {
                json.writeBooleanField("stream", true);
            } else if (profile.streamsByDefault()) {
                // This vendor streams unless told otherwise; a non-streaming call must say so.
                json.writeBooleanField("stream", false);
            }
            ToolsWriter.write(json, request, dialect, profile.id());
            writeProviderOptions(json, options);
            json.writeEndObject();
        }
        return buffer;
    }

    /** @param dummySignature the model's {@code thoughtSignatureWhenMissing}, or {@code null} */
    private void writeMessages(JsonGenerator json, List<Message> messages, String dummySignature) throws IOException {
        json.writeStartArray();
        for (int m = 0; m < messages.size(); m++) {
            Message message = messages.get(m);
            json.writeStartObject();
            json.writeStringField("role", profile.roleName(message.role()));
            json.writeFieldName("content");
            if (message.parts().isEmpty()) {
                json.writeNull(); // an assistant turn that only called tools
            } else if (message.parts().size() == 1 && message.parts().get(0) instanceof Part.Text text) {
                json.writeString(text.text());
            } else {
                writeParts(json, message.parts(), m);
            }
            if (!message.toolCalls().isEmpty()) {
                // Signatures are filtered here, where the body for this provider is written, so that
                // a fallback or route sending the same request to another provider drops them too.
                ToolsWriter.writeToolCalls(json, message.toolCalls(), dialect, profile.id(), dummySignature);
            }
            if (message.toolCallId() != null) {
                json.writeStringField("tool_call_id", message.toolCallId());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeParts(JsonGenerator json, List<Part> parts, int messageIndex) throws IOException {
        json.writeStartArray();
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            if (part instanceof Part.Text text) {
                json.writeStartObject();
                json.writeStringField("type", "text");
                json.writeStringField("text", text.text());
                json.writeEndObject();
            } else if (part instanceof Part.Media media) {
                MediaSource source = media.source() instanceof MediaSource.Url url ? inlined.getOrDefault(url, url) : media.source();
                MediaPartContext context = new MediaPartContext(profile.id(), messageIndex, p, MediaTypes.of(source));
                dialect.writeMediaPart(json, source, context);
            }
        }
        json.writeEndArray();
    }

    private void writeProviderOptions(JsonGenerator json, Map<String, Object> options) throws IOException {
        if (options == null) {
            return;
        }
        for (Map.Entry<String, Object> option : options.entrySet()) {
            try {
                json.writeFieldName(option.getKey());
            } catch (JsonGenerationException duplicate) {
                throw JunctionException.builder(ErrorKind.INVALID_REQUEST, profile.id() + ": provider option '"
                                + option.getKey() + "' repeats a field Junction already writes")
                        .provider(profile.id())
                        .hint("set it through the canonical request (model, temperature, reasoning…) instead of providerOptions")
                        .build();
            }
            json.writeObject(option.getValue());
        }
    }

    /**
     * A capacity that holds the body's text and inline media, so that the buffer need not grow:
     * past 4 MiB a Netty buffer grows in 4 MiB steps, each copying everything so far, which left
     * ≈4.5× a 20 MiB image in garbage (docs/benchmarks.md). An estimate that falls short (escapes,
     * tools, provider options, a vendor's own media shape) costs one more copy, nothing else.
     */
    private int initialCapacity(ChatRequest request) {
        // The fixed fields take under 100 bytes; a tool's schema often takes a few hundred.
        long bytes = 256 + 512L * request.tools().size();
        for (Message message : request.messages()) {
            for (Part part : message.parts()) {
                if (part instanceof Part.Text text) {
                    bytes += 64 + utf8Length(text.text());
                } else if (part instanceof Part.Media media) {
                    MediaSource source = media.source() instanceof MediaSource.Url url ? inlined.getOrDefault(url, url) : media.source();
                    bytes += 256 + 4 * ((rawLength(source) + 2) / 3);
                }
            }
        }
        return (int) Math.min(bytes, Integer.MAX_VALUE - 16);
    }

    /** The bytes an inline source holds; 0 for a URL, or a file the writer will reject with a clear error. */
    private static long rawLength(MediaSource source) {
        if (source instanceof MediaSource.Bytes b) {
            return b.data().length;
        }
        if (source instanceof MediaSource.DataUri d) {
            return d.uri().length() * 3L / 4; // written as is; this makes the base64 estimate its length
        }
        try {
            return source instanceof MediaSource.File f ? java.nio.file.Files.size(f.path()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long utf8Length(String text) {
        long n = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Surrogate pairs are 4 bytes for 2 chars: the +1 each gives that.
            n += c < 0x80 ? 0 : c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
        }
        return n;
    }

    /** Appends generator output to a Vert.x buffer without an intermediate byte array. */
    private static final class BufferOutputStream extends OutputStream {
        private final Buffer buffer;

        BufferOutputStream(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int off, int len) {
            buffer.appendBytes(bytes, off, len);
        }
    }
}
