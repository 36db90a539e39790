package dev.junction.testkit;

import dev.junction.chat.ChatResponse;
import dev.junction.chat.StreamPart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A streamed reply from a vendor's documents and what Junction must make of it: the exact
 * sequence of {@link StreamPart} types, the text and reasoning deltas in order, and, folded with
 * {@code ChatStreams.collect}, the response {@link #reading()} describes. The reading's fixture is
 * the event stream itself (SSE framing, LF line endings); its id and usage object are read from
 * the stream's events.
 *
 * @param reading the expected folded response; its fixture is the stream
 * @param adjustment how the fixture differs from the doc as printed, or {@code "none"}
 * @param parts the exact sequence of part types, {@link StreamPart.Start} first and {@link StreamPart.Finish} last
 * @param textDeltas the text of each {@link StreamPart.TextDelta}, in order
 * @param reasoningDeltas the text of each {@link StreamPart.ReasoningDelta}, in order
 * @param twin the documented non-streaming reply with the same content, or {@code null} when the docs have none
 */
public record DocumentedStream(
        DocumentedReply reading,
        String adjustment,
        List<Class<? extends StreamPart>> parts,
        List<String> textDeltas,
        List<String> reasoningDeltas,
        Twin twin) {

    /** Checks that the declared parts, deltas and reading agree with each other. */
    public DocumentedStream {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(adjustment, "adjustment");
        parts = List.copyOf(parts);
        textDeltas = List.copyOf(textDeltas);
        reasoningDeltas = List.copyOf(reasoningDeltas);
        if (parts.isEmpty() || parts.get(0) != StreamPart.Start.class || parts.get(parts.size() - 1) != StreamPart.Finish.class) {
            throw new IllegalArgumentException("a documented stream's parts start with Start and end with Finish: " + parts);
        }
        requireCount(parts, StreamPart.TextDelta.class, textDeltas.size(), "text deltas");
        requireCount(parts, StreamPart.ReasoningDelta.class, reasoningDeltas.size(), "reasoning deltas");
        requireCount(parts, StreamPart.ImageOutput.class, reading.images().size(), "images of the reading");
        requireCount(parts, StreamPart.Warning.class, reading.warnings().size(), "warnings of the reading");
        if (!String.join("", textDeltas).equals(reading.text())) {
            throw new IllegalArgumentException("the text deltas " + textDeltas + " do not add up to the reading's text " + reading.text());
        }
        String reasoning = reasoningDeltas.isEmpty() ? null : String.join("", reasoningDeltas);
        if (!Objects.equals(reasoning, reading.reasoning())) {
            throw new IllegalArgumentException("the reasoning deltas do not add up to the reading's reasoning");
        }
    }

    /** Starts a stream expectation from the folded response it must give. */
    public static Builder builder(DocumentedReply reading) {
        return new Builder(reading);
    }

    /** What the docs call the example. */
    public String name() {
        return reading.name();
    }

    /** The model the test asks for. */
    public String model() {
        return reading.model();
    }

    /** The event stream's resource. */
    public String fixture() {
        return reading.fixture();
    }

    private static void requireCount(List<Class<? extends StreamPart>> parts, Class<?> type, int expected, String what) {
        long count = parts.stream().filter(type::equals).count();
        if (count != expected) {
            throw new IllegalArgumentException("parts list " + count + " " + type.getSimpleName() + " but there are "
                    + expected + " " + what);
        }
    }

    /**
     * The documented non-streaming reply to the same question, and how the streamed answer rightly
     * differs from it.
     *
     * @param fixture the non-streaming reply's resource, byte for byte from the docs
     * @param difference why the folded stream differs from that reply, or {@code "none"}
     * @param toStreamed turns the non-streaming response into the exact expected folded stream
     */
    public record Twin(String fixture, String difference, UnaryOperator<ChatResponse> toStreamed) {
        /** Checks every field is present. */
        public Twin {
            Objects.requireNonNull(fixture, "fixture");
            Objects.requireNonNull(difference, "difference");
            Objects.requireNonNull(toStreamed, "toStreamed");
        }
    }

    /** Assembles a {@link DocumentedStream}. */
    public static final class Builder {
        private final DocumentedReply reading;
        private String adjustment = "none";
        private final List<Class<? extends StreamPart>> parts = new ArrayList<>();
        private final List<String> textDeltas = new ArrayList<>();
        private final List<String> reasoningDeltas = new ArrayList<>();
        private Twin twin;

        private Builder(DocumentedReply reading) {
            this.reading = reading;
        }

        /** How the fixture differs from the doc as printed. */
        public Builder adjustment(String value) {
            this.adjustment = value;
            return this;
        }

        /** The exact sequence of part types. */
        @SafeVarargs
        public final Builder parts(Class<? extends StreamPart>... types) {
            parts.addAll(Arrays.asList(types));
            return this;
        }

        /** The text deltas, in order. */
        public Builder textDeltas(String... texts) {
            textDeltas.addAll(Arrays.asList(texts));
            return this;
        }

        /** The reasoning deltas, in order. */
        public Builder reasoningDeltas(String... texts) {
            reasoningDeltas.addAll(Arrays.asList(texts));
            return this;
        }

        /** The documented non-streaming reply with the same content, and how the stream differs from it. */
        public Builder twin(String fixture, String difference, UnaryOperator<ChatResponse> toStreamed) {
            this.twin = new Twin(fixture, difference, toStreamed);
            return this;
        }

        /** Builds the expectation. */
        public DocumentedStream build() {
            return new DocumentedStream(reading, adjustment, parts, textDeltas, reasoningDeltas, twin);
        }
    }
}
